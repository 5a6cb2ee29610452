import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostList } from '../../../shared/it/hosts';
import { createMemoryLogger } from '../logging/logger';
import { createEgressGuard, EgressRefusedError } from './egressGuard';

/** A loopback server that counts the connections it gets (proof a host was never contacted). */
async function counting(handler: (url: string) => [number, Record<string, string>]) {
  let connections = 0;
  const server: Server = createServer((req, res) => {
    const [status, headers] = handler(req.url ?? '/');
    res.writeHead(status, headers).end('ok');
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

let listed: Awaited<ReturnType<typeof counting>>;
let forbidden: Awaited<ReturnType<typeof counting>>;

beforeAll(async () => {
  forbidden = await counting(() => [200, {}]);
  listed = await counting((url) =>
    url === '/bounce' ? [302, { location: `${forbidden.origin}/stolen` }] : [200, {}],
  );
});
afterAll(() => {
  listed.close();
  forbidden.close();
});

const listOf = (...origins: string[]): HostList => ({
  directorySource: 'policy',
  complete: true,
  notes: [],
  hosts: origins.map((o) => {
    const u = new URL(o);
    return {
      scheme: 'http',
      host: u.hostname,
      port: Number(u.port),
      reasons: [{ purpose: 'beacon', by: 'app', detail: 'node', what: 'node', url: o }],
    };
  }),
});

describe('issue 21 attack: main contacts only the hosts it publishes', () => {
  it('a host not on the list is refused before any connection; a listed one is reached', async () => {
    const logger = createMemoryLogger();
    const guard = createEgressGuard({
      fetch: globalThis.fetch,
      hosts: () => Promise.resolve(listOf(listed.origin)),
      logger,
      staleOn: [],
    });
    expect((await guard.fetch(`${listed.origin}/x`)).status).toBe(200);
    const error = await guard.fetch(`${forbidden.origin}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EgressRefusedError);
    expect((error as Error).message).toContain(`did not contact ${new URL(forbidden.origin).host}`);
    expect(forbidden.connections()).toBe(0);
    guard.close();
  });

  it('a redirect from a listed host to a forbidden one is not followed', async () => {
    const guard = createEgressGuard({
      fetch: globalThis.fetch,
      hosts: () => Promise.resolve(listOf(listed.origin)),
      logger: createMemoryLogger(),
      staleOn: [],
    });
    await expect(guard.fetch(`${listed.origin}/bounce`)).rejects.toThrow();
    // A caller reading redirects itself gets the 302 and decides (never the guard's job to follow).
    const manual = await guard.fetch(`${listed.origin}/bounce`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(forbidden.connections()).toBe(0);
    guard.close();
  });

  it('a change of directory or settings makes the list be read again', async () => {
    let current = listOf(listed.origin);
    let fire = (): void => undefined;
    const guard = createEgressGuard({
      fetch: globalThis.fetch,
      hosts: () => Promise.resolve(current),
      logger: createMemoryLogger(),
      staleOn: [
        (listener) => {
          fire = listener;
          return () => undefined;
        },
      ],
    });
    expect((await guard.fetch(`${listed.origin}/x`)).ok).toBe(true);
    current = listOf();
    fire();
    await expect(guard.fetch(`${listed.origin}/x`)).rejects.toBeInstanceOf(EgressRefusedError);
    guard.close();
  });
});

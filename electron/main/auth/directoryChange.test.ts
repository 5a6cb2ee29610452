import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FederationDirectory } from '../../../shared/federation/directory';
import type { SharedFederation } from '../testing/sharedFederation';
import { sharedFederation } from '../testing/sharedFederation';
import { createHarness } from './testing/harness';

let fed: SharedFederation;
let other: { issuer: string; dispose(): Promise<void> };
let server: Server;
let directoryUrl = '';
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

// Tests only: a second broker, loaded by path like the demo federation (the app never links it).
const startOtherBroker = async (): Promise<typeof other> => {
  const path = join(import.meta.dirname, '..', '..', '..', 'federation', 'aai', 'testing');
  const mod = (await import(join(path, 'startTestAai.ts'))) as {
    startTestAai: () => Promise<typeof other>;
  };
  return mod.startTestAai();
};

beforeAll(async () => {
  // Only reads from the federation: the shared one (issue 14: test time).
  fed = sharedFederation();
  other = await startOtherBroker();
  // A hospital directory: the same nodes, but sign-in at the other broker.
  const info = JSON.parse(readFileSync(fed.infoFile, 'utf8')) as { nodes: unknown[] };
  const listing = {
    brokers: [{ issuer: other.issuer, clientId: 'cohort-desk', name: 'Other broker' }],
    nodes: info.nodes,
    trustedVisaIssuers: [{ iss: other.issuer, jku: `${other.issuer}/visa-jwks` }],
  };
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(listing));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  directoryUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/federation.json`;
}, 120_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await other.dispose();
});

describe('issue 12 item 13: changing the directory address switches brokers at once', () => {
  it('the session at a broker the new directory does not list ends; the next sign-in uses the new broker', async () => {
    const h = await createHarness({ fed, dataDir: tmp('app-'), user: 'clinician' });
    const directories: FederationDirectory[] = [];
    h.services.events.subscribe((event, payload) => {
      if (event === 'federation:changed') directories.push(payload as FederationDirectory);
    });
    const first = await h.invoke('auth:signIn', {});
    expect(first.broker?.issuer).toBe(fed.info.issuer);

    const ended = h.next((s) => s.error?.code === 'directory_changed');
    await h.invoke('settings:set', { federationConfigUrl: directoryUrl });
    const summary = await ended;
    expect(summary.state).toBe('signed-out');
    expect(summary.error?.message).toContain('no longer lists the sign-in service');
    // The page got the new directory pushed without asking (no reload).
    expect(directories.at(-1)?.brokers.map((b) => b.issuer)).toEqual([other.issuer]);

    const again = await h.invoke('auth:signIn', {});
    expect(again.state).toBe('signed-in');
    expect(again.broker?.issuer).toBe(other.issuer);
    h.close();
  });

  it('an address that cannot be read ends nothing: the session stays, its broker unknown for now', async () => {
    const h = await createHarness({ fed, dataDir: tmp('app-'), user: 'researcher' });
    await h.invoke('auth:signIn', {});
    await h.invoke('settings:set', { federationConfigUrl: 'http://127.0.0.1:9/federation.json' });
    const directory = await h.invoke('federation:directory');
    expect(directory.problem).toMatch(/could not be reached/);
    const session = await h.invoke('auth:session');
    expect(session.state).toBe('signed-in');
    expect(session.error?.code).not.toBe('directory_changed');
    h.close();
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostListSchema } from '../../shared/it/hosts';
import type { TokenFederation } from '../main/search/testing/tokenFederation';
import { startTokenFederation } from '../main/search/testing/tokenFederation';
import { EXIT } from './exitCodes';
import type { CliContext } from './io';
import { runCli } from './program';
import type { CliTransport } from './transport';
import { openCliTransport } from './transport';

const dir = mkdtempSync(join(tmpdir(), 'cli-hosts-'));
let fed: TokenFederation;
const transports: CliTransport[] = [];

beforeAll(async () => {
  // The real demo federation with the foreign node DE (GRCh37, no htsget).
  fed = await startTokenFederation({ foreignNode: true });
});
afterAll(async () => {
  for (const t of transports) t.close();
  await fed.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A user's environment: own data folder, a policy file (absent unless written), the demo file. */
function userEnv(name: string, policy?: object): NodeJS.ProcessEnv {
  const policyFile = join(dir, `${name}-policy.json`);
  if (policy !== undefined) writeFileSync(policyFile, JSON.stringify(policy));
  return {
    ...process.env,
    COHORT_DESK_DATA_DIR: join(dir, name),
    COHORT_DESK_POLICY: policyFile,
    COHORT_DESK_FEDERATION_FILE: fed.fed.infoFile,
  };
}

/** Runs the CLI in process over the real router and services, as `npm run cli` does. */
async function cli(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let transport: CliTransport | undefined;
  const ctx: CliContext = {
    transport: () => {
      transport ??= openCliTransport(env);
      transports.push(transport);
      return Promise.resolve(transport);
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: dir,
  };
  const code = await runCli(argv, ctx);
  return { code, out: out.join('\n'), err };
}

const hostPort = (url: string): string => {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}:${u.port}`;
};

describe('issue 21: npm run cli -- hosts list', () => {
  it('lists the broker (discovery, tokens incl. the per-node exchange, sign-in page), every node with the foreign one, and exits 0', async () => {
    const r = await cli(userEnv('demo'), 'hosts', 'list');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(EXIT.ok);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      '# Hosts Cohort Desk may contact (directory: embedded-demo). No other outbound request is made; no telemetry.',
    );
    const broker = lines.indexOf(hostPort(fed.fed.info.issuer));
    expect(broker).toBeGreaterThan(0);
    expect(lines.slice(broker + 1, broker + 4)).toEqual([
      '  sign-in broker: Demo federation broker: discovery',
      '  sign-in broker: Demo federation broker: sign-in page (system browser)',
      '  sign-in broker: Demo federation broker: tokens (sign-in, refresh, one token per node)',
    ]);
    expect(fed.fed.info.nodes.map((n) => n.id)).toContain('DE');
    for (const node of fed.fed.info.nodes) {
      const at = lines.indexOf(hostPort(node.beaconUrl));
      expect(at, node.id).toBeGreaterThan(0);
      expect(lines.slice(at + 1).join('\n'), node.id).toContain(
        `node Beacon: ${node.name} (${node.id})`,
      );
    }
  });

  it('`hosts` alone lists them too; --json prints the hosts:list answer', async () => {
    const env = userEnv('demo');
    const plain = await cli(env, 'hosts');
    expect(plain.code).toBe(EXIT.ok);
    expect(plain.out).toBe((await cli(env, 'hosts', 'list')).out);
    const json = await cli(env, 'hosts', 'list', '--json');
    expect(json.code).toBe(EXIT.ok);
    const list = HostListSchema.parse(JSON.parse(json.out));
    expect(list).toMatchObject({ directorySource: 'embedded-demo', complete: true });
    const de = fed.fed.info.nodes.find((n) => n.id === 'DE')!;
    expect(
      list.hosts.find((h) => `http://${h.host}:${h.port}` === hostPort(de.beaconUrl)),
    ).toMatchObject({
      reasons: [{ purpose: 'beacon', by: 'app', url: de.beaconUrl }],
    });
  });

  it("follows the policy: a node outside IT's allow-list is neither listed nor contacted, and named", async () => {
    const r = await cli(
      userEnv('allow', { version: 1, locked: { allowedNodes: ['FI', 'SE'] } }),
      'hosts',
      'list',
    );
    expect(r.code).toBe(EXIT.ok);
    const de = fed.fed.info.nodes.find((n) => n.id === 'DE')!;
    expect(r.out).not.toContain(hostPort(de.beaconUrl));
    expect(r.out).toContain('(FI)');
    expect(r.out).toContain(
      "! Not allowed by your organisation's policy: node IT, node ES, node PT, node DE",
    );
  });

  it('exits 4 when hosts may be missing (the directory cannot be read), still printing what it knows', async () => {
    // A loopback port that was open a moment ago and is closed now: connection refused.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const url = `http://127.0.0.1:${port}/federation.json`;
    const r = await cli(
      userEnv('down', { version: 1, locked: { federationConfigUrl: url } }),
      'hosts',
      'list',
    );
    expect(r.code).toBe(EXIT.unavailable);
    expect(r.out).toContain(
      `http://127.0.0.1:${port}\n  federation directory: federation directory`,
    );
    expect(r.out).toContain('! Hosts may be missing from this list (see above).');
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toContain(
      `Hosts may be missing from this list: The federation directory at ${url} could not be used`,
    );
  });

  it('exits 2 on usage errors, with --help listing the exit codes', async () => {
    const env = userEnv('demo');
    expect((await cli(env, 'hosts', 'list', '--nope')).code).toBe(EXIT.usage);
    expect((await cli(env, 'hosts', 'frobnicate')).code).toBe(EXIT.usage);
    const help = await cli(env, 'hosts', 'list', '--help');
    expect(help.code).toBe(EXIT.ok);
    expect(help.out).toContain('4    a service could not be reached');
  });
});

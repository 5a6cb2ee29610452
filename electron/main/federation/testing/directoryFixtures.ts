// Fixtures shared by the federation directory's tests: the demo federation file's shape, a
// directory over a demo file, a local directory server whose answers a test controls, and a
// directory over a remote address with a clock the test moves.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FederationDirectory } from '../../../../shared/federation/directory';
import { createMemoryLogger } from '../../logging/logger';
import { createNodePlatform } from '../../platform/nodePlatform';
import { loadPolicy } from '../../settings/policy';
import { createSettingsStore } from '../../settings/settingsStore';
import { createFederationDirectory } from '../directory';

export const demo = {
  issuer: 'http://127.0.0.1:4400',
  jwksUri: 'http://127.0.0.1:4400/visa-jwks',
  clientId: 'cohort-desk',
  adminUrl: 'http://127.0.0.1:4400/admin',
  adminSecret: 'never-kept',
  accounts: [],
  nodes: [
    {
      id: 'FI',
      country: 'Finland',
      name: 'FI node',
      beaconUrl: 'http://127.0.0.1:4401/api',
      htsgetUrl: 'http://127.0.0.1:4401/htsget',
    },
  ],
};

export function setup(file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'dir-'));
  const logger = createMemoryLogger();
  const settings = createSettingsStore({
    file: join(dir, 'settings.json'),
    policy: loadPolicy(join(dir, 'none.json')),
    logger,
  });
  const platform = createNodePlatform({ dataDir: dir, transport: 'in-process' });
  return {
    dir,
    directory: createFederationDirectory({ settings, platform, logger, demoFile: file }),
  };
}

/** A directory server whose answers the test controls; `hang` holds requests until released. */
export async function directoryServer(body: unknown) {
  /** `text`, when set, is sent as written instead of `body` as JSON. */
  const state: { body: unknown; text?: string; hang: boolean; requests: number } = {
    body,
    hang: false,
    requests: 0,
  };
  const held: (() => void)[] = [];
  const server = createServer((_req, res) => {
    state.requests += 1;
    const answer = (): void => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(state.text ?? JSON.stringify(state.body));
    };
    if (state.hang) held.push(answer);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/federation.json`;
  return {
    url,
    state,
    release: () => {
      for (const h of held.splice(0)) h();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const listing = (issuer: string, nodeIds: string[]) => ({
  brokers: [{ issuer, clientId: 'cohort-desk', name: `Broker ${issuer}` }],
  nodes: nodeIds.map((id) => ({ id, name: id, country: id, beaconUrl: `${issuer}/${id}/api` })),
  trustedVisaIssuers: [{ iss: issuer, jku: `${issuer}/jwks` }],
});

export function remoteSetup(dataDir = mkdtempSync(join(tmpdir(), 'dir-'))) {
  let clock = Date.now();
  const logger = createMemoryLogger();
  const settings = createSettingsStore({
    file: join(dataDir, 'settings.json'),
    policy: loadPolicy(join(dataDir, 'none.json')),
    logger,
  });
  const platform = createNodePlatform({ dataDir, transport: 'in-process' });
  const directory = createFederationDirectory({
    settings,
    platform,
    logger,
    demoFile: '/nonexistent/federation.json',
    now: () => clock,
    timeoutMs: 300,
  });
  const changes: FederationDirectory[] = [];
  directory.onChange((d) => changes.push(d));
  return {
    dataDir,
    settings,
    directory,
    changes,
    advance: (ms: number) => (clock += ms),
  };
}

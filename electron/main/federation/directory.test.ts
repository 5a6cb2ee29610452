import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import { createNodePlatform } from '../platform/nodePlatform';
import { loadPolicy } from '../settings/policy';
import { createSettingsStore } from '../settings/settingsStore';
import { createFederationDirectory } from './directory';

const demo = {
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

function setup(file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'dir-'));
  const logger = createMemoryLogger();
  const settings = createSettingsStore({
    file: join(dir, 'settings.json'),
    policy: loadPolicy(join(dir, 'none.json')),
    logger,
  });
  const platform = createNodePlatform({ dataDir: dir, transport: 'test' });
  return {
    dir,
    directory: createFederationDirectory({ settings, platform, logger, demoFile: file }),
  };
}

describe('federation directory (DESIGN federation, PASS-02 trusted issuers)', () => {
  it('reads the embedded demo federation.json; keeps no admin secret', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fed-')), 'federation.json');
    writeFileSync(file, JSON.stringify(demo));
    const dir = await setup(file).directory.get();
    expect(dir).toMatchObject({
      source: 'embedded-demo',
      brokers: [{ issuer: demo.issuer, clientId: 'cohort-desk' }],
      trustedVisaIssuers: [{ iss: demo.issuer, jku: demo.jwksUri }],
      nodes: [{ id: 'FI' }],
    });
    expect(JSON.stringify(dir)).not.toContain('never-kept');
  });

  it('no file → source none with empty lists', async () => {
    expect(await setup('/nonexistent/federation.json').directory.get()).toEqual({
      source: 'none',
      brokers: [],
      nodes: [],
      trustedVisaIssuers: [],
    });
  });

  it('a bad file → empty directory whose problem names the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fed-')), 'federation.json');
    writeFileSync(file, JSON.stringify({ issuer: 'not a url' }));
    const dir = await setup(file).directory.get();
    expect(dir.source).toBe('none');
    expect(dir.problem).toContain(file);
  });

  it('an embedded demo that points away from 127.0.0.1 is refused', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fed-')), 'federation.json');
    writeFileSync(file, JSON.stringify({ ...demo, issuer: 'https://evil.example' }));
    expect((await setup(file).directory.get()).problem).toMatch(/127\.0\.0\.1/);
  });
});

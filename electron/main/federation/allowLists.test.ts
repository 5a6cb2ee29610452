import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import { createNodePlatform } from '../platform/nodePlatform';
import { loadPolicy } from '../settings/policy';
import { createSettingsStore } from '../settings/settingsStore';
import { createFederationDirectory, isUsable } from './directory';

const node = (id: string, port: number) => ({
  id,
  country: id,
  name: `${id} node`,
  beaconUrl: `http://127.0.0.1:${port}/api`,
});

describe('issue 21: IT allow-lists over the federation directory', () => {
  it('a directory IT narrowed stays usable: dropped entries are named, not a problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allow-'));
    const demoFile = join(dir, 'federation.json');
    writeFileSync(
      demoFile,
      JSON.stringify({
        issuer: 'http://127.0.0.1:4400',
        jwksUri: 'http://127.0.0.1:4400/visa-jwks',
        clientId: 'cohort-desk',
        nodes: [node('FI', 4401), node('DE', 4402)],
      }),
    );
    const policyFile = join(dir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ version: 1, locked: { allowedNodes: ['FI'] } }));
    const logger = createMemoryLogger();
    const settings = createSettingsStore({
      file: join(dir, 'settings.json'),
      policy: loadPolicy(policyFile),
      logger,
    });
    const platform = createNodePlatform({ dataDir: dir, transport: 'test' });
    const directory = createFederationDirectory({ settings, platform, logger, demoFile });
    try {
      const got = await directory.get();
      expect(got.nodes.map((n) => n.id)).toEqual(['FI']);
      expect(got.notAllowed).toEqual(['node DE']);
      expect(got.problem).toBeUndefined();
      // Sign-in follows only a usable directory (its visa issuers, brokers): narrowing must not
      // make it unusable, or no passport would be trusted under an allow-list.
      expect(isUsable(got)).toBe(true);
      expect(got.trustedVisaIssuers).toHaveLength(1);
    } finally {
      directory.close();
    }
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SharedFederation, PullHarness } from '../pull/testing/pullHarness';
import { signedIn, tmp, useSharedFederation } from '../pull/testing/pullHarness';
import { scopeOf } from './datasetFolder';

let fed: SharedFederation;
useSharedFederation((started) => (fed = started));

async function pull(h: PullHarness, dataDir: string, nodeId: string, datasetId: string) {
  const { jobId } = await h.invoke('pull:start', { nodeId, datasetId, purpose: 'clinical-care' });
  const end = await h.until(jobId, (p) => p.state !== 'running');
  expect(end.state, end.message).toBe('done');
  const s = await h.invoke('auth:session');
  const user = { sub: s.user?.sub ?? '', iss: s.broker?.issuer ?? '' };
  return join(dataDir, 'vault', scopeOf(user), datasetId);
}

describe('issue 13: allowLocalCache applies to copies already pulled', () => {
  it('issue 13: a policy that forbids local copies locks existing copies at once and purges them, with an audit entry and a notice saying why', async () => {
    const dataDir = tmp('vault-policy-');
    const before = await signedIn({ fed, dataDir, user: 'clinician' });
    const dir = await pull(before, dataDir, 'SE', 'SE-CA-01');
    before.close();

    // Hospital IT installs a policy (the harness reads <data>/no-policy.json as the policy file).
    writeFileSync(
      join(dataDir, 'no-policy.json'),
      JSON.stringify({ version: 1, locked: { allowLocalCache: false } }),
    );
    const h = await signedIn({ fed, dataDir, user: 'clinician' });
    expect(existsSync(dir)).toBe(false);
    expect(h.services.vault.readPart('SE-CA-01', 'database')).toMatchObject({
      ok: false,
      status: 404,
    });
    const list = await h.invoke('vault:list');
    expect(list.datasets).toEqual([]);
    expect(list.removed).toEqual([
      expect.objectContaining({
        datasetId: 'SE-CA-01',
        reason: 'policy',
        message: expect.stringMatching(
          /organisation’s policy does not allow local copies/,
        ) as unknown,
      }),
    ]);
    expect(readFileSync(h.services.audit.file, 'utf8')).toMatch(
      /"vault\.purge".*"datasetId":"SE-CA-01".*"reason":"policy"/,
    );
    h.close();
  }, 120_000);

  it('issue 13: turning local copies off in Settings locks the copies at once (kept, not deleted); turning them on makes them readable again', async () => {
    const dataDir = tmp('vault-setting-');
    const h = await signedIn({ fed, dataDir, user: 'clinician' });
    const dir = await pull(h, dataDir, 'ES', 'ES-NE-01');
    expect(h.services.vault.readPart('ES-NE-01', 'database').ok).toBe(true);
    h.services.settings.set({ allowLocalCache: false });
    expect(h.services.vault.readPart('ES-NE-01', 'database')).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringMatching(/Local copies are turned off in Settings/) as unknown,
      // Issue 22, decision 0076: the route's refusal carries the vault's own note as its code.
      said: {
        code: 'not-readable',
        params: expect.objectContaining({ note: 'cache-off', dataset: 'ES-NE-01' }) as unknown,
      },
    });
    const list = await h.invoke('vault:list');
    expect(list.datasets).toEqual([]);
    expect(list.notes).toEqual([
      expect.objectContaining({ datasetId: 'ES-NE-01', readable: false }),
    ]);
    expect(h.vaultChanges.at(-1)?.datasets).toEqual([]);
    expect(existsSync(join(dir, 'key.wrapped'))).toBe(true);
    h.services.settings.set({ allowLocalCache: true });
    expect(h.services.vault.readPart('ES-NE-01', 'database').ok).toBe(true);
    h.close();
  }, 120_000);
});

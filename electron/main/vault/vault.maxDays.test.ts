import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SharedFederation, PullHarness } from '../pull/testing/pullHarness';
import { signedIn, tmp, useSharedFederation } from '../pull/testing/pullHarness';
import { scopeOf } from './datasetFolder';
import type { Binding } from './binding';
import { readability } from './retention';

let fed: SharedFederation;
useSharedFederation((started) => (fed = started));

const DAY = 86_400_000;

async function pull(h: PullHarness, dataDir: string, nodeId: string, datasetId: string) {
  const { jobId } = await h.invoke('pull:start', { nodeId, datasetId, purpose: 'clinical-care' });
  const end = await h.until(jobId, (p) => p.state !== 'running');
  expect(end.state, end.message).toBe('done');
  const s = await h.invoke('auth:session');
  const user = { sub: s.user?.sub ?? '', iss: s.broker?.issuer ?? '' };
  return join(dataDir, 'vault', scopeOf(user), datasetId);
}

describe('issue 21: cacheMaxDays (STANDARDS 5.6 CacheMaxDays, DATA-05)', () => {
  it('a copy older than the maximum is deleted at once when the maximum shortens, with an audit entry; a younger one stays', async () => {
    let clock = Date.now();
    const dataDir = tmp('vault-maxdays-');
    const h = await signedIn({ fed, dataDir, user: 'clinician', now: () => clock });
    const dir = await pull(h, dataDir, 'SE', 'SE-CA-01');
    expect(JSON.parse(readFileSync(join(dir, 'binding.json'), 'utf8'))).toHaveProperty('pulledAt');
    h.services.settings.set({ cacheMaxDays: 3 });
    clock += 2 * DAY;
    h.services.vault.purge('hourly');
    expect(existsSync(dir)).toBe(true);
    h.services.settings.set({ cacheMaxDays: 1 });
    expect(existsSync(dir)).toBe(false);
    const list = await h.invoke('vault:list');
    expect(list.removed).toEqual([
      expect.objectContaining({
        datasetId: 'SE-CA-01',
        reason: 'policy',
        message: expect.stringMatching(/at most 1 days \(cacheMaxDays\)/) as unknown,
      }),
    ]);
    expect(readFileSync(h.services.audit.file, 'utf8')).toMatch(
      /"vault\.purge".*"datasetId":"SE-CA-01".*"reason":"policy"/,
    );
    h.close();
  }, 120_000);
});

describe('issue 21: cacheMaxDays in the retention rule', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  const binding = (pulledAt?: string): Binding => ({
    datasetId: 'FI-RD-01',
    nodeId: 'FI',
    visa: {
      jti: 'j',
      iss: 'https://aai',
      value: 'v',
      source: 's',
      exp: now / 1000 + 1e6,
      asserted: 0,
    },
    expiresAt: new Date(now + 1e9).toISOString(),
    ...(pulledAt === undefined ? {} : { pulledAt }),
  });
  const policy = { allowed: true, managed: false, maxDays: 30, maxDaysManaged: true };
  const judge = (b: Binding, extra: { pulledAt?: number } = {}, localCache = policy) =>
    readability(b, undefined, now, { localCache, confirmed: true, ...extra });

  it('past the maximum: purged for policy, saying who decided and when it was pulled', () => {
    expect(judge(binding('2026-10-01T00:00:00Z'))).toEqual({
      readable: false,
      purge: 'policy',
      message:
        'Your organisation’s policy keeps pulled datasets for at most 30 days (cacheMaxDays); the local copy of FI-RD-01, pulled on 2026-10-01T00:00:00.000Z, is deleted.',
      // Issue 22: the same as a code the Cohorts page words in the reader's language.
      said: {
        code: 'max-days-policy',
        params: { dataset: 'FI-RD-01', days: 30, pulled: '2026-10-01T00:00:00.000Z' },
      },
    });
  });

  it('within the maximum, or with no maximum (0), the age deletes nothing', () => {
    expect(judge(binding('2026-11-20T00:00:00Z')).purge).toBeUndefined();
    expect(judge(binding('2020-01-01T00:00:00Z'), {}, { ...policy, maxDays: 0 }).purge).toBe(
      undefined,
    );
  });

  it('a copy pulled before issue 21 (no pulledAt in its binding) is aged from the time given', () => {
    expect(judge(binding(), { pulledAt: now - 31 * DAY }).purge).toBe('policy');
    expect(judge(binding(), { pulledAt: now - 29 * DAY }).purge).toBeUndefined();
  });
});

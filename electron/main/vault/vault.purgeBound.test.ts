import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSessionTimers } from '../auth/sessionTimers';
import type { PullFederation } from '../pull/testing/pullHarness';
import { signedIn, tmp } from '../pull/testing/pullHarness';
import { startSignInFederation } from '../auth/testing/signInFederation';

/** The demo broker's access-token lifetime (federation/aai: 300 s). */
const DEMO_TOKEN_TTL_MS = 300_000;
/** Purge delay after a revocation at the AAI: the passport is re-read at the next token refresh. */
const PURGE_BOUND_MS = DEMO_TOKEN_TTL_MS - Math.min(60_000, DEMO_TOKEN_TTL_MS / 4);

describe('issue 12: the purge delay after a revocation is bounded by the token refresh', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it(`issue 12: the passport is re-read at most ${String(PURGE_BOUND_MS / 1000)} s after the last one (demo 300 s tokens: lifetime − min(60 s, lifetime/4))`, () => {
    vi.useFakeTimers();
    const refreshes: number[] = [];
    const timers = createSessionTimers({
      onRefreshDue: () => refreshes.push(Date.now()),
      onAccessChange: () => undefined,
    });
    const start = Date.now();
    timers.scheduleRefresh(
      { accessToken: 'a', accessExpiresAt: start + DEMO_TOKEN_TTL_MS, sub: 's', refreshToken: 'r' },
      start,
    );
    vi.advanceTimersByTime(PURGE_BOUND_MS - 1);
    expect(refreshes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(refreshes).toEqual([start + PURGE_BOUND_MS]);
    timers.clear();
  });

  describe('with 8 s access tokens', () => {
    let fed: PullFederation;
    beforeAll(async () => {
      fed = (await startSignInFederation({
        runDir: tmp('vault-bound-fed-'),
        accessTokenTtlSec: 8,
        passportCacheTtlMs: 0,
      })) as PullFederation;
    }, 180_000);
    afterAll(async () => {
      await fed.close();
    });

    it('issue 12: a revocation is purged by the session’s own first refresh after it, with no other trigger', async () => {
      const h = await signedIn({ fed, dataDir: tmp('vault-bound-'), user: 'clinician' });
      const { jobId } = await h.invoke('pull:start', {
        nodeId: 'SE',
        datasetId: 'SE-CA-01',
        purpose: 'clinical-care',
      });
      expect((await h.until(jobId, (p) => p.state !== 'running')).state).toBe('done');
      await fed.aai.admin.revoke('clinician', 'SE-CA-01');
      const sessionEventsBefore = h.changes.length;
      const vaultEventsBefore = h.vaultChanges.length;
      await vi.waitUntil(
        () => h.vaultChanges.slice(vaultEventsBefore).some((l) => l.removed.length > 0),
        { timeout: 60_000, interval: 100 },
      );
      // The purge came with the first session event after the revocation: its refresh.
      expect(h.changes.length - sessionEventsBefore).toBe(1);
      expect(h.vaultChanges.at(-1)?.removed[0]).toMatchObject({
        datasetId: 'SE-CA-01',
        reason: 'visa-revoked',
      });
      h.close();
    }, 120_000);
  });
});

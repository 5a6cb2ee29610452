import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../../shared/auth/session';
import { SearchQuerySchema } from '../../../shared/search/query';
import { createApiClient, setApiClient } from '../api/client';
import { resetStore, useStore } from './index';

const calls: string[] = [];
const EMPTY: Record<string, unknown> = {
  'search:recent': { ok: true, value: { items: [] } },
  'cohorts:list': { ok: true, value: { items: [] } },
  'pull:jobs': { ok: true, value: { jobs: [] } },
  'vault:list': { ok: true, value: { datasets: [], removed: [], locked: false } },
};

beforeEach(() => {
  calls.length = 0;
  setApiClient(
    createApiClient({
      kind: 'browser',
      invoke: (channel) => {
        calls.push(channel);
        return Promise.resolve(EMPTY[channel]);
      },
      on: () => () => undefined,
    }),
  );
});
afterEach(() => {
  setApiClient(undefined);
  resetStore();
});

const session = (sub?: string): SessionSummary => ({
  state: sub === undefined ? 'signed-out' : 'signed-in',
  persistence: { mode: 'memory-only', reason: 'browser mode' },
  access: [],
  ignoredVisas: [],
  ...(sub === undefined
    ? {}
    : { user: { sub }, broker: { issuer: 'http://127.0.0.1:4000', name: 'Demo AAI' } }),
});

/** What the clinician had on screen: recent queries, a saved cohort, a finished pull, a cache. */
function clinicianState(): void {
  const query = SearchQuerySchema.parse({ genomic: 'SCN1A' });
  useStore.setState({
    session: session('clinician'),
    searchRecent: [{ query, description: 'individuals: SCN1A', ranAt: '2026-12-01T10:00:00.000Z' }],
    cohortSaved: [
      {
        id: 'c1',
        name: 'SCN1A',
        filters: useStore.getState().cohortFilters,
        savedAt: '2026-12-01T10:00:00.000Z',
      },
    ],
    pullJobs: [
      { jobId: 'j1', nodeId: 'FI', datasetId: 'FI-RD-01', state: 'done', records: 1553, bytes: 1 },
    ],
    cohortCache: { datasets: [], removed: [], locked: false },
    exportOutcome: { fileName: 'cohort.csv', rows: 3, individuals: 3, included: [], decisions: [] },
  });
}

describe('issue 13: per-user state leaves the screen with its user', () => {
  it('issue 13: sign-out clears recent queries, saved cohorts, pull jobs and the cache list, and reads them again for nobody', async () => {
    clinicianState();
    useStore.getState().receiveSession(session());
    const s = useStore.getState();
    expect([s.searchRecent, s.cohortSaved, s.pullJobs]).toEqual([[], [], []]);
    expect(s.cohortCache).toBeUndefined();
    // Issue 14: the export outcome lives in the store now; it leaves with its user too.
    expect(s.exportOutcome).toBeUndefined();
    await Promise.resolve();
    expect(calls).toEqual(
      expect.arrayContaining(['search:recent', 'cohorts:list', 'pull:jobs', 'vault:list']),
    );
  });

  it('issue 13: another user signing in clears the first user’s state; a session refresh of the same user does not', () => {
    clinicianState();
    useStore.getState().receiveSession({ ...session('clinician'), access: [] });
    expect(useStore.getState().searchRecent).toHaveLength(1);
    expect(calls).toEqual([]);
    useStore.getState().receiveSession(session('researcher'));
    expect(useStore.getState().searchRecent).toEqual([]);
    expect(useStore.getState().pullJobs).toEqual([]);
  });
});

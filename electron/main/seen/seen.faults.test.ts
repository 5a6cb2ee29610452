import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SeenCandidate, SeenDone } from '../../../shared/seen/channels';
import { startTokenFederation, type TokenFederation } from '../search/testing/tokenFederation';
import type { SeenHarness } from './testing/seenHarness';
import { openSeenHarness } from './testing/seenHarness';

let demo: TokenFederation;
let h: SeenHarness;
// Twenty alleles around the planted BRCA1 one (only the first is held anywhere).
const CANDIDATES: SeenCandidate[] = Array.from({ length: 20 }, (_, i) => ({
  chrom: '17',
  pos: 43057062 + i,
  ref: 'T',
  alt: i === 0 ? 'TG' : 'C',
}));

beforeAll(async () => {
  demo = await startTokenFederation();
  h = await openSeenHarness(() => demo.directory(), 'DOWN-1', '17-43057062-T-TG', ['HP:0003002']);
  h.useTokens(await demo.tokenFor('clinician'));
  await h.call('settings:set', { nodeTimeoutMs: 4_000 });
}, 120_000);
afterEach(() => {
  for (const n of demo.fed.nodes) n.setFaults({});
});
afterAll(async () => {
  await h.close();
  await demo.close();
});

const run = async (): Promise<{ queryId: string; done: SeenDone }> => {
  const queryId = `seen-${crypto.randomUUID()}`;
  await h.call('seen:lookup', { queryId, caseId: 'DOWN-1', candidates: CANDIDATES });
  return { queryId, done: (await h.finished(queryId)) as SeenDone };
};
const last = (queryId: string) =>
  new Map(h.progress.filter((p) => p.queryId === queryId).map((p) => [p.nodeId, p]));

describe('issue 18: seen before when nodes are down or slow', () => {
  it('issue 18: a node that is down shows its error, a node that only times out is given up after ten, the rest answer every allele', async () => {
    demo.setFaults('IT', { down: true });
    demo.setFaults('PT', { latencyMs: 9_000 });
    const { queryId, done } = await run();
    const nodes = last(queryId);
    const bad = (await h.call('seen:stored', { caseId: 'DOWN-1' })).answers.filter(
      (a) => a.status !== 'ok' && ['FI', 'ES', 'SE'].includes(a.nodeId),
    );
    expect(bad).toEqual([]);
    for (const id of ['FI', 'ES', 'SE'])
      expect(nodes.get(id), JSON.stringify(nodes.get(id))).toMatchObject({
        status: 'ok',
        done: 20,
        failed: 0,
      });
    expect(nodes.get('IT')?.status).toBe('error');
    expect(nodes.get('IT')?.message).toMatch(/^Node IT could not be reached\. 3 lookups in a row/);
    expect(nodes.get('PT')?.status).toBe('error');
    expect(nodes.get('PT')?.message).toMatch(/^Node PT timed out after 4 s\. 10 lookups in a row/);
    // Issue 22: the same as codes, for the renderer to word in the user's language.
    expect(nodes.get('IT')?.problem).toMatchObject({
      kind: 'stopped',
      limit: 3,
      last: { code: 'unreachable' },
    });
    expect(nodes.get('PT')?.problem).toMatchObject({
      kind: 'stopped',
      limit: 10,
      last: { code: 'timeout', seconds: 4 },
    });
    expect(done).toMatchObject({ cancelled: false });
    const stored = await h.call('seen:stored', { caseId: 'DOWN-1' });
    const ok = stored.answers.filter((a) => a.status === 'ok');
    expect(new Set(ok.map((a) => a.nodeId))).toEqual(new Set(['FI', 'ES', 'SE']));
    expect(ok).toHaveLength(60);
  });

  it('issue 22: a node whose assembly cannot take the query says so as a code, live and stored', async () => {
    const live = demo.directory();
    h.useDirectory(() => ({
      ...live,
      nodes: live.nodes.map((n) => (n.id === 'IT' ? { ...n, assembly: 'T2T-CHM13' } : n)),
    }));
    try {
      const { queryId } = await run();
      const italy = last(queryId).get('IT');
      expect(italy?.message).toMatch(
        /^Node IT holds its data on T2T-CHM13, which Cohort Desk cannot/,
      );
      expect(italy?.problem).toEqual({
        kind: 'none',
        failed: 20,
        total: 20,
        last: { code: 'no-conversion', assembly: 'T2T-CHM13' },
      });
      // A failed answer replaces an earlier failed one (IT was down above), never a good one.
      const stored = await h.call('seen:stored', { caseId: 'DOWN-1' });
      const mine = stored.answers.filter((a) => a.nodeId === 'IT');
      expect(mine).toHaveLength(20);
      for (const a of mine)
        expect(a.problem).toEqual({ code: 'no-conversion', assembly: 'T2T-CHM13' });
    } finally {
      h.useDirectory(() => demo.directory());
    }
  });

  it('issue 18: cancel stops every node; each says cancelled', async () => {
    for (const n of demo.fed.nodes) n.setFaults({ latencyMs: 400 });
    const queryId = `seen-${crypto.randomUUID()}`;
    await h.call('seen:lookup', { queryId, caseId: 'DOWN-1', candidates: CANDIDATES });
    await h.progressWhere((p) => p.queryId === queryId && p.status === 'running');
    expect(await h.call('seen:cancel', { queryId })).toEqual({ cancelled: true });
    const done = (await h.finished(queryId)) as SeenDone;
    expect(done.cancelled).toBe(true);
    for (const p of last(queryId).values()) expect(p.status, p.nodeId).toBe('cancelled');
  });
});

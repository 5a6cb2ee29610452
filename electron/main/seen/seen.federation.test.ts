import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRange } from '../../../shared/search/aggregate';
import type { SeenAnswer, SeenCandidate } from '../../../shared/seen/channels';
import { candidateKey } from '../../../shared/seen/channels';
import { groundTruth } from '../pull/testing/groundTruth';
import {
  sharedTokenFederation,
  type ReadOnlyTokenFederation,
} from '../search/testing/tokenFederation';
import type { SeenHarness } from './testing/seenHarness';
import { openSeenHarness } from './testing/seenHarness';

let demo: ReadOnlyTokenFederation;
let h: SeenHarness;
const PLANTED = '17-43057062-T-TG';
const candidate = (key: string): SeenCandidate => {
  const [chrom = '', pos = '', ref = '', alt = ''] = key.split('-');
  return { chrom, pos: Number(pos), ref, alt };
};
// The planted BRCA1 allele, a planted SCN1A allele and an allele no node holds.
const CANDIDATES = [PLANTED, '2-166002500-C-T', '1-1000000-A-C'].map(candidate);

beforeAll(async () => {
  demo = sharedTokenFederation();
  h = await openSeenHarness(() => demo.directory(), 'SEEN-1', PLANTED, ['HP:0003002']);
}, 120_000);
afterAll(async () => {
  await h.close();
});

const lookup = async (): Promise<{ answers: SeenAnswer[]; queryId: string }> => {
  const queryId = `seen-${crypto.randomUUID()}`;
  const started = new Date().toISOString();
  await h.call('seen:lookup', { queryId, caseId: 'SEEN-1', candidates: CANDIDATES });
  await h.finished(queryId);
  const stored = await h.call('seen:stored', { caseId: 'SEEN-1' });
  return { queryId, answers: stored.answers.filter((a) => a.at >= started) };
};

/** Individuals of a dataset who carry the allele, from the node's own Parquet. */
const carriersOf = async (nodeId: string, datasetId: string, key: string): Promise<string[]> =>
  (await groundTruth(nodeId, datasetId, 'genotypes'))
    .filter((g) => g.variant_key === key && g.zygosity !== 'ref')
    .map((g) => String(g.individual_id))
    .sort();

/** Every node's answer for every allele equals what the node holds, at the granularity it chose. */
async function expectTruth(answers: SeenAnswer[]): Promise<Set<string>> {
  const granularities = new Set<string>();
  expect(answers).toHaveLength(CANDIDATES.length * 5);
  for (const a of answers) {
    expect(a.status, `${a.nodeId} ${a.key}`).toBe('ok');
    // The node's own yes/no covers datasets it does not list to this user (issue 13).
    const held = Object.entries(demo.truth.datasets).some(
      ([, d]) => d.node === a.nodeId && (d.planted[a.key]?.carriers ?? 0) > 0,
    );
    expect(a.exists, `${a.nodeId} ${a.key} ${JSON.stringify(a)}`).toBe(held);
    for (const ds of a.datasets ?? []) {
      granularities.add(ds.granularity);
      const truth = demo.truth.datasets[ds.id]?.planted[a.key]?.carriers ?? 0;
      const where = `${a.nodeId} ${ds.id} ${a.key} (${ds.granularity})`;
      expect(ds.exists, where).toBe(truth > 0);
      if (ds.granularity === 'record') {
        expect(ds.count, where).toEqual({ value: truth, precision: 'exact' });
        const listed = (a.carriers ?? []).filter((c) => c.datasetId === ds.id);
        expect(listed.map((c) => c.id).sort(), where).toEqual(
          await carriersOf(a.nodeId, ds.id, a.key),
        );
        for (const c of listed) expect(c.phenotypes.length, `${where} ${c.id}`).toBeGreaterThan(0);
      } else if (ds.count !== undefined) {
        const r = countRange(ds.count);
        expect(truth, where).toBeGreaterThanOrEqual(r.min);
        expect(truth, where).toBeLessThanOrEqual(r.max);
      }
      if (ds.granularity !== 'record')
        expect(
          (a.carriers ?? []).filter((c) => c.datasetId === ds.id),
          where,
        ).toEqual([]);
    }
  }
  return granularities;
}

describe('issue 18: seen before, against the demo federation', () => {
  it('issue 18: as the clinician, each node answers each allele as its ground truth says (records with phenotypes where granted)', async () => {
    h.useTokens(await demo.tokenFor('clinician'));
    const { answers } = await lookup();
    const g = await expectTruth(answers);
    expect(g).toContain('record');
    const it = answers.find((a) => a.nodeId === 'IT' && a.key === PLANTED);
    expect(it?.carriers?.length).toBe(demo.truth.datasets['IT-CA-01']?.planted[PLANTED]?.carriers);
  });

  it('issue 18: as the researcher, counts (rounded or "<N" where the node adjusts them) hold the truth; no records', async () => {
    h.useTokens(await demo.tokenFor('researcher'));
    const { answers } = await lookup();
    const g = await expectTruth(answers);
    expect([...g]).not.toContain('record');
    expect(g).toContain('count');
    expect(answers.every((a) => a.carriers === undefined)).toBe(true);
  });

  it('issue 18: signed out, nodes answer yes/no for what is public to them; the truth still holds', async () => {
    h.useTokens(undefined);
    const { answers } = await lookup();
    expect(await expectTruth(answers)).toContain('boolean');
  });

  it('issue 18: the answers are stored sealed with the case; offline, a new lookup keeps them with their time', async () => {
    h.useTokens(await demo.tokenFor('clinician'));
    const { answers: before } = await lookup();
    const dead = demo.directory();
    h.useDirectory(() => ({
      ...dead,
      nodes: dead.nodes.map((n) => ({ ...n, beaconUrl: 'http://127.0.0.1:9/api' })),
    }));
    try {
      const queryId = `seen-${crypto.randomUUID()}`;
      await h.call('seen:lookup', { queryId, caseId: 'SEEN-1', candidates: CANDIDATES });
      await h.finished(queryId);
      const final = h.progress.filter((p) => p.queryId === queryId && p.status === 'error');
      expect(final.map((p) => p.nodeId).sort()).toEqual(['ES', 'FI', 'IT', 'PT', 'SE']);
      expect(final[0]?.message).toMatch(/could not be reached.*ask again later/);
    } finally {
      h.useDirectory(() => demo.directory());
    }
    // Reopening the case reads the sealed file: the clinician's answers, as of their time.
    await h.call('case:open', { caseId: 'SEEN-1' });
    const stored = await h.call('seen:stored', { caseId: 'SEEN-1' });
    const byKey = (a: SeenAnswer) => `${a.key}|${a.nodeId}`;
    expect(new Map(stored.answers.map((a) => [byKey(a), a]))).toEqual(
      new Map(before.map((a) => [byKey(a), a])),
    );
    expect(stored.answers.map((a) => candidateKey(candidate(a.key)))).toContain(PLANTED);
  });

  it('issue 18: the lookup is audited with the case id and the alleles count sealed', async () => {
    const log = await h.call('audit:list', { types: ['seen.lookup'] });
    expect(log.rows.length).toBeGreaterThanOrEqual(4);
    for (const e of log.rows) {
      expect(e.sealed).toBe(true);
      expect(JSON.stringify(e.fields)).not.toMatch(/SEEN-1/);
      expect(e.fields).toMatchObject({ nodes: ['FI', 'IT', 'ES', 'PT', 'SE'] });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRange } from '../../../shared/search/aggregate';
import type { SeenAnswer, SeenCandidate } from '../../../shared/seen/channels';
import { candidateKey } from '../../../shared/seen/channels';
// Tests only: the generator's catalogue, count rounding and tumour-type terms are the truth's terms.
import { DATASETS } from '../../../federation/catalogue';
import { reportCount } from '../../../federation/node/beacon/counts';
import { ONCOTREE_PREFIX, ONCOTREE_ROWS } from '../../../federation/reference/oncotree';
import { groundTruth } from '../pull/testing/groundTruth';
import {
  sharedTokenFederation,
  type ReadOnlyTokenFederation,
} from '../search/testing/tokenFederation';
import type { SeenHarness } from './testing/seenHarness';
import { openSeenHarness } from './testing/seenHarness';

let demo: ReadOnlyTokenFederation;
let h: SeenHarness;
// The shared actionable allele planted in both countries (AKT1 E17K) and two sampled hotspots.
const ALLELES = ['14-104780214-C-T', '17-7673802-C-T', '5-112839726-C-T'];
const TYPES = ONCOTREE_ROWS.map(([id]) => id.slice(ONCOTREE_PREFIX.length));
const allele = (key: string, tumourType?: string): SeenCandidate => {
  const [chrom = '', pos = '', ref = '', alt = ''] = key.split('-');
  return { chrom, pos: Number(pos), ref, alt, ...(tumourType ? { tumourType } : {}) };
};
const CANDIDATES = ALLELES.flatMap((k) => [allele(k), ...TYPES.map((t) => allele(k, t))]);

beforeAll(async () => {
  demo = sharedTokenFederation();
  h = await openSeenHarness(() => demo.directory(), 'SOMA-1', ALLELES[0] as string, ['HP:0003002']);
  // 150 lookups on a shared 2-core machine: the node timeout is the setting's, raised so load alone
  // does not turn an answer into a timeout (this test is about what nodes answer, not how fast).
  await h.call('settings:set', { nodeTimeoutMs: 30_000 });
}, 120_000);
afterAll(async () => {
  await h.close();
});

async function lookup(): Promise<SeenAnswer[]> {
  const queryId = `seen-${crypto.randomUUID()}`;
  const started = new Date().toISOString();
  await h.call('seen:lookup', { queryId, caseId: 'SOMA-1', candidates: CANDIDATES });
  await h.finished(queryId);
  const stored = await h.call('seen:stored', { caseId: 'SOMA-1' });
  // A type a node does not list is stored as of the node's terms answer (read once per session).
  return stored.answers.filter((a) => a.at >= started || a.notOffered === true);
}

/** Carriers of an allele in a dataset whose tumour is of a type (all carriers without one). */
function truthOf(datasetId: string, key: string): number {
  const [variant = '', type] = key.split('@');
  const s = demo.truth.datasets[datasetId]?.somatic[variant];
  return type === undefined ? (s?.carriers ?? 0) : (s?.byTumourType[type] ?? 0);
}

/** The same from the node's own Parquet: individual ids, for record granularity. */
async function carrierIds(nodeId: string, datasetId: string, key: string): Promise<string[]> {
  const [variant = '', type] = key.split('@');
  const withType = new Set(
    (await groundTruth(nodeId, datasetId, 'individuals'))
      .filter(
        (i) => type === undefined || (i.diseases as string[]).includes(ONCOTREE_PREFIX + type),
      )
      .map((i) => String(i.individual_id)),
  );
  return (await groundTruth(nodeId, datasetId, 'genotypes'))
    .filter((g) => g.variant_key === variant && withType.has(String(g.individual_id)))
    .map((g) => String(g.individual_id))
    .sort();
}

/** Every node's answer per allele and tumour type equals the generator's truth at its granularity. */
async function expectTruth(answers: SeenAnswer[]): Promise<Set<string>> {
  const granularities = new Set<string>();
  expect(answers).toHaveLength(CANDIDATES.length * 5);
  expect(new Set(answers.map((a) => a.key))).toEqual(new Set(CANDIDATES.map(candidateKey)));
  for (const a of answers) {
    expect(a.status, `${a.nodeId} ${a.key} ${a.message ?? ''}`).toBe('ok');
    // Not asked (the node does not list the type): none of the node's datasets has such carriers.
    if (a.notOffered === true)
      for (const d of DATASETS.filter((x) => x.node === a.nodeId))
        expect(truthOf(d.id, a.key), `${a.nodeId} ${d.id} ${a.key}`).toBe(0);
    for (const ds of a.datasets ?? []) {
      granularities.add(ds.granularity);
      const truth = truthOf(ds.id, a.key);
      const policy = DATASETS.find((d) => d.id === ds.id);
      const where = `${a.nodeId} ${ds.id} ${a.key} (${ds.granularity})`;
      expect(policy, where).toBeDefined();
      expect(ds.exists, where).toBe(truth > 0);
      if (ds.granularity === 'record') {
        expect(ds.count, where).toEqual({ value: truth, precision: 'exact' });
        const listed = (a.carriers ?? []).filter((c) => c.datasetId === ds.id);
        expect(listed.map((c) => c.id).sort(), where).toEqual(
          await carrierIds(a.nodeId, ds.id, a.key),
        );
      } else if (ds.count !== undefined && policy !== undefined) {
        expect(ds.count, where).toEqual(reportCount(truth, policy, false));
        const r = countRange(ds.count);
        expect(truth, where).toBeGreaterThanOrEqual(r.min);
        expect(truth, where).toBeLessThanOrEqual(r.max);
      }
    }
  }
  return granularities;
}

describe('issue 19: federated somatic counts by tumour type, against the demo federation', () => {
  it('issue 19: the planted actionable allele is in both countries’ cancer cohorts, in the truth', () => {
    for (const d of ['IT-CA-01', 'SE-CA-01'])
      expect(truthOf(d, ALLELES[0] as string), d).toBeGreaterThan(0);
  });

  it('issue 19: as the clinician, records per node, dataset and tumour type equal the truth', async () => {
    h.useTokens(await demo.tokenFor('clinician'));
    const answers = await lookup();
    expect(await expectTruth(answers)).toContain('record');
    const it = answers.find((a) => a.nodeId === 'IT' && a.key === `${ALLELES[0] ?? ''}@BRCA`);
    expect(it?.carriers?.length).toBe(truthOf('IT-CA-01', `${ALLELES[0] ?? ''}@BRCA`));
  });

  it('issue 19: as the researcher, rounded counts and "<N" ranges per tumour type equal the node policy applied to the truth', async () => {
    h.useTokens(await demo.tokenFor('researcher'));
    const answers = await lookup();
    const g = await expectTruth(answers);
    expect([...g]).not.toContain('record');
    expect(g).toContain('count');
    expect(answers.every((a) => a.carriers === undefined)).toBe(true);
  });

  it('issue 19: signed out, yes/no per tumour type still holds the truth', async () => {
    h.useTokens(undefined);
    expect(await expectTruth(await lookup())).toContain('boolean');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeenCandidate } from '../../../shared/seen/channels';
import { groundTruth } from '../pull/testing/groundTruth';
import {
  sharedTokenFederation,
  type ReadOnlyTokenFederation,
} from '../search/testing/tokenFederation';
import type { SeenHarness } from './testing/seenHarness';
import { openSeenHarness } from './testing/seenHarness';

// A common allele of the demo pool: hundreds of carriers per dataset, more than one Beacon page.
const KEY = '11-2522846-C-T';
const candidate: SeenCandidate = { chrom: '11', pos: 2522846, ref: 'C', alt: 'T' };
let demo: ReadOnlyTokenFederation;
let h: SeenHarness;

beforeAll(async () => {
  demo = sharedTokenFederation();
  h = await openSeenHarness(() => demo.directory(), 'SEEN-PG', KEY, ['HP:0001250']);
}, 120_000);
afterAll(async () => {
  await h.close();
});

const carriersOf = async (nodeId: string, datasetId: string): Promise<string[]> =>
  (await groundTruth(nodeId, datasetId, 'genotypes'))
    .filter((g) => g.variant_key === KEY && g.zygosity !== 'ref')
    .map((g) => String(g.individual_id))
    .sort();

describe('issue 18: seen before keeps every carrier up to the bound, page by page', () => {
  it('issue 18: as the clinician, a dataset with more than 100 carriers lists all of them (the ground truth), none left unfetched', async () => {
    h.useTokens(await demo.tokenFor('clinician'));
    const queryId = `seen-${crypto.randomUUID()}`;
    await h.call('seen:lookup', { queryId, caseId: 'SEEN-PG', candidates: [candidate] });
    await h.finished(queryId);
    const { answers } = await h.call('seen:stored', { caseId: 'SEEN-PG' });
    let beyondFirstPage = 0;
    for (const a of answers) {
      expect(a.status, a.nodeId).toBe('ok');
      expect(a.carriersNotFetched, a.nodeId).toBeUndefined();
      for (const ds of a.datasets ?? []) {
        if (ds.granularity !== 'record') continue;
        const truth = await carriersOf(a.nodeId, ds.id);
        const listed = (a.carriers ?? []).filter((c) => c.datasetId === ds.id).map((c) => c.id);
        expect(listed.sort(), `${a.nodeId} ${ds.id}`).toEqual(truth);
        if (truth.length > 100) beyondFirstPage++;
      }
    }
    expect(beyondFirstPage).toBeGreaterThan(0);
  });
});

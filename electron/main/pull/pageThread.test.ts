import { afterAll, describe, expect, it } from 'vitest';
import { PullDataError, PullNetworkError, PullRefusedError } from './beaconPages';
import type { PageJob } from './pageProcess';
import { openPageThread } from './pageThread';

const pages = openPageThread();
afterAll(() => pages.close());

const job = (status: number, body: unknown): PageJob => ({
  nodeId: 'XX',
  datasetId: 'XX-RD-01',
  entity: 'g_variants',
  assembly: 'GRCh38',
  status,
  body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
});

const page = (results: unknown[]) => ({
  meta: { returnedGranularity: 'record' },
  responseSummary: { exists: results.length > 0, numTotalResults: 1153 },
  response: { resultSets: [{ id: 'XX-RD-01', setType: 'dataset', resultsCount: 1153, results }] },
});

const variant = {
  variantInternalId: 'v1',
  variation: {
    location: { interval: { start: { value: 43_044_294 }, end: { value: 43_044_295 } } },
    referenceBases: 'G',
    alternateBases: 'A',
  },
  identifiers: { genomicHGVSId: 'NC_000017.11:g.43044295G>A' },
  caseLevelData: [
    { biosampleId: 'S1', individualId: 'I1', zygosity: { id: 'GENO:0000135', label: 'het' } },
  ],
};

describe('issue 20: pull pages processed on a worker thread refuse what main would refuse, with the same error', () => {
  it('converts a page there: counts, total, rows and the staged JSON', async () => {
    const got = await pages.process(job(200, page([variant])));
    expect(got).toMatchObject({ count: 1, total: 1153 });
    expect(got.rows).toMatchObject({
      variants: [{ variant_key: '17-43044295-G-A' }],
      carriers: [['I1']],
      zygosities: [['het']],
    });
    expect(JSON.parse(new TextDecoder().decode(got.json))).toEqual(got.rows);
  });

  it('a hostile record is a PullDataError naming the node, the record and the field', async () => {
    const bad = { ...variant, caseLevelData: [{ biosampleId: 42 }] };
    const refused = pages.process(job(200, page([variant, bad])));
    await expect(refused).rejects.toBeInstanceOf(PullDataError);
    await expect(refused).rejects.toThrow(
      'Node XX: variant record 1 does not follow the Beacon model (at "caseLevelData.0.biosampleId").',
    );
  });

  it('a cut-off answer pauses (PullNetworkError), a refusal fails (PullRefusedError), an envelope that is not Beacon is located', async () => {
    await expect(pages.process(job(200, '{"meta":'))).rejects.toBeInstanceOf(PullNetworkError);
    await expect(pages.process(job(429, ''))).rejects.toBeInstanceOf(PullNetworkError);
    await expect(pages.process(job(403, ''))).rejects.toBeInstanceOf(PullRefusedError);
    await expect(pages.process(job(200, { meta: {}, responseSummary: {} }))).rejects.toThrow(
      'Node XX sent an answer that does not follow Beacon v2 (at "responseSummary.exists").',
    );
    // The worker is still there after refusals: the next page is processed.
    expect((await pages.process(job(200, page([variant])))).count).toBe(1);
  });
});

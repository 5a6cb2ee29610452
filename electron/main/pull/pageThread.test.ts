import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { PullDataError, PullNetworkError, PullRefusedError } from './beaconPages';
import type { PageJob, VariantPage } from './pageProcess';
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
  beforeAll(() => pages.ready);
  it('converts a page there: counts, total, rows and the staged JSON', async () => {
    const got = await pages.process(job(200, page([variant])));
    expect(got).toMatchObject({ count: 1, total: 1153 });
    expect(JSON.parse(new TextDecoder().decode(got.json))).toMatchObject({
      variants: [{ variant_key: '17-43044295-G-A' }],
      carriers: [['I1']],
      zygosities: [['het']],
    });
  });

  it('issue 20: the carriers main receives as codes of the page (decision 0067) are the staged carriers', async () => {
    const carrier = (id: string, label: string) => ({
      biosampleId: `S-${id}`,
      individualId: id,
      zygosity: { id: label === 'het' ? 'GENO:0000135' : 'GENO:0000136', label },
    });
    const at = (pos: number, carriers: unknown[]) => ({
      ...variant,
      variantInternalId: `v${String(pos)}`,
      variation: {
        ...variant.variation,
        location: { interval: { start: { value: pos - 1 }, end: { value: pos } } },
      },
      identifiers: { genomicHGVSId: `NC_000017.11:g.${String(pos)}G>A` },
      caseLevelData: carriers,
    });
    const records = [
      at(100, [carrier('I2', 'het'), carrier('I1', 'hom')]),
      at(200, []),
      at(300, [carrier('I1', 'het'), carrier('I3', 'het'), carrier('I2', 'hom')]),
    ];
    const got = await pages.process(job(200, page(records)));
    const staged = JSON.parse(new TextDecoder().decode(got.json)) as VariantPage;
    const rows = got.rows as VariantPage;
    expect(rows.carriers).toBeUndefined();
    const c = rows.coded!;
    const decoded = rows.variants.map(() => ({ ids: [] as string[], z: [] as string[] }));
    c.variant.forEach((v, i) => {
      decoded[v]!.ids.push(c.ids[c.id[i]!]!);
      decoded[v]!.z.push(c.zygosities[c.zygosity[i]!]!);
    });
    expect(decoded.map((d) => d.ids)).toEqual(staged.carriers);
    expect(decoded.map((d) => d.z)).toEqual(staged.zygosities);
    expect(staged.carriers).toEqual([['I2', 'I1'], [], ['I1', 'I3', 'I2']]);
    expect(c.ids).toEqual(['I2', 'I1', 'I3']);
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

describe('issue 20: pages that arrive before the worker has loaded are processed on main (decision 0074)', () => {
  it('the same page, rows, staged JSON and refusal on main before the worker is ready as on the worker after', async () => {
    const carriers = Array.from({ length: 40 }, (_, k) => ({
      biosampleId: `S${String(k)}`,
      individualId: `I${String(k % 17)}`,
      zygosity: { id: k % 3 === 0 ? 'GENO:0000136' : 'GENO:0000135', label: 'z' },
    }));
    const good = () => job(200, page([variant, { ...variant, caseLevelData: carriers }]));
    const bad = () =>
      job(200, page([variant, { ...variant, caseLevelData: [{ biosampleId: 7 }] }]));
    // Asked at once: the worker is still starting (it loads its modules for hundreds of ms).
    const early = openPageThread();
    onTestFinished(() => early.close());
    const onMain = await early.process(good());
    const refusedOnMain = early.process(bad()).catch((e: unknown) => e);
    expect(early.processedOnMain).toBe(2);
    await early.ready;
    const onWorker = await early.process(good());
    const refusedOnWorker = await early.process(bad()).catch((e: unknown) => e);
    expect(early.processedOnMain).toBe(2);
    expect(onMain.count).toBe(2);
    expect({ ...onMain, json: new TextDecoder().decode(onMain.json) }).toEqual({
      ...onWorker,
      json: new TextDecoder().decode(onWorker.json),
    });
    const mainError = await refusedOnMain;
    expect(mainError).toBeInstanceOf(PullDataError);
    expect(refusedOnWorker).toBeInstanceOf(PullDataError);
    expect((mainError as Error).message).toBe((refusedOnWorker as Error).message);
  });
});

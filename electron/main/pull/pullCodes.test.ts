import { describe, expect, it } from 'vitest';
import { parsePage } from './beaconPages';
import type { PageJob } from './pageProcess';
import { outcomeOf, pageOf } from './pageProcess';
import { countMismatch, refuseDuplicates } from './pageSink';
import type { PageSink } from './pageSink';
import { openPageThread } from './pageThread';
import { finishPull } from './pullFinish';
import type { FinishDeps } from './pullFinish';
import type { Cursor } from '../vault/staging';
import { codeOf } from './testing/pullCode';

// Issue 22 (decision 0070): every way a pull ends early says so as a code with its values (node,
// dataset, record, field, HTTP status, counts) that the renderer words, beside main's English for
// the log; nothing a job shows is a sentence only main can read. (The network's own failures:
// pullNetwork.codes.test.ts.)

const asked = { nodeId: 'XX', datasetId: 'XX-RD-01', entity: 'g_variants' } as const;
const envelope = (set: Record<string, unknown>, granularity = 'record', exists = true) =>
  JSON.stringify({
    meta: { returnedGranularity: granularity },
    responseSummary: { exists },
    response: { resultSets: [{ id: 'XX-RD-01', setType: 'dataset', ...set }] },
  });

describe('issue 22: a node’s answer to a page is refused with a code (BCN-04)', () => {
  it('refusals, throttling, server errors and other statuses carry the node and the HTTP status', async () => {
    const refusedWith = JSON.stringify({ error: { errorCode: 403, errorMessage: 'visa expired' } });
    expect(await codeOf(() => parsePage(asked, 403, refusedWith))).toEqual({
      key: 'refusedWhy',
      params: { node: 'XX', http: 403, why: 'visa expired' },
    });
    expect(await codeOf(() => parsePage(asked, 401, ''))).toEqual({
      key: 'refused',
      params: { node: 'XX', http: 401 },
    });
    expect(await codeOf(() => parsePage(asked, 429, ''))).toEqual({
      key: 'throttled',
      params: { node: 'XX' },
    });
    expect(await codeOf(() => parsePage(asked, 503, ''))).toEqual({
      key: 'serverError',
      params: { node: 'XX', http: 503 },
    });
    expect(await codeOf(() => parsePage(asked, 404, ''))).toEqual({
      key: 'httpStatus',
      params: { node: 'XX', http: 404 },
    });
  });

  it('a cut-off answer, one that is not Beacon, one below record level and one without a count', async () => {
    expect(await codeOf(() => parsePage(asked, 200, '{"meta":'))).toEqual({
      key: 'incomplete',
      params: { node: 'XX' },
    });
    expect(await codeOf(() => parsePage(asked, 200, '{"meta":{}}'))).toEqual({
      key: 'notBeacon',
      params: { node: 'XX', at: 'responseSummary' },
    });
    expect(await codeOf(() => parsePage(asked, 200, envelope({ results: [] }, 'count')))).toEqual({
      key: 'onlyCounts',
      params: { node: 'XX', dataset: 'XX-RD-01' },
    });
    expect(await codeOf(() => parsePage(asked, 200, envelope({ results: [] }, 'boolean')))).toEqual(
      { key: 'onlyYesNo', params: { node: 'XX', dataset: 'XX-RD-01' } },
    );
    expect(await codeOf(() => parsePage(asked, 200, envelope({ results: [] })))).toEqual({
      key: 'noCountVariants',
      params: { node: 'XX', dataset: 'XX-RD-01' },
    });
    expect(
      await codeOf(() =>
        parsePage({ ...asked, entity: 'individuals' }, 200, envelope({ results: [] })),
      ),
    ).toEqual({ key: 'noCountIndividuals', params: { node: 'XX', dataset: 'XX-RD-01' } });
  });
});

describe('decision 0096: a Beacon we did not write answers a page', () => {
  const error = (errorCode: unknown, errorMessage?: string) =>
    JSON.stringify({
      meta: { beaconId: 'org.example.ri', apiVersion: 'v2.0.0', returnedSchemas: [] },
      error: { errorCode, ...(errorMessage === undefined ? {} : { errorMessage }) },
    });

  it('a beaconErrorResponse with HTTP 200 is the node’s error by its errorCode and words, not “not Beacon v2”', async () => {
    expect(
      await codeOf(() => parsePage(asked, 200, error(400, 'unknown dataset XX-RD-01'))),
    ).toEqual({
      key: 'httpStatusWhy',
      params: { node: 'XX', http: 400, why: 'unknown dataset XX-RD-01' },
    });
    expect(await codeOf(() => parsePage(asked, 200, error(403, 'visa expired')))).toEqual({
      key: 'refusedWhy',
      params: { node: 'XX', http: 403, why: 'visa expired' },
    });
    expect(await codeOf(() => parsePage(asked, 200, error(503)))).toEqual({
      key: 'serverError',
      params: { node: 'XX', http: 503 },
    });
    // An errorCode that is no HTTP error status (a string, a 200) reads as 400, with the words.
    expect(await codeOf(() => parsePage(asked, 200, error('E42', 'no such route')))).toEqual({
      key: 'httpStatusWhy',
      params: { node: 'XX', http: 400, why: 'no such route' },
    });
  });

  it('a page that starts with a byte order mark is read like one without (RFC 8259 §8.1)', () => {
    const female = { id: 'NCIT:C16576', label: 'female' };
    const text = envelope({ resultsCount: 1, results: [{ id: 'I1', sex: female }] });
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const outcome = outcomeOf({
      ...asked,
      entity: 'individuals',
      assembly: 'GRCh38',
      status: 200,
      body,
    });
    expect(outcome.ok ? outcome.page.count : outcome.message).toBe(1);
  });

  it('a 4xx with a Beacon error body keeps the node’s words', async () => {
    expect(await codeOf(() => parsePage(asked, 404, error(404, 'dataset not found')))).toEqual({
      key: 'httpStatusWhy',
      params: { node: 'XX', http: 404, why: 'dataset not found' },
    });
  });

  it('a page whose meta omits returnedGranularity (as the official examples do) is read by the records it carries', () => {
    const page = JSON.stringify({
      meta: { beaconId: 'org.example.ri', apiVersion: 'v2.0.0', returnedSchemas: [] },
      responseSummary: { exists: true, numTotalResults: 1 },
      response: {
        resultSets: [{ id: 'XX-RD-01', exists: true, resultsCount: 1, results: [{ id: 'v1' }] }],
      },
    });
    expect(parsePage(asked, 200, page)).toMatchObject({ records: [{ id: 'v1' }], total: 1 });
  });
});

describe('issue 22: a record that does not follow the model is named by its index and field, as a code', () => {
  const job = (entity: PageJob['entity'], results: unknown[]): PageJob => ({
    ...asked,
    entity,
    assembly: 'GRCh38',
    status: 200,
    body: new TextEncoder().encode(envelope({ resultsCount: 10, results })),
  });
  const placed = {
    variantInternalId: 'v1',
    variation: { referenceBases: 'G', alternateBases: 'A' },
    identifiers: { genomicHGVSId: 'NC_000017.11:g.43044295G>A' },
  };
  const failing = async (entity: PageJob['entity'], results: unknown[]) => {
    const outcome = outcomeOf(job(entity, results));
    // The code survives the trip from the page worker (a value, not an Error).
    return codeOf(() => pageOf(structuredClone(outcome)));
  };

  it('the field zod names, and the record’s index on the page', async () => {
    expect(await failing('individuals', [{ id: 'I1', sex: { id: 'x' } }, { id: 'I2' }])).toEqual({
      key: 'individualShape',
      params: { node: 'XX', record: 1, at: 'sex' },
    });
    expect(
      await failing('g_variants', [placed, { ...placed, caseLevelData: [{ individualId: 'I' }] }]),
    ).toEqual({
      key: 'variantShape',
      params: { node: 'XX', record: 1, at: 'caseLevelData.0.biosampleId' },
    });
  });

  it('a variant without a place, or whose members disagree on it', async () => {
    const nowhere = { variantInternalId: 'x', variation: { referenceBases: 'A' } };
    expect(await failing('g_variants', [nowhere])).toEqual({
      key: 'variantNoChromosome',
      params: { node: 'XX', record: 0 },
    });
    const noBases = {
      ...placed,
      variation: {},
      identifiers: { genomicHGVSId: 'NC_000017.11:g.5' },
    };
    expect(await failing('g_variants', [placed, placed, noBases])).toEqual({
      key: 'variantNoBases',
      params: { node: 'XX', record: 2 },
    });
    const twoPlaces = {
      ...placed,
      variation: {
        ...placed.variation,
        location: { sequence_id: 'refseq:NC_000017.11', interval: { start: { value: 43044294 } } },
      },
      identifiers: { genomicHGVSId: 'NC_000017.10:g.43044295G>A' },
    };
    expect(await failing('g_variants', [twoPlaces])).toEqual({
      key: 'variantDisagreesAssembly',
      params: { node: 'XX', record: 0 },
    });
    const twoBases = { ...placed, variation: { referenceBases: 'C', alternateBases: 'A' } };
    expect(await failing('g_variants', [twoBases])).toEqual({
      key: 'variantDisagreesBases',
      params: { node: 'XX', record: 0 },
    });
  });
});

describe('issue 22: what the build counted, the node’s /map, the page worker and the end of the pull', () => {
  const cursor = (totals: Cursor['totals']): Cursor =>
    ({ nodeId: 'XX', datasetId: 'XX-RD-01', totals }) as Cursor;
  const sink = (individuals: number, variants: number, unplaced = 0) => ({
    counts: { individuals, variants, genotypes: 0 },
    unplaced: Array.from({ length: unplaced }, () => 'GRCh37 1:1 A>G: no place'),
  });

  /** Throws the refusal countMismatch returns (it returns undefined when the counts match). */
  const refuse = (error: Error | undefined): never => {
    if (error === undefined) throw new Error('the counts matched');
    throw error;
  };

  it('a count that does not match names what arrived of what the node counted, per entity', async () => {
    expect(countMismatch(sink(400, 1150, 3), cursor({ individuals: 400, g_variants: 1153 }))).toBe(
      undefined,
    );
    expect(
      await codeOf(() =>
        refuse(countMismatch(sink(200, 1153), cursor({ individuals: 400, g_variants: 1153 }))),
      ),
    ).toEqual({
      key: 'countMismatchIndividuals',
      params: { node: 'XX', dataset: 'XX-RD-01', got: 200, total: 400 },
    });
    expect(
      await codeOf(() =>
        refuse(countMismatch(sink(400, 1000), cursor({ individuals: 400, g_variants: 1153 }))),
      ),
    ).toEqual({
      key: 'countMismatchVariants',
      params: { node: 'XX', dataset: 'XX-RD-01', got: 1000, total: 1153 },
    });
    const duplicated = { duplicated: true } as PageSink;
    expect(await codeOf(() => refuseDuplicates(duplicated, { nodeId: 'XX' }))).toEqual({
      key: 'duplicated',
      params: { node: 'XX' },
    });
  });

  it('a page worker that stopped refuses the pages it is given, with a code', async () => {
    const pages = openPageThread();
    await pages.close();
    const job: PageJob = {
      ...asked,
      assembly: 'GRCh38',
      status: 200,
      body: new Uint8Array(1),
    };
    expect(await codeOf(() => pages.process(job))).toEqual({ key: 'processingStopped' });
  });

  it('the end of a pull: a grant gone, local copies turned off, another user (PASS-03)', async () => {
    const job = {
      cursor: cursor({}),
      user: { sub: 'me', iss: 'https://broker' },
    } as Parameters<typeof finishPull>[1];
    const deps = (over: Partial<FinishDeps>): FinishDeps =>
      ({
        auth: { grants: () => ({ grants: [{ nodeId: 'XX', datasetId: 'XX-RD-01' }] }) },
        allowLocalCache: () => true,
        vault: { writer: () => undefined },
        ...over,
      }) as unknown as FinishDeps;
    const finish = (over: Partial<FinishDeps>) => () =>
      finishPull(deps(over), job, sink(0, 0) as unknown as PageSink, new AbortController().signal);
    expect(await codeOf(finish({ auth: { grants: () => undefined } }))).toEqual({
      key: 'grantGone',
      params: { dataset: 'XX-RD-01' },
    });
    expect(await codeOf(finish({ allowLocalCache: () => false }))).toEqual({ key: 'cacheOff' });
    expect(await codeOf(finish({}))).toEqual({ key: 'otherUser' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEntry } from '../../../shared/federation/directory';
import { aggregateCounts, nodeRange } from '../../../shared/search/aggregate';
import { SearchQuerySchema, type SearchQueryInput } from '../../../shared/search/query';
import type { NodeUpdate } from '../../../shared/search/results';
import { createAssemblyResolver } from './nodeAssembly';
import { queryParts } from './beaconRequest';
import type { BeaconQueryParts } from './beaconRequest';
import type { NodeAnswer } from './nodeClient';
import { askNode, openLoopbackNode, type Handler, type LoopbackNode } from './testing/loopbackNode';
import { startFanout } from '../search/fanout';
import { createFilteringTermsCache } from '../search/filteringTerms';

// Decision 0101 (issue 15 follow-up): "every number on screen must be true against the nodes".
// A Beacon server may silently drop a filter or request parameter it does not support, or the
// page asked for, and answer a broader query. What it says it did (meta.receivedRequestSummary,
// warnings in info) is read; such an answer is not shown as the answer to what was asked. Served
// from a real loopback HTTP server that behaves like the non-conformant servers described (BCN-01,
// BCN-04), asked the way the fan-out asks (queryNode, startFanout).

let node: LoopbackNode;
beforeAll(async () => {
  node = await openLoopbackNode();
});
afterAll(() => node.close());

const nodeAt = (): NodeEntry => ({ id: 'RI', name: 'RI', country: 'Europe', beaconUrl: node.base });

function ask(
  reply: Handler,
  query: SearchQueryInput,
  parts?: (p: BeaconQueryParts) => BeaconQueryParts,
): Promise<{ a: NodeAnswer; update: NodeUpdate }> {
  node.answer(reply);
  return askNode(node.base, query, parts);
}

/** A count answer whose receivedRequestSummary echoes what the server says it used. */
const counted = (
  n: number,
  summary: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => ({
  meta: {
    beaconId: 'org.example.ri',
    apiVersion: 'v2.0.0',
    returnedGranularity: 'count',
    receivedRequestSummary: {
      apiVersion: 'v2.0.0',
      requestedSchemas: [],
      pagination: { skip: 0, limit: 100 },
      requestedGranularity: 'count',
      ...summary,
    },
    returnedSchemas: ['beacon-individual-v2.0.0'],
  },
  responseSummary: { exists: n > 0, numTotalResults: n },
  ...extra,
});

const SEIZURE: SearchQueryInput = {
  granularity: 'count',
  filters: [{ id: 'HP:0001250', includeDescendantTerms: true }],
};

describe('decision 0101: a node that did not use part of the query is not shown as answering it', () => {
  it('a filter left out of receivedRequestSummary.filters: no count, the filter and node named, located code', async () => {
    // The server knows no HP terms: it drops the filter and counts every individual (2,504).
    const { a, update } = await ask(() => counted(2504, { filters: [] }), SEIZURE);
    expect(a.status).toBe('error');
    expect(a.count).toBeUndefined();
    expect(a.problem).toEqual({ code: 'ignored-filter', where: 'HP:0001250' });
    expect(a.message).toBe(
      'Node RI did not apply the filter HP:0001250 (its answer says so), so its answer is for a broader query and is not shown.',
    );
    expect(nodeRange(update)).toBeUndefined();
    expect(aggregateCounts([update]).display).toBe('0');
    expect(aggregateCounts([update]).answeredNodes).toBe(0);
  });

  it('a filter echoed (as a string, an object, or in another prefix case) was used: its count is the answer', async () => {
    for (const filters of [['HP:0001250'], [{ id: 'HP:0001250' }], ['hp:0001250']]) {
      const { a, update } = await ask(() => counted(12, { filters }), SEIZURE);
      expect(a.status, JSON.stringify(filters)).toBe('ok');
      expect(nodeRange(update)?.display).toBe('12');
    }
  });

  it('a summary that does not echo filters at all (the specification’s own example) proves nothing: the count is shown', async () => {
    const { a } = await ask(() => counted(12, {}), SEIZURE);
    expect(a.status).toBe('ok');
    expect(a.count?.value).toBe(12);
  });

  it('a warning in info naming the filter as not supported refuses the count, with the node’s words', async () => {
    const warning = 'Filter HP:0001250 is not supported by this beacon and was ignored';
    const { a } = await ask(() => counted(2504, {}, { info: { warnings: [warning] } }), SEIZURE);
    expect(a.status).toBe('error');
    expect(a.problem).toEqual({ code: 'ignored-filter', where: 'HP:0001250', nodeText: warning });
    // A warning about the filter that does not say it was left out is not a refusal.
    const expanded = await ask(
      () =>
        counted(12, {}, { info: { warnings: ['HP:0001250 was expanded to 41 descendant terms'] } }),
      SEIZURE,
    );
    expect(expanded.a.status).toBe('ok');
  });

  it('a request parameter (variantType, end) left out of an echoed requestParameters: refused, named', async () => {
    const region: SearchQueryInput = { genomic: '17:43044295-43125483', granularity: 'count' };
    // The specification's example nests the parameters under the entry type's name.
    const { a } = await ask(
      () =>
        counted(900, {
          requestParameters: { g_variant: { referenceName: '17', start: [43044294] } },
        }),
      region,
    );
    expect(a.status).toBe('error');
    expect(a.problem).toEqual({ code: 'ignored-parameter', where: 'end' });
    const variantType = await ask(
      () => counted(900, { requestParameters: { geneId: 'BRCA1' } }),
      { genomic: 'BRCA1', granularity: 'count' },
      (p) => ({ ...p, params: { ...p.params, variantType: 'SNP' } }),
    );
    expect(variantType.a.problem).toEqual({ code: 'ignored-parameter', where: 'variantType' });
    // Every parameter echoed (flat, or nested): the count is the answer. assemblyId is not one a
    // node narrows by (it answers in its own assembly, which the app converts to).
    const honoured = await ask(
      () =>
        counted(3, {
          requestParameters: { referenceName: '17', start: [43044294], end: [43125483] },
        }),
      region,
    );
    expect(honoured.a.status).toBe('ok');
    expect(honoured.a.count?.value).toBe(3);
  });

  it('a page other than the one asked for (skip not used): its records are not shown as that page', async () => {
    const record = (id: string) => ({ id, sex: { id: 'NCIT:C16576', label: 'female' } });
    const page = (skip: number) => ({
      meta: {
        beaconId: 'org.example.ri',
        apiVersion: 'v2.0.0',
        returnedGranularity: 'record',
        receivedRequestSummary: {
          apiVersion: 'v2.0.0',
          requestedSchemas: [],
          pagination: { skip, limit: 100 },
          requestedGranularity: 'record',
        },
        returnedSchemas: [],
      },
      responseSummary: { exists: true, numTotalResults: 250 },
      response: {
        resultSets: [
          {
            id: 'DS',
            setType: 'dataset',
            exists: true,
            resultsCount: 250,
            results: [record('P0')],
          },
        ],
      },
    });
    const ignored = await ask(
      () => page(0),
      { genomic: 'BRCA1' },
      (p) => ({ ...p, skip: 2 }),
    );
    expect(ignored.a.status).toBe('error');
    expect(ignored.a.records).toBeUndefined();
    expect(ignored.a.problem).toEqual({ code: 'ignored-page' });
    const used = await ask(
      () => page(2),
      { genomic: 'BRCA1' },
      (p) => ({ ...p, skip: 2 }),
    );
    expect(used.a.status).toBe('ok');
    expect(used.a.records).toHaveLength(1);
  });

  it('through the fan-out: a filter sent in the node’s spelling and dropped is named as the person wrote it', async () => {
    node.answer(({ path }) =>
      path.endsWith('/filtering_terms')
        ? { meta: {}, response: { filteringTerms: [{ type: 'ontology', id: 'hp:0001250' }] } }
        : path.endsWith('/individuals')
          ? counted(2504, { filters: [] })
          : undefined,
    );
    const terms = createFilteringTermsCache({ fetch, timeoutMs: () => 5_000 });
    const updates: NodeUpdate[] = [];
    await startFanout({
      queryId: 'q',
      nodes: [nodeAt()],
      parts: queryParts(SearchQuerySchema.parse(SEIZURE)),
      tokenFor: () => Promise.resolve(undefined),
      fetch,
      timeoutMs: 5_000,
      slowAfterMs: 5_000,
      concurrency: 2,
      maxBytes: 1_048_576,
      emit: (u) => updates.push(u),
      onDone: () => undefined,
      assemblies: createAssemblyResolver({ fetch, timeoutMs: () => 5_000 }),
      spelling: (n, ids) => terms.spelling(n, ids),
    }).done;
    const last = updates.at(-1);
    expect(last?.status).toBe('error');
    expect(last?.problem).toEqual({ code: 'ignored-filter', where: 'HP:0001250' });
    expect(last?.count).toBeUndefined();
  });
});

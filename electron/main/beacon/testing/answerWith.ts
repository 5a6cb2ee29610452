import { SearchQuerySchema, type SearchQueryInput } from '../../../../shared/search/query';
import { queryParts, type BeaconQueryParts } from '../beaconRequest';
import { queryNode, type NodeAnswer } from '../nodeClient';

/**
 * Asks one node the way the fan-out does (queryNode: status handling, bounded body, JSON, reading),
 * with the node's HTTP answer given as a body: for reader tests that need many answers quickly.
 */
export function answerWith(
  body: unknown,
  query: SearchQueryInput = { genomic: 'BRCA1' },
  status = 200,
): Promise<NodeAnswer> {
  const parts = queryParts(SearchQuerySchema.parse(query));
  if (typeof body === 'object' && body !== null) body = echoing(body, parts);
  return queryNode({
    node: { id: 'XX', name: 'XX', country: 'Testland', beaconUrl: 'http://127.0.0.1:9/api' },
    parts,
    token: undefined,
    signal: new AbortController().signal,
    fetch: () =>
      Promise.resolve(
        new Response(typeof body === 'string' ? body : JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    maxBytes: 20 * 1_048_576,
    timeoutMs: 5_000,
  });
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The answer as one to this query: a generated `receivedRequestSummary` (random filters,
 * parameters, page) would describe another request, which the client rightly does not show as the
 * answer to this one (decision 0101, queryHonoured.ts). Its filters, requestParameters and
 * pagination.skip are set to what was sent; a summary that is not an object is left as it is.
 */
function echoing(body: object, parts: BeaconQueryParts): unknown {
  const copy = structuredClone(body) as Obj;
  const summary = isObj(copy.meta) ? copy.meta.receivedRequestSummary : undefined;
  if (!isObj(summary)) return copy;
  summary.filters = parts.filters.map((f) => f.id);
  summary.requestParameters = { ...parts.params };
  if (isObj(summary.pagination)) summary.pagination.skip = parts.skip ?? 0;
  return copy;
}

/** A Beacon v2.1.1 response envelope with every required member, for tests to vary. */
export function envelope(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    meta: {
      beaconId: 'org.example.beacon',
      apiVersion: 'v2.1.1',
      returnedGranularity: 'record',
      receivedRequestSummary: {
        apiVersion: 'v2.1.1',
        requestedSchemas: [],
        pagination: { skip: 0, limit: 100 },
        requestedGranularity: 'record',
      },
      returnedSchemas: [{ entityType: 'individual', schema: 'beacon-individual-v2.0.0' }],
    },
    responseSummary: { exists: true, numTotalResults: 1 },
    ...extra,
  };
}

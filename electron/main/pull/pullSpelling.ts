import type { NodeEntry } from '../../../shared/federation/directory';
import type { PullQuery } from '../../../shared/vault/vault';
import { nodeSpelling } from '../beacon/filterSpelling';
import { readFilteringTerms } from '../beacon/filteringTermsRead';

/**
 * The node's spelling of a pull's filter ids, from its public `/filtering_terms` (anonymous GET,
 * as the search reads it: decision 0101); empty when the query has no filters or the terms could
 * not be read (the query builder's spelling is sent then).
 */
export async function pullSpelling(
  node: NodeEntry,
  query: PullQuery,
  fetchFn: typeof fetch,
  timeoutMs: number,
): Promise<ReadonlyMap<string, string>> {
  if (query.filters.length === 0) return new Map();
  const { terms } = await readFilteringTerms(node, fetchFn, timeoutMs);
  return nodeSpelling(
    terms.map((t) => t.id),
    query.filters.map((f) => f.id),
  );
}

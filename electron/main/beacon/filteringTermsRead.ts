import type { NodeEntry } from '../../../shared/federation/directory';
import type { FilteringTerm } from './beaconSchemas';
import { FilteringTermsResponseZ } from './beaconSchemas';
import { readBounded } from './boundedBody';

const MAX_BYTES = 5 * 1_048_576;
/** Terms asked for per page (servers may send fewer) and the most pages read from one node. */
const PAGE_LIMIT = 1000;
const MAX_PAGES = 200;

/**
 * Every page of a node's `/filtering_terms` (issue 15 item 4: servers default to small pages and
 * cap `limit`; `skip` counts pages of the size they use): until an empty page, or one with nothing
 * new (a server that ignores `skip` and sends everything at once). A failing page keeps what came
 * before it; `read` says whether the first page was read at all (an empty list from a node that
 * did not answer is not "no terms"), `complete` whether the list ended as the node ended it (not at
 * a failing page or the page cap): only a complete list says what a node does not list.
 */
export async function readFilteringTerms(
  node: NodeEntry,
  fetchFn: typeof fetch,
  timeoutMs: number,
): Promise<{ terms: FilteringTerm[]; read: boolean; complete: boolean }> {
  const page = async (skip: number): Promise<FilteringTerm[] | undefined> => {
    const url = new URL(`${node.beaconUrl.replace(/\/+$/, '')}/filtering_terms`);
    url.searchParams.set('skip', String(skip));
    url.searchParams.set('limit', String(PAGE_LIMIT));
    const res = await fetchFn(url, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return undefined;
    }
    const parsed = FilteringTermsResponseZ.safeParse(JSON.parse(await readBounded(res, MAX_BYTES)));
    return parsed.success ? (parsed.data.response.filteringTerms ?? []) : undefined;
  };
  const byId = new Map<string, FilteringTerm>();
  let read = false;
  let complete = false;
  try {
    for (let skip = 0; skip < MAX_PAGES; skip++) {
      const terms = await page(skip);
      if (terms === undefined) break;
      read = true;
      const fresh = terms.filter((t) => !byId.has(t.id));
      for (const t of fresh) byId.set(t.id, t);
      if (fresh.length === 0) {
        complete = true;
        break;
      }
    }
  } catch {
    // Network or JSON failure: the pages read so far still count.
  }
  return { terms: [...byId.values()], read, complete };
}

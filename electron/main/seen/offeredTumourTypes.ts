import { TUMOUR_TYPES } from '../../../shared/cancer/tumourTypes';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { SeenAnswer, SeenCandidate } from '../../../shared/seen/channels';
import { candidateKey, tumourTypeFilter } from '../../../shared/seen/channels';
import { foldPrefix } from '../beacon/filterSpelling';
import type { FilteringTermsCache } from '../search/filteringTerms';

/** The tumour types a node lists, as of its answer to `/filtering_terms`. */
export interface OfferedTumourTypes {
  /** When the node answered (the time a "not offered" answer is stored with). */
  readonly at: string;
  /** OncoTree codes of the app's subset that the node lists. */
  readonly codes: ReadonlySet<string>;
}

export interface OfferedTumourTypesCache {
  /** undefined: the node's terms could not be read, so every type is asked as before. */
  readonly of: (node: NodeEntry) => Promise<OfferedTumourTypes | undefined>;
}

/**
 * The subset codes a node's listed term ids offer. Only exact listings count (the prefix's case aside): a Beacon node lists
 * the filters it accepts, and the demo nodes (like others) refuse an unlisted term with a 400
 * rather than read it as a broader type of terms they list.
 */
export function offeredCodes(termIds: Iterable<string>): Set<string> {
  // CURIE prefixes are matched without case (decision 0101): a node listing "ONCOTREE:LUAD" offers
  // LUAD, and is asked in its own spelling (filterSpelling.ts), never stored as "not offered".
  const listed = new Set([...termIds].map(foldPrefix));
  return new Set(
    TUMOUR_TYPES.map((t) => t.code).filter((c) => listed.has(foldPrefix(tumourTypeFilter(c)))),
  );
}

/**
 * The tumour types each node offers (issue 19), from the node's public `/filtering_terms` as the
 * app's one terms cache holds it (decision 0105: search, its spelling and this view read a node's
 * terms once), so the federated view asks a node only for the types it has instead of 1 + 34
 * requests per call. A node whose terms could not be read gets every type asked; the cache asks it
 * again soon.
 */
export function createOfferedTumourTypes(opts: {
  terms: Pick<FilteringTermsCache, 'of'>;
}): OfferedTumourTypesCache {
  return {
    of: async (node) => {
      const r = await opts.terms.of(node);
      if (!r.read) return undefined;
      return { at: new Date(r.at).toISOString(), codes: offeredCodes(r.terms.map((t) => t.id)) };
    },
  };
}

/**
 * The candidates worth sending to a node, and the stored answers of those not sent: a tumour type
 * the node does not list is "not offered" as of its terms' answer, never a "no" (issue 19).
 */
export function splitOffered(
  node: NodeEntry,
  candidates: readonly SeenCandidate[],
  offered: OfferedTumourTypes | undefined,
): { ask: SeenCandidate[]; notOffered: SeenAnswer[] } {
  const ask: SeenCandidate[] = [];
  const notOffered: SeenAnswer[] = [];
  for (const c of candidates) {
    if (offered === undefined || c.tumourType === undefined || offered.codes.has(c.tumourType))
      ask.push(c);
    else
      notOffered.push({
        key: candidateKey(c),
        nodeId: node.id,
        nodeName: node.name,
        country: node.country,
        at: offered.at,
        status: 'ok',
        notOffered: true,
      });
  }
  return { ask, notOffered };
}

import type { NodeEntry } from '../../../shared/federation/directory';
import type { Suggestion } from '../../../shared/search/channels';
import { FILTER_PREFIXES } from '../../../shared/search/query';
import type { FilteringTerm } from '../beacon/beaconSchemas';
import { readFilteringTerms } from '../beacon/filteringTermsRead';
import { foldPrefix, nodeSpelling } from '../beacon/filterSpelling';

/** A node's `/filtering_terms` as last read (readFilteringTerms), and when. */
export interface NodeTerms {
  terms: FilteringTerm[];
  /** Whether its first page was read at all (an empty list from a node that did not answer is not "no terms"). */
  read: boolean;
  /** Whether the list ended as the node ended it: only then does it say what the node does not list. */
  complete: boolean;
  /** When the read started (ms since the epoch). */
  at: number;
}

interface CacheEntry {
  at: number;
  terms: Promise<NodeTerms>;
  /** Set once the read has ended: whether it read the node's terms. */
  read?: boolean;
}

export interface FilteringTermsCache {
  /** Ontology terms from every node's /filtering_terms matching the text (id or label). */
  suggest(nodes: readonly NodeEntry[], text: string, limit: number): Promise<Suggestion[]>;
  /**
   * The node's own spelling of filter ids whose prefix its /filtering_terms writes in another case
   * ("hp:0001250" for HP:0001250): only ids it does not list as they are. Empty when it lists them,
   * lists neither, or its terms could not be read.
   */
  spelling(node: NodeEntry, ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /**
   * The node's terms, read once for search, seen-before and the tumour types it offers (decision
   * 0105: one anonymous GET per node, not one per feature).
   */
  of(node: NodeEntry): Promise<NodeTerms>;
  /**
   * Filter ids the node's terms do not list in any prefix case (STANDARDS 3.6 test 9): empty when
   * its terms were not read whole, or list nothing (such a node says nothing of what it knows).
   */
  unlisted(node: NodeEntry, ids: readonly string[]): Promise<string[]>;
}

/** The prefix as the query builder writes it (FILTER_PREFIXES), whatever case a node used. */
function canonicalId(id: string): string | undefined {
  const at = id.indexOf(':');
  const prefix = id.slice(0, at).toLowerCase();
  const ours = FILTER_PREFIXES.find((p) => p.toLowerCase() === prefix);
  return at < 0 || ours === undefined ? undefined : `${ours}${id.slice(at)}`;
}

const TTL_MS = 10 * 60_000;
/** A node whose terms could not be read is asked again sooner (seen-before asks every type meanwhile). */
const FAILED_TTL_MS = 30_000;
const ttl = (read: boolean): number => (read ? TTL_MS : FAILED_TTL_MS);

/**
 * Per-node cache of `/filtering_terms` (anonymous GET: the terms are public discovery metadata).
 * A node that fails simply contributes no terms; it is asked again after FAILED_TTL_MS.
 */
export function createFilteringTermsCache(opts: {
  fetch: typeof fetch;
  timeoutMs: () => number;
  now?: () => number;
}): FilteringTermsCache {
  const now = opts.now ?? Date.now;
  const cache = new Map<string, CacheEntry>();

  const load = (node: NodeEntry, at: number): Promise<NodeTerms> =>
    readFilteringTerms(node, opts.fetch, opts.timeoutMs()).then((r) => ({ ...r, at }));

  const of = (node: NodeEntry): Promise<NodeTerms> => {
    const hit = cache.get(node.beaconUrl);
    // A read in progress is shared; an ended one is kept for its TTL.
    if (hit !== undefined && (hit.read === undefined || now() - hit.at < ttl(hit.read)))
      return hit.terms;
    const at = now();
    const entry: CacheEntry = { at, terms: load(node, at) };
    void entry.terms.then((r) => (entry.read = r.read));
    cache.set(node.beaconUrl, entry);
    return entry.terms;
  };
  const termsOf = async (node: NodeEntry): Promise<FilteringTerm[]> => (await of(node)).terms;

  return {
    async suggest(nodes, text, limit) {
      const q = text.trim().toLowerCase();
      if (q === '') return [];
      const byId = new Map<string, { label: string; nodes: string[] }>();
      const lists = await Promise.all(
        nodes.map(async (n) => ({ node: n, terms: await termsOf(n) })),
      );
      for (const { node, terms } of lists) {
        for (const t of terms) {
          // Decision 0096: "hp:0001250" is HP:0001250 (a node's spelling is restored per node
          // when the query is sent: `spelling`).
          const id = t.type === 'alphanumeric' ? undefined : canonicalId(t.id);
          if (id === undefined) continue;
          const label = t.label ?? id;
          if (!id.toLowerCase().includes(q) && !label.toLowerCase().includes(q)) continue;
          const e = byId.get(id) ?? { label, nodes: [] };
          if (!e.nodes.includes(node.id)) e.nodes.push(node.id);
          byId.set(id, e);
        }
      }
      const rank = (id: string, label: string): number =>
        id.toLowerCase().startsWith(q) || label.toLowerCase().startsWith(q) ? 0 : 1;
      return [...byId.entries()]
        .sort(
          ([a, x], [b, y]) => rank(a, x.label) - rank(b, y.label) || x.label.localeCompare(y.label),
        )
        .slice(0, limit)
        .map(([id, e]) => ({
          id,
          label: e.label,
          detail: `${id.split(':')[0] ?? ''} · ${e.nodes.join(', ')}`,
        }));
    },

    async spelling(node, ids) {
      if (ids.length === 0) return new Map<string, string>();
      return nodeSpelling(
        (await termsOf(node)).map((t) => t.id),
        ids,
      );
    },

    of,

    async unlisted(node, ids) {
      if (ids.length === 0) return [];
      const read = await of(node);
      if (!read.complete || read.terms.length === 0) return [];
      const listed = new Set(read.terms.map((t) => foldPrefix(t.id)));
      return ids.filter((id) => !listed.has(foldPrefix(id)));
    },
  };
}

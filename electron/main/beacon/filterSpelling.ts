import type { BeaconQueryParts } from './beaconRequest';

/**
 * Per-node spelling of ontology filter ids (decision 0096, extended to every path that sends
 * filters in decision 0101): CURIE prefixes are matched without case, yet a server may compare ids
 * as strings, so each node is sent the spelling its own `/filtering_terms` lists ("hp:0001250" for
 * HP:0001250). Search, "patients like mine", seen-before (tumour types) and the tumour types a node
 * offers all go through these functions.
 */

/** A CURIE with its prefix folded to lower case: CURIE prefixes are matched without case. */
export const foldPrefix = (id: string): string => {
  const at = id.indexOf(':');
  return at < 0 ? id : `${id.slice(0, at).toLowerCase()}${id.slice(at)}`;
};

/**
 * The node's own spelling of the ids it lists with the prefix in another case: only ids it does not
 * list as they are. Empty when it lists them as written, lists neither, or lists nothing.
 */
export function nodeSpelling(
  termIds: Iterable<string>,
  ids: readonly string[],
): Map<string, string> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const listed = new Set<string>();
  const folded = new Map<string, string>();
  for (const id of termIds) {
    listed.add(id);
    if (!folded.has(foldPrefix(id))) folded.set(foldPrefix(id), id);
  }
  for (const id of ids) {
    const theirs = listed.has(id) ? undefined : folded.get(foldPrefix(id));
    if (theirs !== undefined && theirs !== id) out.set(id, theirs);
  }
  return out;
}

/** The conformance note for one respelt filter (English, for the node's operator: 0058). */
export const spellingNote = (ours: string, theirs: string): string =>
  `Filter ${ours} was sent as ${theirs}, as the node's /filtering_terms writes it.`;

/** A query in a node's spelling: the parts to send, a note per changed id, and the way back. */
export interface Respelt {
  parts: BeaconQueryParts;
  notes: string[];
  /** The node's spelling → the query builder's, for naming a filter as the person wrote it. */
  written: ReadonlyMap<string, string>;
}

/** The query's filters in the node's spelling, and a note for each one changed. */
export function respell(parts: BeaconQueryParts, theirs: ReadonlyMap<string, string>): Respelt {
  const changed = parts.filters.filter((f) => theirs.has(f.id));
  if (changed.length === 0) return { parts, notes: [], written: new Map() };
  return {
    parts: {
      ...parts,
      filters: parts.filters.map((f) => ({ ...f, id: theirs.get(f.id) ?? f.id })),
    },
    notes: changed.map((f) => spellingNote(f.id, theirs.get(f.id) ?? f.id)),
    written: new Map(changed.map((f) => [theirs.get(f.id) ?? f.id, f.id])),
  };
}

/** A node's spelling for a query's filters, read with `spelling`; the query as written when it fails. */
export async function respellFor<N>(
  spelling: ((node: N, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>) | undefined,
  node: N,
  parts: BeaconQueryParts,
): Promise<Respelt> {
  if (spelling === undefined || parts.filters.length === 0)
    return { parts, notes: [], written: new Map() };
  const theirs = await spelling(
    node,
    parts.filters.map((f) => f.id),
  ).catch(() => new Map<string, string>());
  return respell(parts, theirs);
}

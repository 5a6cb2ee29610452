import type { Ontology } from './ontology';

/** A patient's phenotype resolved to current HPO terms. */
export interface PatientTerms {
  readonly observed: Int32Array;
  readonly excluded: Int32Array;
  /** Ids the ontology does not know (newer than the table, or mistyped): not used, but said. */
  readonly unknown: readonly string[];
}

/**
 * Resolves observed and excluded HP ids (old ids go to their current term). An observed term that
 * is an ancestor of another observed term adds nothing the specific one does not say, so only the
 * most specific are kept; a term both observed and excluded is left out of both, and an excluded
 * term that subsumes an observed one is dropped.
 */
export function resolveTerms(
  ontology: Ontology,
  observed: readonly string[],
  excluded: readonly string[],
): PatientTerms {
  const unknown: string[] = [];
  const resolve = (ids: readonly string[]): Set<number> => {
    const out = new Set<number>();
    for (const id of ids) {
      const t = ontology.indexOf(id);
      if (t === undefined) unknown.push(id);
      else out.add(t);
    }
    return out;
  };
  const obs = resolve(observed);
  const exc = resolve(excluded);
  for (const t of [...obs]) if (exc.has(t)) [obs, exc].forEach((s) => s.delete(t));
  const implied = new Set<number>();
  for (const t of obs) for (const a of ontology.ancestors(t)) if (a !== t) implied.add(a);
  const specific = [...obs].filter((t) => !implied.has(t)).sort((a, b) => a - b);
  // "Not X" where a kind of X is observed contradicts the record: the observation wins.
  const absent = [...exc].filter((t) => !implied.has(t)).sort((a, b) => a - b);
  return {
    observed: Int32Array.from(specific),
    excluded: Int32Array.from(absent),
    unknown: [...new Set(unknown)],
  };
}

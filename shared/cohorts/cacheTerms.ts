/**
 * The phenotype terms the loaded cache actually carries, noted by db/ as each dataset loads. A
 * descendant expansion keeps only these: "Abnormality of head or neck" has 1,454 descendants in
 * the whole HPO, and matching each individual against all of them cost 5.3 s over 250,000
 * individuals, against 0.3 s for the 61 the cache holds. The set only grows (terms of an unloaded
 * dataset stay), so a query can never miss a term that a loaded dataset carries; undefined (tests,
 * native DuckDB) means no pruning.
 */
let present: Set<string> | undefined;

/** Adds terms seen in a dataset being loaded. */
export function noteCacheTerms(terms: Iterable<string>): void {
  present ??= new Set();
  for (const t of terms) present.add(t);
}

/** Forgets every noted term (tests). */
export function resetCacheTerms(): void {
  present = undefined;
}

/** The expansion of `id` kept to the terms the cache may hold; the term itself always stays. */
export function keepCacheTerms(id: string, expansion: readonly string[]): string[] {
  const known = present;
  return known === undefined ? [...expansion] : expansion.filter((t) => t === id || known.has(t));
}

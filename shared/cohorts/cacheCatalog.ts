/**
 * The datasets the cohort SQL reads (sql.ts), noted by db/ once a dataset's layout is in place and
 * forgotten before it goes. Each comes with its number of individuals: the width of its cohort
 * bitmaps, which DuckDB's bitstring_agg needs as a constant. Tests, the benchmarks and native
 * DuckDB pass their own list instead.
 */

/** A loaded dataset as the SQL builders see it. */
export interface CachedDataset {
  readonly id: string;
  /** Rows of its `cd_individuals` (ix runs from 0 to individuals - 1). */
  readonly individuals: number;
}

const loaded = new Map<string, number>();

/** Notes a dataset whose layout is ready to query (replacing an earlier note). */
export function noteDataset(d: CachedDataset): void {
  if (!Number.isSafeInteger(d.individuals) || d.individuals < 0)
    throw new RangeError(`bad individual count for ${d.id}`);
  loaded.set(d.id, d.individuals);
}

/** Forgets a dataset before it is unloaded. */
export function forgetDataset(id: string): void {
  loaded.delete(id);
}

/** The noted datasets, in id order (the order of every union the SQL builds). */
export const cachedDatasets = (): CachedDataset[] =>
  [...loaded.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, individuals]) => ({ id, individuals }));

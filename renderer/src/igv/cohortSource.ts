import type { QueryFn } from './cohortReader';

// The local cache's query function, registered by db/ once the database is open (DESIGN: one module
// owns DuckDB; results cross as plain rows). Undefined until then: the cohort track says so.
let cohortQuery: QueryFn | undefined;
let revision = 0;
const listeners = new Set<() => void>();

/** db/ (or its bootstrap) calls this with its query(sql, params) when the cache is ready. */
export function setCohortQuery(query: QueryFn | undefined): void {
  cohortQuery = query;
  revision += 1;
  for (const fn of listeners) fn();
}

/** The registered query function, if the local cache is open. */
export const getCohortQuery = (): QueryFn | undefined => cohortQuery;

/** Changes whenever the cache's content may have changed (a dataset loaded or removed). */
export const cohortRevision = (): number => revision;

/** Calls fn whenever the cache's query function changes; returns the unsubscribe function. */
export function onCohortQueryChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

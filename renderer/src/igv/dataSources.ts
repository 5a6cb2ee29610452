import type { QueryFn } from './cohortReader';

/**
 * The local cache as the Browser's tracks read it (issue 14: handed in, never a module variable):
 * db/'s query, and what the cache holds now; a new revision reloads the cohort track.
 */
export interface CacheSource {
  readonly query: QueryFn;
  readonly revision: string;
}

/**
 * The open case as its Browser track reads it (issues 14, 16): the case database attached in
 * duckdb-wasm under `alias` (db/cases.ts). Handed in by the page like the cache; igv/ never imports db/.
 */
export interface CaseSource {
  readonly caseId: string;
  readonly alias: string;
  readonly query: QueryFn;
}

/** Everything the Browser's data tracks read, as the page hands it in at each sync. */
export interface TrackSources {
  /** The local cache for the cohort and genotype tracks; undefined while none is loaded. */
  readonly cache: CacheSource | undefined;
  /** The case open on Case review, for its track; undefined while none is open. */
  readonly openCase: CaseSource | undefined;
}

import type { QueryFn } from './cohortReader';

/**
 * The local cache as the Browser's tracks read it (issue 14: handed in, never a module variable):
 * db/'s query, and what the cache holds now; a new revision reloads the cohort track.
 */
export interface CacheSource {
  readonly query: QueryFn;
  readonly revision: string;
}

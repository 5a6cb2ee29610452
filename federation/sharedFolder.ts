import { join } from 'node:path';

/** The repository root (this file sits in federation/). */
export const REPO_ROOT = join(import.meta.dirname, '..');

/**
 * The read-only reference material (official schemas, reference data, tools): `COHORT_DESK_SHARED`,
 * else `../shared` beside the repository root. Never an absolute machine path (issue 14).
 */
export function sharedFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env['COHORT_DESK_SHARED'] ?? join(REPO_ROOT, '..', 'shared');
}

/** Its reference data; `COHORT_DESK_SHARED_DATA` is the older name, still honoured for the data alone. */
export function sharedDataFolder(env: NodeJS.ProcessEnv = process.env): string {
  return env['COHORT_DESK_SHARED_DATA'] ?? join(sharedFolder(env), 'data');
}

/** Its official specifications (GA4GH schemas). */
export function sharedSpecsFolder(env: NodeJS.ProcessEnv = process.env): string {
  return join(sharedFolder(env), 'specs');
}

import type { CachedDataset } from '../../../shared/cohorts/cacheCatalog';
import type { CohortFilters } from '../../../shared/cohorts/definition';
import type { CohortRow } from '../../../shared/cohorts/exportFormats';
import type { CohortPart } from '../../../shared/cohorts/pageStatements';
import { cohortPageStatements, PAGE_DELIVERY } from '../../../shared/cohorts/pageStatements';
import { query } from './query';
import { DEFAULT_ROW_LIMIT } from './runStatement';

export interface KeyCount {
  key: string;
  n: number;
}

/** One evaluation of a cohort over the cache: plain values only (store-safe). */
export interface CohortResult {
  count: number;
  rows: CohortRow[];
  byCountry: KeyCount[];
  byPhenotype: KeyCount[];
  bySex: KeyCount[];
  variants: {
    variant_key: string;
    gene: string;
    consequence: string;
    af: number;
    carriers: number;
  }[];
  ms: number;
}

export { ROW_LIMIT } from '../../../shared/cohorts/pageStatements';

/** Runs one statement of the page (query.ts's signature): its rows. */
export type PageRunner = (
  sql: string,
  params: readonly (string | number)[],
  limit: number,
  delivery: typeof PAGE_DELIVERY,
) => Promise<{ rows: Record<string, unknown>[] }>;

/** Evaluates a cohort: count, rows with provenance, per country / phenotype / sex, variants. */
export function runCohort(f: CohortFilters): Promise<CohortResult> {
  return evaluateCohort(f, query);
}

/**
 * runCohort's evaluation with the statement runner given (query.ts in the app; a test's engine):
 * every statement of cohortPageStatements, in order, delivered whole (PAGE_DELIVERY, decision 0094).
 */
export async function evaluateCohort(
  f: CohortFilters,
  run: PageRunner,
  datasets?: readonly CachedDataset[],
): Promise<CohortResult> {
  const t0 = performance.now();
  const got: Partial<Record<CohortPart, Record<string, unknown>[]>> = {};
  // One connection: duckdb-wasm runs these one after another anyway. The benchmark's page runs
  // the same statements with the same runner and delivery (runStatement.ts, PAGE_DELIVERY).
  for (const { part, bound } of cohortPageStatements(f, datasets))
    got[part] = (await run(bound.sql, bound.params, DEFAULT_ROW_LIMIT, PAGE_DELIVERY)).rows;
  return {
    count: Number(got.count?.[0]?.n ?? 0),
    rows: (got.rows ?? []) as unknown as CohortRow[],
    byCountry: (got.byCountry ?? []) as unknown as KeyCount[],
    bySex: (got.bySex ?? []) as unknown as KeyCount[],
    byPhenotype: (got.byPhenotype ?? []) as unknown as KeyCount[],
    variants: (got.variants ?? []) as unknown as CohortResult['variants'],
    ms: performance.now() - t0,
  };
}

import type { CohortFilters } from '../../../shared/cohorts/definition';
import type { CohortRow } from '../../../shared/cohorts/exportFormats';
import type { CohortPart } from '../../../shared/cohorts/pageStatements';
import { cohortPageStatements } from '../../../shared/cohorts/pageStatements';
import { query } from './query';

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

/** Evaluates a cohort: count, rows with provenance, per country / phenotype / sex, variants. */
export async function runCohort(f: CohortFilters): Promise<CohortResult> {
  const t0 = performance.now();
  const got: Partial<Record<CohortPart, Record<string, unknown>[]>> = {};
  // One connection: duckdb-wasm runs these one after another anyway. The benchmark's page runs
  // the same statements with the same runner (runStatement.ts).
  for (const { part, bound } of cohortPageStatements(f))
    got[part] = (await query(bound.sql, bound.params)).rows;
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

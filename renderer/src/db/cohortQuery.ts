import type { CohortFilters } from '../../../shared/cohorts/definition';
import { hasGenotype } from '../../../shared/cohorts/definition';
import type { CohortRow } from '../../../shared/cohorts/exportFormats';
import {
  cohortByColumnSql,
  cohortByPhenotypeSql,
  cohortCountSql,
  cohortRowsSql,
  cohortVariantsSql,
} from '../../../shared/cohorts/sql';
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

/** Rows shown and exported at most; the count is always exact. */
export const ROW_LIMIT = 20_000;

const run = async <T>(b: { sql: string; params: (string | number)[] }): Promise<T[]> =>
  (await query(b.sql, b.params)).rows as T[];

/** Evaluates a cohort: count, rows with provenance, per country / phenotype / sex, variants. */
export async function runCohort(f: CohortFilters): Promise<CohortResult> {
  const t0 = performance.now();
  // One connection: duckdb-wasm runs these one after another anyway.
  const count = (await run<{ n: number }>(cohortCountSql(f)))[0]?.n ?? 0;
  const rows = await run<CohortRow>(cohortRowsSql(f, ROW_LIMIT));
  const byCountry = await run<KeyCount>(cohortByColumnSql(f, 'country'));
  const bySex = await run<KeyCount>(cohortByColumnSql(f, 'sex'));
  const byPhenotype = await run<KeyCount>(cohortByPhenotypeSql(f, 15));
  const variants = hasGenotype(f.genotype)
    ? await run<CohortResult['variants'][number]>(cohortVariantsSql(f, 50))
    : [];
  return { count, rows, byCountry, byPhenotype, bySex, variants, ms: performance.now() - t0 };
}

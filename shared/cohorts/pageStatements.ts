import type { CachedDataset } from './cacheCatalog';
import { cachedDatasets } from './cacheCatalog';
import type { CohortFilters } from './definition';
import { hasGenotype } from './definition';
import type { BoundSql } from './sql';
import {
  cohortByColumnSql,
  cohortByPhenotypeSql,
  cohortCountSql,
  cohortRowsSql,
  cohortVariantsSql,
} from './sql';

/** Rows the Cohorts page shows and exports at most; the count is always exact. */
export const ROW_LIMIT = 20_000;

/**
 * How the page's statements come back from duckdb-wasm (renderer/src/db/runStatement.ts): each
 * answer is small by construction (an aggregate, or a LIMIT of at most ROW_LIMIT rows), so it is
 * run whole, in one message, instead of streamed (issue 20, decision 0094).
 */
export const PAGE_DELIVERY = 'whole' as const;

/** The parts of one evaluation of a cohort on the Cohorts page. */
export type CohortPart = 'count' | 'rows' | 'byCountry' | 'bySex' | 'byPhenotype' | 'variants';

/**
 * The statements one evaluation of a cohort runs, in the order it runs them (issue 20, decision
 * 0067): the app's runCohort (renderer/src/db/cohortQuery.ts) and the cohort benchmark's page
 * evaluation both take them from here, so the benchmark times exactly the SQL the app runs.
 */
export function cohortPageStatements(
  f: CohortFilters,
  datasets: readonly CachedDataset[] = cachedDatasets(),
): { part: CohortPart; bound: BoundSql }[] {
  return [
    { part: 'count', bound: cohortCountSql(f, datasets) },
    { part: 'rows', bound: cohortRowsSql(f, ROW_LIMIT, datasets) },
    { part: 'byCountry', bound: cohortByColumnSql(f, 'country', datasets) },
    { part: 'bySex', bound: cohortByColumnSql(f, 'sex', datasets) },
    { part: 'byPhenotype', bound: cohortByPhenotypeSql(f, 15, datasets) },
    ...(hasGenotype(f.genotype)
      ? [{ part: 'variants' as const, bound: cohortVariantsSql(f, 50, datasets) }]
      : []),
  ];
}

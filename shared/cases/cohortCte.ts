/**
 * Carrier frequencies from the local cohort cache as a CTE of the case filters (issue 16,
 * filterSql.ts), in a file of its own: filterSql.ts is at the length limit.
 */
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';

const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'NULL');

/**
 * Carrier frequencies in the local cohort cache, per variant key (max over datasets or countries),
 * for the variant keys `keys` selects (all of the case's when the cohort step filters, else a page's).
 */
export function cohortCte(f: CaseFilter, ctx: CaseSqlContext, keys: string): string {
  if (ctx.cohort === undefined)
    return 'cf AS (SELECT CAST(NULL AS VARCHAR) AS variant_key, CAST(NULL AS BIGINT) AS carriers, CAST(NULL AS DOUBLE) AS max_freq WHERE false)';
  const by = f.maxCohortFrequency?.by === 'country' ? 'i.country' : 'i.dataset_id';
  const min = f.maxCohortFrequency?.minIndividuals ?? 20;
  const { individuals, genotypes } = ctx.cohort;
  return `cn AS (SELECT ${by} AS grp, count(*) AS n FROM ${individuals} i GROUP BY ALL),
cc AS (
  SELECT g.variant_key, ${by} AS grp, count(DISTINCT g.dataset_id || chr(31) || g.individual_id) AS c
  FROM ${genotypes} g JOIN ${individuals} i ON i.dataset_id = g.dataset_id AND i.individual_id = g.individual_id
  WHERE g.variant_key IN (${keys}) AND g.zygosity <> 'ref'
  GROUP BY ALL),
cf AS (
  SELECT cc.variant_key, sum(cc.c) AS carriers,
    max(CASE WHEN cn.n >= ${num(min)} THEN cc.c / cn.n END) AS max_freq
  FROM cc JOIN cn ON cn.grp = cc.grp GROUP BY cc.variant_key)`;
}

import type { BoundSql } from './sql';

/** Most carrier rows one seen-before read takes from the cache. */
export const MAX_LOCAL_CARRIERS = 5_000;

/**
 * The local cache's carriers of given alleles (issue 18, "seen before"): per dataset, with zygosity,
 * sex and phenotypes, over the `genotypes` and `individuals` views (shared/cohorts/schema.ts). The
 * cache holds only record-level data the user was allowed to copy, so what it returns may be shown.
 * Split from sql.ts, which is at the house's 300-line limit; the same rules hold (values bound).
 */
export function localCarriersSql(keys: readonly string[], limit = MAX_LOCAL_CARRIERS): BoundSql {
  if (keys.length === 0) return { sql: 'SELECT NULL WHERE false', params: [] };
  const marks = keys.map(() => '?').join(', ');
  const n = Math.max(1, Math.min(MAX_LOCAL_CARRIERS, Math.floor(limit)));
  return {
    sql:
      'SELECT g.variant_key, g.dataset_id, g.node_id, g.individual_id, g.zygosity, i.sex, i.phenotypes ' +
      'FROM genotypes g JOIN individuals i ON i.dataset_id = g.dataset_id AND i.individual_id = g.individual_id ' +
      `WHERE g.variant_key IN (${marks}) AND g.zygosity <> 'ref' ` +
      `ORDER BY g.variant_key, g.dataset_id, g.individual_id LIMIT ${String(n)}`,
    params: [...keys],
  };
}

/**
 * Carriers of given alleles per cached dataset, with the dataset's individuals in the cache (issue
 * 18; decision 0051): the ACMG sheet judges each dataset by what it declares before its frequency
 * may count for BA1/BS1/PM2, so it needs them apart, not the filter's maximum over datasets.
 */
export function cacheFrequencySql(keys: readonly string[]): BoundSql {
  if (keys.length === 0) return { sql: 'SELECT NULL WHERE false', params: [] };
  const marks = keys.map(() => '?').join(', ');
  return {
    sql:
      'WITH n AS (SELECT dataset_id, count(*) AS n FROM individuals GROUP BY dataset_id), ' +
      'c AS (SELECT variant_key, dataset_id, count(DISTINCT individual_id) AS c FROM genotypes ' +
      `WHERE variant_key IN (${marks}) AND zygosity <> 'ref' GROUP BY variant_key, dataset_id) ` +
      'SELECT c.variant_key, c.dataset_id, c.c::INTEGER AS carriers, n.n::INTEGER AS individuals ' +
      'FROM c JOIN n ON n.dataset_id = c.dataset_id ORDER BY c.variant_key, c.dataset_id',
    params: [...keys],
  };
}

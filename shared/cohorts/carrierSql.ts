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

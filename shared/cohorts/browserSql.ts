import type { CachedDataset } from './cacheCatalog';
import { cachedDatasets } from './cacheCatalog';
import type { BoundSql } from './cohortPlan';
import { checkLimit, joinSql, sql } from './cohortPlan';
import type { CohortFilters } from './definition';
import { datasetDatabaseName } from './schema';
import { cohortFrom } from './viewSql';

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

// The Browser's reads (issue 14: every statement over the cache is built here). Regions are igv's:
// 0-based, end exclusive; a variant covers [pos-1, pos-1+len(ref)).
const OVERLAP = 'chrom = ? AND pos <= ? AND pos + length(ref) > ?';
const overlap = (chrom: string, start: number, end: number): (string | number)[] => [
  chrom,
  end,
  start + 1,
];

/** Cached variant records overlapping [start, end): one row per dataset, by position. */
export function regionVariantsSql(
  chrom: string,
  start: number,
  end: number,
  limit: number,
): BoundSql {
  const sql =
    'SELECT variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, ' +
    `dataset_id, node_id, ac, an, af FROM variants WHERE ${OVERLAP} ` +
    `ORDER BY pos, variant_key, dataset_id LIMIT ${String(checkLimit(limit))}`;
  return { sql, params: overlap(chrom, start, end) };
}

/** Distinct cached variants per bin of `width` bp across [start, end) (wide views). */
export function regionDensitySql(
  chrom: string,
  start: number,
  end: number,
  width: number,
): BoundSql {
  const sql =
    'SELECT CAST(floor((pos - 1 - ?) / ?) AS INTEGER) AS bin, count(DISTINCT variant_key) AS n ' +
    `FROM variants WHERE ${OVERLAP} GROUP BY bin ORDER BY bin`;
  return { sql, params: [start, width, ...overlap(chrom, start, end)] };
}

/** Variants overlapping [start, end), one row per key with AC and AN summed over datasets. */
export function regionVariantKeysSql(
  chrom: string,
  start: number,
  end: number,
  limit: number,
): BoundSql {
  const sql =
    'SELECT variant_key, min(pos) AS pos, min(ref) AS ref, min(alt) AS alt, min(gene) AS gene, ' +
    `min(consequence) AS consequence, sum(ac) AS ac, sum(an) AS an FROM variants WHERE ${OVERLAP} ` +
    `GROUP BY variant_key ORDER BY pos, variant_key LIMIT ${String(checkLimit(limit))}`;
  return { sql, params: overlap(chrom, start, end) };
}

/** The chosen samples' ('dataset/individual') genotypes at the variants overlapping the region. */
export function regionGenotypesSql(
  chrom: string,
  start: number,
  end: number,
  samples: readonly string[],
): BoundSql {
  const sql =
    'SELECT variant_key, dataset_id, individual_id, zygosity FROM genotypes WHERE variant_key IN ' +
    `(SELECT DISTINCT variant_key FROM variants WHERE ${OVERLAP}) ` +
    `AND dataset_id || '/' || individual_id IN (${marks(samples.length)})`;
  return { sql, params: [...overlap(chrom, start, end), ...samples] };
}

/** The cohort's first `limit` individuals by dataset and id (the genotype track's samples). */
export function cohortSamplesSql(f: CohortFilters, limit: number): BoundSql {
  const from = cohortFrom(f);
  return {
    sql:
      `SELECT i.dataset_id, i.individual_id FROM ${from.sql} ` +
      `ORDER BY i.dataset_id, i.individual_id LIMIT ${String(checkLimit(limit))}`,
    params: from.params,
  };
}

/**
 * The most frequent phenotypes among a variant's carriers: counts per HPO term, never ids. Read
 * from each loaded dataset's layout (decision 0027): the variant's carrier list, then those
 * individuals' terms (plus genotype rows the layout keeps unlinked); the same answer as a join of
 * the public views, which took ~11 s at 1M genotypes (issue 20). An individual id in two datasets
 * counts once, as before.
 */
export function carrierPhenotypesSql(
  variantKey: string,
  limit: number,
  datasets: readonly CachedDataset[] = cachedDatasets(),
): BoundSql {
  const branches = datasets.map((d) => {
    const db = datasetDatabaseName(d.id);
    return sql(
      `SELECT ph.term AS p, i.individual_id FROM (SELECT unnest(v.carriers) AS ix FROM ${db}.cd_variants v ` +
        `WHERE v.variant_key = ?) c JOIN ${db}.cd_phenotypes ph ON ph.ix = c.ix ` +
        `JOIN ${db}.cd_individuals i ON i.ix = c.ix UNION ALL ` +
        `SELECT ph.term AS p, i.individual_id FROM ${db}.cd_genotypes_unlinked g ` +
        `JOIN ${db}.cd_individuals i ON i.individual_id = g.individual_id ` +
        `JOIN ${db}.cd_phenotypes ph ON ph.ix = i.ix WHERE g.variant_key = ?`,
    );
  });
  const from =
    branches.length === 0
      ? { sql: 'SELECT NULL::VARCHAR AS p, NULL::VARCHAR AS individual_id WHERE FALSE', params: [] }
      : joinSql(branches, ' UNION ALL ');
  return {
    sql:
      `SELECT p AS phenotype, count(DISTINCT individual_id) AS n FROM (${from.sql}) t ` +
      `GROUP BY p ORDER BY n DESC, p LIMIT ${String(checkLimit(limit))}`,
    params: datasets.flatMap(() => [variantKey, variantKey]),
  };
}

/** A gene's first cached variant whose protein change ends with `aa` (one- or three-letter). */
export function variantByProteinSql(gene: string, aa: string): BoundSql {
  return {
    sql:
      'SELECT chrom, pos FROM variants WHERE gene = ? AND (hgvs_p LIKE ? OR hgvs_p LIKE ?) ' +
      'ORDER BY pos LIMIT 1',
    params: [gene, `%${aa}`, `%${aa})`],
  };
}

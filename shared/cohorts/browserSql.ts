import type { BoundSql } from './cohortPlan';
import { checkLimit } from './cohortPlan';
import type { CohortFilters } from './definition';
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

/** The most frequent phenotypes among a variant's carriers: counts per HPO term, never ids. */
export function carrierPhenotypesSql(variantKey: string, limit: number): BoundSql {
  return {
    sql:
      'SELECT p AS phenotype, count(DISTINCT i.individual_id) AS n FROM genotypes g JOIN individuals i ' +
      'ON i.individual_id = g.individual_id AND i.dataset_id = g.dataset_id, unnest(i.phenotypes) AS t(p) ' +
      `WHERE g.variant_key = ? GROUP BY p ORDER BY n DESC, p LIMIT ${String(checkLimit(limit))}`,
    params: [variantKey],
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

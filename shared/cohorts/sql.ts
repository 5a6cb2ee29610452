import type { CohortFilters } from './definition';
import { hasGenotype } from './definition';
import { keepCacheTerms } from './cacheTerms';
import { withDescendants } from './hpo';

/** A parameterised statement: values bind to the `?` placeholders in order; nothing is spliced in. */
export interface BoundSql {
  readonly sql: string;
  readonly params: (string | number)[];
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * The WHERE clause over the `individuals` view aliased `i` (everything but genotype). Parts are
 * ANDed; values inside a part are ORed. HPO criteria with descendants expand via the HPO table, kept to the terms
 * the loaded cache carries (cacheTerms.ts).
 */
export function cohortWhere(f: CohortFilters): BoundSql {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const phenos = f.phenotypes.map((p) => {
    const terms = p.includeDescendants ? keepCacheTerms(p.id, withDescendants(p.id)) : [p.id];
    params.push(...terms);
    return `list_has_any(i.phenotypes, [${marks(terms.length)}]::VARCHAR[])`;
  });
  if (phenos.length > 0)
    parts.push(`(${phenos.join(f.phenotypeMatch === 'all' ? ' AND ' : ' OR ')})`);
  if (f.diseases.length > 0) {
    parts.push(`list_has_any(i.diseases, [${marks(f.diseases.length)}]::VARCHAR[])`);
    params.push(...f.diseases);
  }
  const inList = (column: string, values: readonly string[]): void => {
    if (values.length === 0) return;
    parts.push(`${column} IN (${marks(values.length)})`);
    params.push(...values);
  };
  inList('i.sex', f.sexes);
  inList('i.country', f.countries);
  inList('i.dataset_id', f.datasets);
  return { sql: parts.length === 0 ? 'TRUE' : parts.join(' AND '), params };
}

/**
 * FROM + WHERE selecting the cohort. Genotype joins the DISTINCT carriers (uncorrelated): a
 * correlated EXISTS over the union views ran duckdb-wasm out of memory (3.1 GiB) at 50k genotypes.
 */
export function cohortFrom(f: CohortFilters): BoundSql {
  const w = cohortWhere(f);
  if (!hasGenotype(f.genotype)) return { sql: `individuals i WHERE ${w.sql}`, params: w.params };
  const g = variantWhere(f.genotype);
  return {
    sql:
      'individuals i JOIN (SELECT DISTINCT g.dataset_id, g.individual_id FROM genotypes g ' +
      'JOIN variants v ON v.dataset_id = g.dataset_id AND v.variant_key = g.variant_key ' +
      `WHERE ${g.sql}) c ON c.dataset_id = i.dataset_id AND c.individual_id = i.individual_id ` +
      `WHERE ${w.sql}`,
    params: [...g.params, ...w.params],
  };
}

/** The variant condition of a genotype criterion over the `variants` view aliased `v`. */
export function variantWhere(g: NonNullable<CohortFilters['genotype']>): BoundSql {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if ((g.gene ?? '') !== '') {
    parts.push('upper(v.gene) = upper(?)');
    params.push(g.gene ?? '');
  }
  if ((g.consequence ?? '') !== '') {
    parts.push('v.consequence = ?');
    params.push(g.consequence ?? '');
  }
  if (g.maxAf !== undefined) {
    parts.push('v.af <= ?');
    params.push(g.maxAf);
  }
  return { sql: parts.length === 0 ? 'TRUE' : parts.join(' AND '), params };
}

const checkLimit = (limit: number): number => {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) throw new RangeError('bad limit');
  return limit;
};

/** Number of individuals in the cohort. */
export function cohortCountSql(f: CohortFilters): BoundSql {
  const w = cohortFrom(f);
  return {
    sql: `SELECT count(*)::INTEGER AS n FROM ${w.sql}`,
    params: w.params,
  };
}

/** The cohort's individuals with provenance (dataset_id, node_id), in a stable order. */
export function cohortRowsSql(f: CohortFilters, limit: number): BoundSql {
  const w = cohortFrom(f);
  return {
    sql:
      'SELECT i.dataset_id, i.node_id, i.individual_id, i.sex, i.age_band, i.country, i.diseases, ' +
      `i.phenotypes FROM ${w.sql} ` +
      `ORDER BY i.dataset_id, i.individual_id LIMIT ${String(checkLimit(limit))}`,
    params: w.params,
  };
}

/** Cohort size per value of a column (country, sex, dataset_id), largest first. */
export function cohortByColumnSql(
  f: CohortFilters,
  column: 'country' | 'sex' | 'dataset_id',
): BoundSql {
  const w = cohortFrom(f);
  return {
    sql:
      `SELECT i.${column} AS key, count(*)::INTEGER AS n FROM ${w.sql} ` +
      'GROUP BY ALL ORDER BY n DESC, key',
    params: w.params,
  };
}

/** The most frequent phenotypes among the cohort's individuals. */
export function cohortByPhenotypeSql(f: CohortFilters, limit: number): BoundSql {
  const w = cohortFrom(f);
  return {
    sql:
      'SELECT p.key, count(*)::INTEGER AS n FROM (SELECT unnest(i.phenotypes) AS key FROM ' +
      `${w.sql}) p GROUP BY ALL ORDER BY n DESC, key LIMIT ${String(checkLimit(limit))}`,
    params: w.params,
  };
}

/**
 * Variants the cohort carries that match its genotype criterion, with carrier counts. Matching
 * genotypes join the cohort's keys as two-table joins: one three-way join planned a join on
 * dataset_id alone (near a cross product) and did not finish at 5M genotypes.
 */
export function cohortVariantsSql(f: CohortFilters, limit: number): BoundSql {
  const from = cohortFrom(f);
  const g = variantWhere(f.genotype ?? {});
  return {
    sql:
      'SELECT h.variant_key, h.gene, h.consequence, min(h.af) AS af, count(*)::INTEGER AS carriers ' +
      'FROM (SELECT g.dataset_id, g.individual_id, v.variant_key, v.gene, v.consequence, v.af ' +
      'FROM genotypes g JOIN variants v ON v.dataset_id = g.dataset_id AND v.variant_key = g.variant_key ' +
      `WHERE ${g.sql}) h JOIN (SELECT i.dataset_id, i.individual_id FROM ${from.sql}) c ` +
      'ON c.dataset_id = h.dataset_id AND c.individual_id = h.individual_id ' +
      'GROUP BY h.variant_key, h.gene, h.consequence ' +
      `ORDER BY carriers DESC, h.variant_key LIMIT ${String(checkLimit(limit))}`,
    params: [...g.params, ...from.params],
  };
}

const EXPORT_INDIVIDUAL =
  'i.dataset_id, i.node_id, i.individual_id, i.sex, i.age_band, i.country, i.diseases, i.phenotypes';
const EXPORT_VARIANT =
  'variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, af, zygosity';
/** The variant columns, typed, when the cohort has no genotype criterion (nothing matched). */
const NO_VARIANT = EXPORT_VARIANT.split(', ')
  .map((c) => `NULL::${c === 'pos' ? 'INTEGER' : c === 'af' ? 'DOUBLE' : 'VARCHAR'} AS ${c}`)
  .join(', ');

/** The export rows without order or limit: individual × matching variant (cohortExportSql). */
function exportSelect(f: CohortFilters): BoundSql & { order: string } {
  const from = cohortFrom(f);
  if (!hasGenotype(f.genotype))
    return {
      sql: `SELECT ${EXPORT_INDIVIDUAL}, ${NO_VARIANT} FROM ${from.sql}`,
      params: from.params,
      order: 'dataset_id, individual_id',
    };
  const g = variantWhere(f.genotype);
  const h = EXPORT_VARIANT.split(', ')
    .map((c) => `h.${c}`)
    .join(', ');
  return {
    sql:
      `SELECT c.*, ${h} FROM (SELECT ${EXPORT_INDIVIDUAL} FROM ${from.sql}) c JOIN (` +
      'SELECT g.dataset_id, g.individual_id, g.zygosity, v.variant_key, v.chrom, v.pos, v.ref, ' +
      'v.alt, v.gene, v.consequence, v.hgvs_c, v.hgvs_p, v.clin_sig, v.af FROM genotypes g ' +
      'JOIN variants v ON v.dataset_id = g.dataset_id AND v.variant_key = g.variant_key ' +
      `WHERE ${g.sql}) h ON h.dataset_id = c.dataset_id AND h.individual_id = c.individual_id`,
    params: [...from.params, ...g.params],
    order: 'dataset_id, individual_id, chrom, pos, variant_key',
  };
}

/**
 * The rows an export writes (issue 13): one per individual and variant of the genotype criterion
 * they carry, with zygosity and provenance; one row with null variant columns per individual when
 * the cohort has no genotype criterion. Ordered by dataset, individual, then position.
 */
export function cohortExportSql(f: CohortFilters, limit: number): BoundSql {
  const s = exportSelect(f);
  return {
    sql: `SELECT * FROM (${s.sql}) x ORDER BY ${s.order} LIMIT ${String(checkLimit(limit))}`,
    params: s.params,
  };
}

/** How many rows cohortExportSql would return without a limit (an export over the cap refuses). */
export function cohortExportCountSql(f: CohortFilters): BoundSql {
  const s = exportSelect(f);
  return { sql: `SELECT count(*)::INTEGER AS n FROM (${s.sql}) x`, params: s.params };
}

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

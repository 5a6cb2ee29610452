import type { BoundSql } from '../cohortPlan';
import type { CohortFilters } from '../definition';
import { hasGenotype } from '../definition';
import { cohortFrom, variantWhere } from '../viewSql';

/**
 * Tests only: every cohort statement as it was written before decision 0027, over the public views
 * alone (viewSql.ts). Slow at scale (list columns, joins on genotype rows) but simple: the
 * reference the layout's SQL (sql.ts) must answer exactly like.
 */

const ROW =
  'i.dataset_id, i.node_id, i.individual_id, i.sex, i.age_band, i.country, i.diseases, i.phenotypes';
const VARIANT =
  'variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, af, zygosity';
const NO_VARIANT = VARIANT.split(', ')
  .map((c) => `NULL::${c === 'pos' ? 'INTEGER' : c === 'af' ? 'DOUBLE' : 'VARCHAR'} AS ${c}`)
  .join(', ');

const over = (f: CohortFilters, make: (from: string) => string): BoundSql => {
  const from = cohortFrom(f);
  return { sql: make(from.sql), params: from.params };
};

/** The reference statements, named like the suite's query kinds. */
export const referenceSql = {
  count: (f: CohortFilters): BoundSql =>
    over(f, (from) => `SELECT count(*)::INTEGER AS n FROM ${from}`),
  rows: (f: CohortFilters, limit: number): BoundSql =>
    over(
      f,
      (from) =>
        `SELECT ${ROW} FROM ${from} ORDER BY i.dataset_id, i.individual_id LIMIT ${String(limit)}`,
    ),
  byColumn: (f: CohortFilters, column: 'country' | 'sex' | 'dataset_id'): BoundSql =>
    over(
      f,
      (from) =>
        `SELECT i.${column} AS key, count(*)::INTEGER AS n FROM ${from} GROUP BY ALL ORDER BY n DESC, key`,
    ),
  byPhenotype: (f: CohortFilters, limit: number): BoundSql =>
    over(
      f,
      (from) =>
        `SELECT p.key, count(*)::INTEGER AS n FROM (SELECT unnest(i.phenotypes) AS key FROM ${from}) p ` +
        `GROUP BY ALL ORDER BY n DESC, key LIMIT ${String(limit)}`,
    ),
  variants: (f: CohortFilters, limit: number): BoundSql => {
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
        `ORDER BY carriers DESC, h.variant_key LIMIT ${String(limit)}`,
      params: [...g.params, ...from.params],
    };
  },
  /** The export's rows (`count` true: their number), ordered and limited as cohortExportSql. */
  export: (f: CohortFilters, limit: number, count = false): BoundSql => {
    const from = cohortFrom(f);
    let body: BoundSql;
    let order = 'dataset_id, individual_id';
    if (!hasGenotype(f.genotype))
      body = { sql: `SELECT ${ROW}, ${NO_VARIANT} FROM ${from.sql}`, params: from.params };
    else {
      const g = variantWhere(f.genotype);
      order += ', chrom, pos, variant_key';
      body = {
        sql:
          `SELECT c.*, ${VARIANT.split(', ')
            .map((c) => `h.${c}`)
            .join(', ')} FROM (SELECT ${ROW} FROM ${from.sql}) c JOIN (` +
          'SELECT g.dataset_id, g.individual_id, g.zygosity, v.variant_key, v.chrom, v.pos, v.ref, ' +
          'v.alt, v.gene, v.consequence, v.hgvs_c, v.hgvs_p, v.clin_sig, v.af FROM genotypes g ' +
          'JOIN variants v ON v.dataset_id = g.dataset_id AND v.variant_key = g.variant_key ' +
          `WHERE ${g.sql}) h ON h.dataset_id = c.dataset_id AND h.individual_id = c.individual_id`,
        params: [...from.params, ...g.params],
      };
    }
    return count
      ? { sql: `SELECT count(*)::INTEGER AS n FROM (${body.sql}) x`, params: body.params }
      : {
          sql: `SELECT * FROM (${body.sql}) x ORDER BY ${order} LIMIT ${String(limit)}`,
          params: body.params,
        };
  },
  /** main's carrierPhenotypesSql before decision 0027's layout (a join of the public views). */
  carrierPhenotypes: (variantKey: string, limit: number): BoundSql => ({
    sql:
      'SELECT p AS phenotype, count(DISTINCT i.individual_id) AS n FROM genotypes g JOIN individuals i ' +
      'ON i.individual_id = g.individual_id AND i.dataset_id = g.dataset_id, unnest(i.phenotypes) AS t(p) ' +
      `WHERE g.variant_key = ? GROUP BY p ORDER BY n DESC, p LIMIT ${String(limit)}`,
    params: [variantKey],
  }),
};

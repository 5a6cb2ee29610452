import type { CachedDataset } from './cacheCatalog';
import { cachedDatasets } from './cacheCatalog';
import type { BoundSql, DatasetPlan } from './cohortPlan';
import { checkLimit, cohortBits, groupRows, sql, termGroupRows, union } from './cohortPlan';
import type { CohortFilters } from './definition';
import { hasGenotype } from './definition';

export type { BoundSql } from './cohortPlan';
/** The cohort over the public views, for small reads outside the cohort page (viewSql.ts). */
export { cohortFrom } from './viewSql';
/** The Browser's reads (browserSql.ts): one import for every statement over the cache. */
export * from './browserSql';

/**
 * Every cohort statement (docs/decisions/0027). Each loaded dataset is one branch over its own
 * layout tables (layout.ts), joined on dense integer keys and bitmaps; branches are combined with
 * UNION ALL and re-aggregated. `datasets` defaults to the loaded ones (cacheCatalog.ts); values
 * bind to `?`, only escaped table names and integer bounds are written into the text.
 */

const ROW_COLUMNS =
  'i.dataset_id, i.node_id, i.individual_id, i.sex, i.age_band, i.country, i.diseases, i.phenotypes';
const VARIANT_COLUMNS =
  'variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, af';
/** The variant columns, typed, when the cohort has no genotype criterion (nothing matched). */
const NO_VARIANT = `${VARIANT_COLUMNS}, zygosity`
  .split(', ')
  .map((c) => `NULL::${c === 'pos' ? 'INTEGER' : c === 'af' ? 'DOUBLE' : 'VARCHAR'} AS ${c}`)
  .join(', ');

/** The cohort's individuals of one dataset: FROM + WHERE over `cd_individuals` aliased i. */
function members(p: DatasetPlan): BoundSql {
  const bits = cohortBits(p, { individual: false, genotype: true });
  const from = `${p.db}.cd_individuals i`;
  if (bits === undefined) return sql(`${from} WHERE `, p.where ?? 'TRUE');
  return sql(
    from,
    ', (SELECT ',
    bits,
    ' AS b) c WHERE ',
    p.where === undefined ? 'TRUE' : p.where,
    ' AND get_bit(c.b, i.ix) = 1',
  );
}

/** No term or genotype criterion: only sex and country (if anything) constrain the cohort. */
const onlyIndividuals = (p: DatasetPlan): boolean =>
  p.termSets.length === 0 && p.genotypeSet === undefined;

/**
 * The ix of the first `n` members of one dataset, in ix order (decision 0083). Sex and country
 * alone: one table read through WHERE and LIMIT keeps its stored (ix) order, so the LIMIT stops at
 * the first members. A bitmap is tested as a column of the scan (`OFFSET 0` keeps it there: as the
 * condition of a nested-loop join with its scalar subquery it cost several times the scan).
 */
function firstMemberIx(p: DatasetPlan, n: string): BoundSql {
  const bits = cohortBits(p, { individual: false, genotype: true });
  const rows = sql(`${p.db}.cd_individuals i WHERE `, p.where ?? 'TRUE');
  if (bits === undefined) return sql('SELECT i.ix FROM ', rows, ` LIMIT ${n}`);
  const tail = ` OFFSET 0) m WHERE m.bit = 1 ORDER BY m.ix LIMIT ${n}`;
  return sql('SELECT m.ix FROM (SELECT i.ix, get_bit(', bits, ', i.ix) AS bit FROM ', rows, tail);
}

/** The first `n` members (ix: rank of individual_id); wide columns read for those rows only. */
const firstMembers = (p: DatasetPlan, columns: string, n: string): BoundSql =>
  onlyIndividuals(p) && p.where === undefined
    ? // Everyone: ix is dense from 0, so the first n are a range the zone maps prune to.
      sql(`SELECT ${columns} FROM ${p.db}.cd_individuals i WHERE i.ix < ${n}`)
    : sql(
        `SELECT ${columns} FROM ${p.db}.cd_individuals i WHERE i.ix IN (`,
        firstMemberIx(p, n),
        ')',
      );

/** Number of individuals in the cohort. */
export function cohortCountSql(
  f: CohortFilters,
  datasets: readonly CachedDataset[] = cachedDatasets(),
): BoundSql {
  const u = union(
    f,
    datasets,
    (p) => {
      if (p.geneOnly !== undefined)
        return {
          sql: `SELECT carriers AS n FROM ${p.db}.cd_gene_counts WHERE gene_key = upper(?)`,
          params: [p.geneOnly],
        };
      // Diseases, sex and country from the summary rows (decision 0087, diseases alone too: the
      // bench's floor reads them, and the bitmap's bit_count sat 3.3× above it natively).
      const g = groupRows(p);
      if (g !== undefined) return sql('SELECT sum(i.n) AS n FROM ', g);
      // A bitmap with sex and country ANDs their stored bitmaps (decision 0103), no scan.
      const bits = cohortBits(p, { individual: true, genotype: true });
      if (bits !== undefined) return sql('SELECT bit_count(', bits, ') AS n');
      return sql('SELECT count(*) AS n FROM ', members(p));
    },
    'SELECT 0 AS n WHERE FALSE',
  );
  return sql('SELECT coalesce(sum(n), 0)::INTEGER AS n FROM (', u, ') x');
}

/** The cohort's individuals with provenance (dataset_id, node_id), in a stable order. */
export function cohortRowsSql(
  f: CohortFilters,
  limit: number,
  datasets: readonly CachedDataset[] = cachedDatasets(),
): BoundSql {
  const n = String(checkLimit(limit));
  const u = union(
    f,
    datasets,
    (p) => firstMembers(p, ROW_COLUMNS, n),
    `SELECT ${ROW_COLUMNS} FROM individuals i WHERE FALSE`,
  );
  return sql('SELECT * FROM (', u, `) x ORDER BY dataset_id, individual_id LIMIT ${n}`);
}

/** Cohort size per value of a column (country, sex, dataset_id), largest first. */
export function cohortByColumnSql(
  f: CohortFilters,
  column: 'country' | 'sex' | 'dataset_id',
  datasets: readonly CachedDataset[] = cachedDatasets(),
): BoundSql {
  const u = union(
    f,
    datasets,
    (p) => {
      const g = groupRows(p);
      if (g !== undefined)
        return sql(`SELECT i.${column} AS key, sum(i.n) AS n FROM `, g, ' GROUP BY ALL');
      // Per sex or country: the cohort's bitmap ANDed with each value's stored individuals
      // (`cd_individual_bits`, decision 0103), a row per value instead of a scan of everyone.
      const bits = cohortBits(p, { individual: true, genotype: true });
      if (bits !== undefined && column !== 'dataset_id')
        return sql(
          'SELECT key, n FROM (SELECT k.value AS key, CASE WHEN k.bits IS NOT NULL ',
          'THEN bit_count(k.bits & c.b) ELSE len(list_filter(k.ixs, x -> get_bit(c.b, x) = 1)) ',
          `END AS n FROM ${p.db}.cd_individual_bits k, (SELECT `,
          bits,
          ' AS b) c WHERE ',
          { sql: 'k.kind = ?', params: [column] },
          ') WHERE n > 0',
        );
      return sql(`SELECT i.${column} AS key, count(*) AS n FROM `, members(p), ' GROUP BY ALL');
    },
    'SELECT NULL::VARCHAR AS key, 0 AS n WHERE FALSE',
  );
  return sql('SELECT key, sum(n)::INTEGER AS n FROM (', u, ') x GROUP BY ALL ORDER BY n DESC, key');
}

/** The most frequent phenotypes among the cohort's individuals. */
export function cohortByPhenotypeSql(
  f: CohortFilters,
  limit: number,
  datasets: readonly CachedDataset[] = cachedDatasets(),
): BoundSql {
  const n = String(checkLimit(limit));
  const u = union(
    f,
    datasets,
    (p) => {
      const bits = cohortBits(p, { individual: true, genotype: true });
      // Everyone: the per-term counts written with the layout. Sex and country alone: the same
      // counts per group (layout 5, decision 0087), a few thousand rows, instead of a bitmap of
      // the group's individuals tested against every phenotype row; diseases (with sex and
      // country, if any): the counts per group and list of diseases (layout 6, decision 0094).
      if (bits === undefined)
        return { sql: `SELECT term AS key, n FROM ${p.db}.cd_term_counts`, params: [] };
      const g = termGroupRows(p);
      if (g !== undefined)
        return sql('SELECT i.term AS key, sum(i.n) AS n FROM ', g, ' GROUP BY ALL');
      return sql(
        `SELECT ph.term AS key, count(*) AS n FROM ${p.db}.cd_phenotypes ph, (SELECT `,
        bits,
        ' AS b) c WHERE get_bit(c.b, ph.ix) = 1 GROUP BY ALL',
      );
    },
    'SELECT NULL::VARCHAR AS key, 0 AS n WHERE FALSE',
  );
  return sql(
    'SELECT key, sum(n)::INTEGER AS n FROM (',
    u,
    `) x GROUP BY ALL ORDER BY n DESC, key LIMIT ${n}`,
  );
}

/** One dataset's matching genotypes as (vx, ix[, zygosity]), kept to the cohort's other criteria. */
function matchingGenotypes(p: DatasetPlan, extra: string): BoundSql {
  const bits = cohortBits(p, { individual: true, genotype: false });
  const g = sql(
    `(SELECT v.vx, ${extra}unnest(v.carriers) AS ix FROM ${p.db}.cd_variants v WHERE `,
    p.variant ?? 'TRUE',
    ') g',
  );
  return bits === undefined
    ? sql(g, ' WHERE TRUE')
    : sql(g, ', (SELECT ', bits, ' AS b) c WHERE get_bit(c.b, g.ix) = 1');
}

/**
 * Variants the cohort carries that match its genotype criterion, with carrier counts. With no
 * criterion besides the genotype, every carrier is in the cohort: the count is n_carriers.
 */
export function cohortVariantsSql(
  f: CohortFilters,
  limit: number,
  datasets: readonly CachedDataset[] = cachedDatasets(),
): BoundSql {
  const n = String(checkLimit(limit));
  const cols = 'v.variant_key, v.gene, v.consequence, v.af';
  const u = union(
    f,
    datasets,
    (p) => {
      if (cohortBits(p, { individual: true, genotype: false }) === undefined)
        return sql(
          `SELECT ${cols}, v.n_carriers AS carriers FROM ${p.db}.cd_variants v WHERE `,
          p.variant ?? 'TRUE',
          ' AND v.n_carriers > 0',
        );
      return sql(
        `SELECT ${cols}, h.n AS carriers FROM (SELECT g.vx, count(*) AS n FROM `,
        matchingGenotypes(p, ''),
        ` GROUP BY g.vx) h JOIN ${p.db}.cd_variants v ON v.vx = h.vx`,
      );
    },
    'SELECT NULL::VARCHAR AS variant_key, NULL::VARCHAR AS gene, NULL::VARCHAR AS consequence, ' +
      'NULL::DOUBLE AS af, 0 AS carriers WHERE FALSE',
  );
  return sql(
    'SELECT variant_key, gene, consequence, min(af) AS af, sum(carriers)::INTEGER AS carriers FROM (',
    u,
    ') x GROUP BY variant_key, gene, consequence ' +
      `ORDER BY carriers DESC, variant_key LIMIT ${n}`,
  );
}

/**
 * The rows an export writes (issue 13): one per individual and variant of the genotype criterion
 * they carry, with zygosity and provenance; one row with null variant columns per individual when
 * the cohort has no genotype criterion. Ordered by dataset, individual, then position. Each
 * dataset picks its first `limit` keys before the wide columns are read.
 */
export function cohortExportSql(
  f: CohortFilters,
  limit: number,
  datasets: readonly CachedDataset[] = cachedDatasets(),
): BoundSql {
  const n = String(checkLimit(limit));
  if (!hasGenotype(f.genotype)) {
    const u = union(
      f,
      datasets,
      (p) => firstMembers(p, `${ROW_COLUMNS}, ${NO_VARIANT}`, n),
      `SELECT ${ROW_COLUMNS}, ${NO_VARIANT} FROM individuals i WHERE FALSE`,
    );
    return sql('SELECT * FROM (', u, `) x ORDER BY dataset_id, individual_id LIMIT ${n}`);
  }
  const wide = `${ROW_COLUMNS}, ${VARIANT_COLUMNS.split(', ')
    .map((c) => `v.${c}`)
    .join(', ')}, z.zygosity`;
  // The first rows are picked from integer codes, decoded for those rows only, and the variants'
  // wide columns are read where the criterion holds, not for every variant (decision 0053).
  const u = union(
    f,
    datasets,
    (p) =>
      sql(
        `SELECT ${wide} FROM (SELECT g.ix, g.vx, g.code FROM `,
        matchingGenotypes(p, 'v.chrom, v.pos, v.variant_key, unnest(v.zygosity_codes) AS code, '),
        ` ORDER BY g.ix, g.chrom, g.pos, g.variant_key LIMIT ${n}) k ` +
          `JOIN ${p.db}.cd_individuals i ON i.ix = k.ix ` +
          `JOIN (SELECT * FROM ${p.db}.cd_variants v WHERE `,
        p.variant ?? 'TRUE',
        `) v ON v.vx = k.vx LEFT JOIN ${p.db}.cd_zygosities z ON z.code = k.code`,
      ),
    `SELECT ${ROW_COLUMNS}, ${NO_VARIANT} FROM individuals i WHERE FALSE`,
  );
  return sql(
    'SELECT * FROM (',
    u,
    `) x ORDER BY dataset_id, individual_id, chrom, pos, variant_key LIMIT ${n}`,
  );
}

/** How many rows cohortExportSql would return without a limit (an export over the cap refuses). */
export function cohortExportCountSql(
  f: CohortFilters,
  datasets: readonly CachedDataset[] = cachedDatasets(),
): BoundSql {
  if (!hasGenotype(f.genotype)) return cohortCountSql(f, datasets);
  const u = union(
    f,
    datasets,
    (p) => sql('SELECT count(*) AS n FROM ', matchingGenotypes(p, '')),
    'SELECT 0 AS n WHERE FALSE',
  );
  return sql('SELECT coalesce(sum(n), 0)::INTEGER AS n FROM (', u, ') x');
}

/**
 * The query layout of one cached dataset (docs/decisions/0027-cohort-query-layout.md): built by
 * native DuckDB when a pull writes the dataset's file, and by duckdb-wasm when an older cache is
 * loaded, from the same statements, so both always agree. Pure SQL over source relations with the
 * public columns of CACHE_COLUMNS.
 *
 * - `cd_individuals`: the rows sorted by individual_id, each with `ix` = its rank (0..n-1), the
 *   position of its bit in a cohort bitmap (sql.ts).
 * - `cd_phenotypes`, `cd_diseases`: one row per individual and term (long, sorted by term), for
 *   counts per term over a cohort and the Browser's carrier phenotypes.
 * - `cd_phenotype_index`, `cd_disease_index`: one row per term with the sorted ix of every
 *   individual carrying it (an inverted index, as `cd_variants.carriers`): a term criterion reads
 *   the rows of its terms only, a few hundred at most, instead of testing a row group of the long
 *   table for every term (layout 3, decision 0040: that scan was most of a term criterion's cost
 *   in single-threaded duckdb-wasm).
 * - `cd_variants`: sorted by gene (upper case, `gene_key`), chromosome and position; `carriers` is
 *   the sorted ix of every individual carrying it (an inverted index: a genotype criterion reads
 *   the matching variants' lists, never all genotypes), `zygosity_codes` the zygosity of each
 *   carrier as a code of `cd_zygosities` (layout 4, decision 0053: a list of strings per variant
 *   cost ten times the carriers' list to read), `n_carriers` = len(carriers), carriers per variant.
 * - `cd_zygosities`: the dataset's distinct zygosity strings, `code` = rank - 1 by the string.
 * - Summaries built from those tables in the same build (consistent by construction):
 *   `cd_gene_counts` (distinct carriers per gene), `cd_term_counts` (rows per phenotype term),
 *   `cd_individual_groups` (individuals per dataset, sex and country: a cohort constrained only by
 *   those is counted from a few rows, issue 20) and `cd_variants.n_carriers`.
 * - `cd_genotypes_unlinked`: genotype rows whose individual or variant the dataset lacks (no query
 *   can match them, but the `genotypes` view still lists every pulled row).
 * - Views `individuals`, `variants`, `genotypes` with exactly the public columns, so the console,
 *   the genome browser and tests read a dataset as before. View bodies name tables unqualified:
 *   DuckDB binds them in the view's own catalog and schema, whatever alias the file is attached as.
 */
import type { CacheTable } from './schema';
import { CACHE_COLUMNS } from './schema';

/** Layout tables of a dataset (besides the three public views). */
export const LAYOUT_TABLES = [
  'cd_individuals',
  'cd_phenotypes',
  'cd_diseases',
  'cd_phenotype_index',
  'cd_disease_index',
  'cd_variants',
  'cd_zygosities',
  'cd_genotypes_unlinked',
  'cd_gene_counts',
  'cd_term_counts',
  'cd_individual_groups',
] as const;

const names = (t: CacheTable): string[] => CACHE_COLUMNS[t].map(([c]) => c);
const typed = (t: CacheTable, alias: string): string =>
  CACHE_COLUMNS[t].map(([c, ty]) => `CAST(${alias}.${c} AS ${ty}) AS ${c}`).join(', ');
const VARIANT_ORDER = 'upper(v.gene), v.chrom, v.pos, v.variant_key';

/**
 * Statements that build the layout in `dst` (a schema or catalog.schema prefix, e.g. `out.main`)
 * from `src`, relations with the public columns of each table (table names or parenthesised
 * selects). Run in order, in one connection; the source may be dropped afterwards.
 */
export function layoutStatements(src: Record<CacheTable, string>, dst: string): string[] {
  const terms = (list: 'phenotypes' | 'diseases'): string =>
    `CREATE TABLE ${dst}.cd_${list} AS SELECT term, ix FROM (SELECT ix, unnest(${list}) AS term ` +
    `FROM ${dst}.cd_individuals) ORDER BY term, ix`;
  const index = (list: 'phenotype' | 'disease'): string =>
    `CREATE TABLE ${dst}.cd_${list}_index AS SELECT term, list_sort(list(ix)) AS ixs ` +
    `FROM ${dst}.cd_${list}s GROUP BY term ORDER BY term`;
  const linked =
    `SELECT g.variant_key, i.ix, z.code AS zygosity FROM ${src.genotypes} g ` +
    `JOIN ${dst}.cd_individuals i ON i.individual_id = g.individual_id ` +
    `LEFT JOIN ${dst}.cd_zygosities z ON z.zygosity = CAST(g.zygosity AS VARCHAR)`;
  return [
    `CREATE TABLE ${dst}.cd_individuals AS SELECT ` +
      `(row_number() OVER (ORDER BY s.individual_id) - 1)::INTEGER AS ix, ${typed('individuals', 's')} ` +
      `FROM ${src.individuals} s ORDER BY s.individual_id`,
    terms('phenotypes'),
    terms('diseases'),
    index('phenotype'),
    index('disease'),
    `CREATE TABLE ${dst}.cd_zygosities AS SELECT (row_number() OVER (ORDER BY zygosity) - 1)::INTEGER ` +
      `AS code, zygosity FROM (SELECT DISTINCT CAST(zygosity AS VARCHAR) AS zygosity FROM ${src.genotypes} ` +
      'WHERE zygosity IS NOT NULL) ORDER BY code',
    // One list of (ix, zygosity) pairs per variant, sorted, then split: the two lists stay
    // paired by construction (an ORDER BY inside list() cost 20 s of CPU at 5M genotypes).
    `CREATE TABLE ${dst}.cd_variants AS WITH c AS (SELECT variant_key, ` +
      `list_sort(list({'ix': ix, 'z': zygosity})) AS pairs FROM (${linked}) GROUP BY variant_key) ` +
      `SELECT (row_number() OVER (ORDER BY ${VARIANT_ORDER}) - 1)::INTEGER AS vx, ` +
      `upper(CAST(v.gene AS VARCHAR)) AS gene_key, ${typed('variants', 'v')}, ` +
      'coalesce([p.ix FOR p IN c.pairs], []::INTEGER[]) AS carriers, ' +
      'coalesce([p.z FOR p IN c.pairs], []::INTEGER[]) AS zygosity_codes, ' +
      'coalesce(len(c.pairs), 0)::INTEGER AS n_carriers ' +
      `FROM ${src.variants} v LEFT JOIN c ON c.variant_key = v.variant_key ORDER BY ${VARIANT_ORDER}`,
    `CREATE TABLE ${dst}.cd_genotypes_unlinked AS SELECT ${typed('genotypes', 'g')} FROM ${src.genotypes} g ` +
      `WHERE NOT EXISTS (SELECT 1 FROM ${dst}.cd_individuals i WHERE i.individual_id = g.individual_id) ` +
      `OR NOT EXISTS (SELECT 1 FROM ${dst}.cd_variants v WHERE v.variant_key = g.variant_key)`,
    `CREATE TABLE ${dst}.cd_gene_counts AS SELECT gene_key, count(DISTINCT ix)::INTEGER AS carriers ` +
      `FROM (SELECT gene_key, unnest(carriers) AS ix FROM ${dst}.cd_variants WHERE gene_key IS NOT NULL) ` +
      'GROUP BY gene_key ORDER BY gene_key',
    `CREATE TABLE ${dst}.cd_term_counts AS SELECT term, count(*)::INTEGER AS n ` +
      `FROM ${dst}.cd_phenotypes GROUP BY term ORDER BY term`,
    `CREATE TABLE ${dst}.cd_individual_groups AS SELECT dataset_id, sex, country, ` +
      `count(*)::INTEGER AS n FROM ${dst}.cd_individuals GROUP BY ALL ORDER BY ALL`,
    ...publicViewStatements(dst),
  ];
}

/** The three public views over a layout in `dst`: the columns of CACHE_COLUMNS, nothing more. */
export function publicViewStatements(dst: string): string[] {
  const g = names('genotypes');
  return [
    `CREATE VIEW ${dst}.individuals AS SELECT ${names('individuals').join(', ')} FROM cd_individuals`,
    `CREATE VIEW ${dst}.variants AS SELECT ${names('variants').join(', ')} FROM cd_variants`,
    `CREATE VIEW ${dst}.genotypes AS SELECT i.dataset_id, i.node_id, i.individual_id, ` +
      'g.variant_key, z.zygosity FROM (SELECT variant_key, unnest(carriers) AS ix, ' +
      'unnest(zygosity_codes) AS code FROM cd_variants) g JOIN cd_individuals i ON i.ix = g.ix ' +
      'LEFT JOIN cd_zygosities z ON z.code = g.code ' +
      `UNION ALL SELECT ${g.join(', ')} FROM cd_genotypes_unlinked`,
  ];
}

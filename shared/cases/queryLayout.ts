/**
 * The case database's query layout (issue 16, decision 0036): tables built from the bulk-loaded
 * ones after the load, for the filters' speed only (they hold nothing the load did not write).
 * `variant_rows` holds the columns a table page shows, stored in `sort_key` order: a page of kept
 * alleles is a narrow `sort_key` range, so DuckDB reads the few row groups that range covers
 * instead of every wide column of every allele (`variants` stays in file order, which keeps
 * region lookups by position local). Pure SQL text, run by the import after the derived columns
 * (inheritanceSql.ts materializeInheritanceSql) and by the migration of an older case.
 */

/**
 * Rows in one window of the case's virtualised table (renderer caseQueries.ts): the first window
 * comes with the counts, the others as the table scrolls to them; each is one `sort_key` range.
 */
export const TABLE_WINDOW = 200;

/** The page table. */
export const PAGE_TABLE = 'variant_rows';

/** The columns of `variants` a page shows (CaseVariantRow's own columns), in result order. */
export const PAGE_COLUMNS = [
  'vid',
  'variant_key',
  'chrom',
  'pos',
  'ref',
  'alt',
  'gene',
  'consequence',
  'impact',
  'hgvs_c',
  'hgvs_p',
  'pop_af',
  'filters',
  'clinvar_sig',
  'p_gt',
  'p_gq',
  'p_dp',
  'p_ab',
] as const;

/**
 * Builds (or rebuilds) the query layout of the case database attached as `db`, whose `variants`
 * already has `sort_key`. Idempotent, so a migration may run it on any case of schema 2 or later.
 */
export function queryLayoutSql(db: string): string[] {
  return [
    `DROP TABLE IF EXISTS ${db}.main.${PAGE_TABLE}`,
    `CREATE TABLE ${db}.main.${PAGE_TABLE} AS
SELECT sort_key, ${PAGE_COLUMNS.join(', ')} FROM ${db}.main.variants ORDER BY sort_key`,
  ];
}

/** One row (`n`): 1 when the case attached as `db` has the page table (case schema 3). */
export function hasPageTableSql(db: string): string {
  return `SELECT count(*)::INTEGER AS n FROM duckdb_tables()
WHERE database_name = '${db.replaceAll("'", "''")}' AND schema_name = 'main' AND table_name = '${PAGE_TABLE}'`;
}

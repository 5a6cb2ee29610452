/**
 * The case database's query layout (issue 16, decision 0036): tables built from the bulk-loaded
 * ones after the load, for the filters' speed only (they hold nothing the load did not write).
 * `variant_rows` holds the columns a table page shows, stored in `sort_key` order: a page of kept
 * alleles is a narrow `sort_key` range, so DuckDB reads the few row groups that range covers
 * instead of every wide column of every allele (`variants` stays in file order, which keeps
 * region lookups by position local). Pure SQL text, run by the import after the derived columns
 * (inheritanceSql.ts materializeInheritanceSql) and by the migration of an older case.
 * Schema 4 adds the filter table (decision 0045): `variant_filter`, the columns the filter steps
 * test, also in `sort_key` order, with `ch_all` (compound hets paired over every allele, once here
 * instead of at every filter change). Decision 0062 adds `panel_mask` to it: one bit per shipped
 * panel whose genes the allele touches, with `variant_panels` saying which gene list each bit was
 * built from, so the panel step is a column test instead of a semi join over every allele.
 * Schema 6 adds the sort orders (decision 0082): `o_<column>` in `variant_filter`, the dense rank of
 * each text column the table sorts by, so another order of the kept set is a top-N over integers
 * of the filter table instead of a sort of every kept allele's page columns.
 * Schema 7 copies the filter table's columns into `comphet_sides` (decision 0093, sidesLayoutSql):
 * the page's compound-het pairing reads the sides of the page's genes and nothing else.
 */
import { comphetCte } from './comphetSql';
import { CASE_COLUMNS, SIDES_FILTER_COLUMNS, STEP_COLUMNS } from './dbSchema';
import type { SqlStages } from './sqlStages';
import { flatStages } from './sqlStages';

/**
 * Rows in one window of the case's virtualised table (renderer caseQueries.ts): the first window
 * comes with the counts, the others as the table scrolls to them; each is one `sort_key` range.
 */
export const TABLE_WINDOW = 200;

/**
 * The table scrolls through at most this many kept rows (its height stays below the browser's
 * largest element, about 33.5 million pixels), the kept set holds them (keptSet.ts); the counts
 * are always complete.
 */
export const TABLE_ROWS = 500_000;

/**
 * The kept set's first build holds this many rows (50 windows, keptSet.ts keptSetCapFor): a change
 * of order, or the first scroll of a filter, pays a top-N of this many instead of TABLE_ROWS; a
 * window past them builds the kept set again with TABLE_ROWS (decision 0082).
 */
export const KEPT_FIRST = 10_000;

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

/** The filter table: what the filter steps test, in `sort_key` order (decision 0045). */
export const FILTER_TABLE = 'variant_filter';

/** The columns of `variants` the filter steps test (filterSql.ts conditions), beside `ch_all`. */
export const FILTER_COLUMNS = ['vid', 'inh_mask', ...STEP_COLUMNS] as const;

/**
 * The text columns of the page the table sorts by (reviewSql.ts SORT_KEYS), each with its dense
 * rank in `variant_filter.o_<column>` (schema 6, decision 0082): NULL stays NULL, equal values get
 * the same rank, and ranks follow DuckDB's own order of the values, so ordering by the rank (either
 * way, NULLs last) then `sort_key` is the order of the column then the default order.
 */
export const ORDER_COLUMNS = ['gene', 'consequence', 'hgvs_p', 'p_gt', 'clinvar_sig'] as const;
export type OrderColumn = (typeof ORDER_COLUMNS)[number];

/** Which shipped panel each bit of `variant_filter.panel_mask` stands for (decision 0062). */
export const PANEL_TABLE = 'variant_panels';

/** A shipped panel as the panel bits are built from it (shared/cases/channels.ts Panel). */
export interface LayoutPanel {
  readonly id: string;
  readonly genes: readonly string[];
}

/** A gene list's identity in `variant_panels`: its distinct symbols, sorted, comma-joined. */
export const panelGenesKey = (genes: readonly string[]): string =>
  [...new Set(genes)].sort().join(',');

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** The statements that build `variant_panels` and the CTE `pm` (vid → panel_mask) for `panels`. */
function panelLayout(db: string, panels: readonly LayoutPanel[]): { table: string[]; cte: string } {
  const table = [
    `DROP TABLE IF EXISTS ${db}.main.${PANEL_TABLE}`,
    `CREATE TABLE ${db}.main.${PANEL_TABLE} (panel_id VARCHAR, bit INTEGER, genes VARCHAR)`,
  ];
  const bitGenes = panels.flatMap((p, i) => [...new Set(p.genes)].map((g) => [g, 1 << i] as const));
  if (panels.length > 0)
    table.push(
      `INSERT INTO ${db}.main.${PANEL_TABLE} VALUES ${panels
        .map((p, i) => `(${lit(p.id)}, ${String(1 << i)}, ${lit(panelGenesKey(p.genes))})`)
        .join(', ')}`,
    );
  const cte =
    bitGenes.length === 0
      ? 'pm AS (SELECT CAST(NULL AS BIGINT) AS vid, 0 AS panel_mask WHERE false)'
      : `pm AS (SELECT vg.vid, bit_or(p.bit)::INTEGER AS panel_mask
  FROM ${db}.main.variant_genes vg
  JOIN (VALUES ${bitGenes.map(([g, b]) => `(${lit(g)}, ${String(b)})`).join(', ')}) AS p(gene, bit)
    ON p.gene = vg.gene
  GROUP BY vg.vid)`;
  return { table, cte };
}

/**
 * Builds (or rebuilds) the query layout of the case database attached as `db`, whose `variants`
 * already has `sort_key`. Idempotent, so a migration may run it on any case of schema 2 or later.
 * `panels` (at most 31) get a bit each in `panel_mask`; without them the mask is 0 and the panel
 * step reads `variant_genes` as before.
 */
export function queryLayoutSql(db: string, panels: readonly LayoutPanel[] = []): string[] {
  return flatStages(queryLayoutStages(db, panels));
}

/**
 * queryLayoutSql as one stage of two sequences (sqlStages.ts): the page table and
 * the filter table read `variants` and `variant_genes` and write different tables, so the import
 * builds them side by side on two connections (decision 0078).
 */
export function queryLayoutStages(db: string, panels: readonly LayoutPanel[] = []): SqlStages {
  return [
    [
      [
        `DROP TABLE IF EXISTS ${db}.main.${PAGE_TABLE}`,
        `CREATE TABLE ${db}.main.${PAGE_TABLE} AS
SELECT sort_key, ${PAGE_COLUMNS.join(', ')} FROM ${db}.main.variants ORDER BY sort_key`,
      ],
      filterLayoutSql(db, panels),
    ],
  ];
}

/**
 * The filter table and the panel bits alone (`variant_filter`, `variant_panels`), with the sort
 * orders (decision 0082): what the upgrade of a schema-4 or schema-5 case rebuilds
 * (caseSchema5.ts); the page table is unchanged since schema 3.
 */
export function filterLayoutSql(db: string, panels: readonly LayoutPanel[] = []): string[] {
  if (panels.length > 31) throw new Error('at most 31 panels have a bit in panel_mask');
  const pl = panelLayout(db, panels);
  return [
    ...pl.table,
    `DROP TABLE IF EXISTS ${db}.main.${FILTER_TABLE}`,
    // ch_all: 2 confirmed, 1 possible, 0 pairs with nothing (comphetSql.ts over every allele).
    `CREATE TABLE ${db}.main.${FILTER_TABLE} AS
WITH ${comphetCte(db, { pre: null })},
${pl.cte},
${ORDER_COLUMNS.map(
  // The distinct values ranked, then joined: a fifth of the CPU of ranking every row (0082).
  (c) =>
    `o_${c} AS (SELECT ${c} AS val, (row_number() OVER (ORDER BY ${c}))::INTEGER AS o FROM (SELECT DISTINCT ${c} FROM ${db}.main.variants WHERE ${c} IS NOT NULL))`,
).join(',\n')}
SELECT v.sort_key, ${FILTER_COLUMNS.map((c) => `v.${c}`).join(', ')},
  coalesce(CASE ch.status WHEN 'confirmed' THEN 2 WHEN 'possible' THEN 1 END, 0)::TINYINT AS ch_all,
  coalesce(pm.panel_mask, 0)::INTEGER AS panel_mask,
  ${ORDER_COLUMNS.map((c) => `o_${c}.o AS o_${c}`).join(', ')}
FROM ${db}.main.variants v LEFT JOIN ch ON ch.vid = v.vid LEFT JOIN pm ON pm.vid = v.vid
  ${ORDER_COLUMNS.map((c) => `LEFT JOIN o_${c} ON o_${c}.val = v.${c}`).join(' ')}
ORDER BY v.sort_key`,
    ...sidesLayoutSql(db),
  ];
}

/**
 * `comphet_sides` written again with each side's row of the filter table (SIDES_FILTER_COLUMNS,
 * case schema 7, decision 0093), so the page's compound-het pairing tests the other steps on the
 * sides of the page's genes instead of scanning the filter table for the alleles they keep. Run
 * after the filter table (its `ch_all`, `panel_mask` and `sort_key`); the sides themselves are
 * unchanged, in `sort_key` order, each with its gene's id (`gene_id`, the pairing's integer key).
 * What the upgrade of a schema-6 case runs (schemaUpgrade.ts).
 */
export function sidesLayoutSql(db: string): string[] {
  const cols = CASE_COLUMNS.comphet_sides.map(([c, t]) =>
    !SIDES_FILTER_COLUMNS.includes(c)
      ? `c.${c}`
      : c === 'gene_id'
        ? `g.gene_id`
        : `CAST(f.${c} AS ${t}) AS ${c}`,
  );
  return [
    `DROP TABLE IF EXISTS ${db}.main.comphet_sides_laid`,
    // In sort_key order: a page's sides are a few row groups' (its keys are a narrow range).
    `CREATE TABLE ${db}.main.comphet_sides_laid AS
WITH g AS (SELECT gene, (row_number() OVER (ORDER BY gene))::INTEGER AS gene_id
  FROM (SELECT DISTINCT gene FROM ${db}.main.comphet_sides))
SELECT ${cols.join(', ')}
FROM ${db}.main.comphet_sides c JOIN ${db}.main.${FILTER_TABLE} f ON f.vid = c.vid
  LEFT JOIN g ON g.gene = c.gene
ORDER BY f.sort_key, c.gene, c.side`,
    `DROP TABLE ${db}.main.comphet_sides`,
    `ALTER TABLE ${db}.main.comphet_sides_laid RENAME TO comphet_sides`,
  ];
}

/**
 * One row: `n` 1 when the case attached as `db` has the page table (case schema 3), `f` 1 when it
 * has the filter table (case schema 4), `p` 1 when it has the panel bits (decision 0062), `o` 1
 * when the filter table has the sort orders (case schema 6, decision 0082), `s` 1 when the
 * compound-het sides carry the filter table's columns (case schema 7, decision 0093).
 */
export function hasPageTableSql(db: string): string {
  const name = db.replaceAll("'", "''");
  return `SELECT count(*) FILTER (WHERE table_name = '${PAGE_TABLE}')::INTEGER AS n,
  count(*) FILTER (WHERE table_name = '${FILTER_TABLE}')::INTEGER AS f,
  count(*) FILTER (WHERE table_name = '${PANEL_TABLE}')::INTEGER AS p,
  (SELECT count(*) FROM duckdb_columns() WHERE database_name = '${name}' AND schema_name = 'main'
    AND table_name = '${FILTER_TABLE}' AND column_name = 'o_${ORDER_COLUMNS[0]}')::INTEGER AS o,
  (SELECT count(*) FROM duckdb_columns() WHERE database_name = '${name}' AND schema_name = 'main'
    AND table_name = 'comphet_sides' AND column_name = 'ch_all')::INTEGER AS s
FROM duckdb_tables() WHERE database_name = '${name}' AND schema_name = 'main'`;
}

/** The panel bits' rows (`panel_id`, `bit`, `genes`) of a case that has them (`p` above). */
export const panelBitsSql = (db: string): string =>
  `SELECT panel_id, bit, genes FROM ${db}.main.${PANEL_TABLE}`;

/**
 * The bit of each of `panels` whose gene list is the one its bit was built from: a panel changed
 * since the import (another version shipped) has none, and its step reads `variant_genes`.
 */
export function panelBitsOf(
  rows: readonly Record<string, unknown>[],
  panels: readonly LayoutPanel[],
): Map<string, number> {
  const bits = new Map<string, number>();
  for (const p of panels) {
    const r = rows.find((x) => x.panel_id === p.id);
    if (r !== undefined && r.genes === panelGenesKey(p.genes)) bits.set(p.id, Number(r.bit));
  }
  return bits;
}

/**
 * The kept set of the filter in force, materialised once (issue 16, decision 0066): the table's
 * later windows and its other orders page through a small temporary table instead of running the
 * whole filter again for every window (the filter steps scan every allele of the case). One row
 * per kept allele, at most `cap` of them in the table's order: `i` (the row's place, from 0),
 * `sort_key` (the page table's key), `inh_mask` and `ch_status` (compound-het status paired over
 * the alleles the other steps keep), which is all a window needs besides the page table. Pure SQL
 * text for duckdb-wasm (the page) and native DuckDB (the tests, the bench): the same rows as
 * reviewSql.ts caseSortedRowsSql, in the same order (filterKeptSet.test.ts).
 */
import { pagePairingCte } from './comphetSql';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { cohortCte, readsFilterTable, rowsParts } from './filterSql';
import { modesSql } from './inheritanceSql';
import { KEPT_FIRST, PAGE_COLUMNS, PAGE_TABLE, TABLE_ROWS } from './queryLayout';
import type { RowSort } from './reviewSql';
import { chromOrder, impactOrder, rankTableOf, sortedBy } from './reviewSql';

/** The temporary table of the kept set (one per connection: the filter in force). */
export const KEPT_SET = 'case_kept_set';

/**
 * The cap of the kept set to build for a window ending at row `end` (exclusive), when the kept
 * set of the same filter and order in the database holds its first `built` rows (undefined: there
 * is none): undefined when that one holds the window; else KEPT_FIRST rows while the window lies
 * within them, TABLE_ROWS past them (decision 0082). A set holding fewer rows than its cap holds
 * every kept row, and no window starts past them (the table asks for kept rows only).
 */
export function keptSetCapFor(end: number, built: number | undefined): number | undefined {
  if (built !== undefined && end <= built) return undefined;
  return end <= KEPT_FIRST ? KEPT_FIRST : TABLE_ROWS;
}

const int = (n: number): string => String(Math.max(0, Math.floor(Number.isFinite(n) ? n : 0)));

/**
 * The keys of `sort` over the steps' table `v` (the filter table, or `variants` without it), whose
 * order (each key `dir` NULLS LAST, then `sort_key`) is the table's order of that column
 * (reviewSql.ts sortedBy: the column, missing values last, ties in the default order, which
 * `sort_key` is). Undefined for the orders that need more than the case: the ranking's ranks, the
 * cohort cache's frequencies, the modes (compound hets paired over the kept alleles), and a text
 * column of a filter table without its dense rank (case schema 5, decision 0082).
 */
function orderKeysOf(
  f: CaseFilter,
  ctx: CaseSqlContext,
  key: RowSort['key'],
): string[] | undefined {
  const laid = readsFilterTable(f, ctx);
  switch (key) {
    case 'chrom':
      return [chromOrder('v'), 'v.pos'];
    case 'impact':
      return [impactOrder('v')];
    case 'pop_af':
    case 'p_gq':
    case 'p_dp':
    case 'p_ab':
      return [`v.${key}`];
    case 'gene':
    case 'consequence':
    case 'hgvs_p':
    case 'p_gt':
    case 'clinvar_sig':
      if (!laid) return [`v.${key}`];
      return ctx.sortOrders === true ? [`v.o_${key}`] : undefined;
    default:
      return undefined;
  }
}

/**
 * Creates (or replaces) the kept set of `f` in the order `sort` (`ranks`: each ranked gene's
 * rank), its first `cap` rows. In the default order and in the orders of the case's own columns
 * (orderKeysOf) it is a top-N of integer keys over the kept alleles (no page column read; with
 * the filter table, text columns by their dense rank, decision 0082); the ranking's, the cohort's
 * and the modes' orders read the page columns of every kept allele once to sort them, as
 * caseSortedRowsSql does for every window.
 */
export function keptSetSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
  opts: { sort: RowSort; cap: number; ranks?: ReadonlyMap<string, number> },
): string {
  const cap = int(opts.cap);
  const create = `CREATE OR REPLACE TEMP TABLE ${KEPT_SET} AS`;
  const keys = opts.sort.key === 'default' ? [] : orderKeysOf(f, ctx, opts.sort.key);
  if (keys === undefined) {
    // Every kept row is read before sorting (rowsParts' page of them all).
    const r = rowsParts(f, ctx, { limit: Number.MAX_SAFE_INTEGER, offset: 0 });
    const select = r.select.replace(
      'SELECT ',
      'SELECT p.sort_key AS ks_sort_key, p.inh_mask AS ks_inh_mask, p.ch_status AS ks_ch_status, ',
    );
    return `${create}
SELECT (row_number() OVER (ORDER BY ${sortedBy(opts.sort)}) - 1)::INTEGER AS i,
  q.ks_sort_key AS sort_key, q.ks_inh_mask AS inh_mask, q.ks_ch_status AS ch_status
FROM (${r.ctes}\n${select}) q LEFT JOIN ${rankTableOf(opts.ranks)} AS r(gene, rank) ON r.gene = q.gene
QUALIFY i < ${cap}`;
  }
  const dir = opts.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const order = (a: string): string =>
    [...keys.map((_, i) => `${a}k${String(i)} ${dir} NULLS LAST`), `${a}sort_key`].join(', ');
  const r = rowsParts(f, ctx, { limit: Number(cap), offset: 0 }, keys);
  const w = r.w;
  const db = ctx.db;
  // The status of the kept alleles' compound hets, as rowsParts pairs a page's (over `pre`, the
  // genes of the alleles that pair at all).
  const status = w.chAll
    ? "CASE page.ch_all WHEN 2 THEN 'confirmed' WHEN 1 THEN 'possible' END"
    : 'ch.status';
  const pairing = w.pairedAll || w.chAll ? '' : `,\n${pagePairingCte(db, w)}`;
  const cols = ['vid', 'sort_key', 'inh_mask', ...(w.laid ? ['ch_all'] : [])];
  const page = `page AS (SELECT ${[...cols, ...keys.map((_, i) => `k${String(i)}`)].join(', ')} FROM kept ORDER BY ${order('')} LIMIT ${cap})`;
  return `${create}
${w.sql},
${page}${pairing}
SELECT (row_number() OVER (ORDER BY ${order('page.')}) - 1)::INTEGER AS i, page.sort_key,
  page.inh_mask, ${status} AS ch_status
FROM page${w.chAll ? '' : ' LEFT JOIN ch ON ch.vid = page.vid'}`;
}

/**
 * Rows `offset`.. of the kept set (at most `limit`), in its order, with caseSortedRowsSql's
 * columns: the page columns, the cohort frequencies, the modes and the gene's rank.
 */
export function keptWindowSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
  opts: { offset: number; limit: number; ranks?: ReadonlyMap<string, number> },
): string {
  const from = Math.max(0, Math.floor(opts.offset));
  const to = from + Math.max(0, Math.floor(opts.limit));
  const table = ctx.pageTable === true ? PAGE_TABLE : 'variants';
  return `WITH ks AS (SELECT i, sort_key, inh_mask, ch_status FROM ${KEPT_SET} WHERE i >= ${int(from)} AND i < ${int(to)}),
rows AS (SELECT ks.i, ks.inh_mask, ks.ch_status, ${PAGE_COLUMNS.map((c) => `p.${c}`).join(', ')}
  FROM ks JOIN ${ctx.db}.main.${table} p ON p.sort_key = ks.sort_key),
${cohortCte(f, ctx, 'SELECT variant_key FROM rows')}
SELECT ${PAGE_COLUMNS.map((c) => `p.${c}`).join(', ')},
  CAST(cf.carriers AS DOUBLE) AS cohort_carriers, cf.max_freq AS cohort_max_freq,
  ${modesSql('p')} AS modes, r.rank AS gene_rank
FROM rows p LEFT JOIN cf ON cf.variant_key = p.variant_key
LEFT JOIN ${rankTableOf(opts.ranks)} AS r(gene, rank) ON r.gene = p.gene
ORDER BY p.i`;
}

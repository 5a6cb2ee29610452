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
import { comphetCte } from './comphetSql';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { cohortCte, rowsParts } from './filterSql';
import { modesSql } from './inheritanceSql';
import { PAGE_COLUMNS, PAGE_TABLE } from './queryLayout';
import type { RowSort } from './reviewSql';
import { rankTableOf, sortedBy } from './reviewSql';

/** The temporary table of the kept set (one per connection: the filter in force). */
export const KEPT_SET = 'case_kept_set';

const int = (n: number): string => String(Math.max(0, Math.floor(Number.isFinite(n) ? n : 0)));

/**
 * Creates (or replaces) the kept set of `f` in the order `sort` (`ranks`: each ranked gene's
 * rank), its first `cap` rows. In the default order it is the kept alleles' first `sort_key`s
 * (a top-N, no page columns read); another order reads the page columns of every kept allele once
 * to sort them, as caseSortedRowsSql does for every window.
 */
export function keptSetSql(
  f: CaseFilter,
  ctx: CaseSqlContext,
  opts: { sort: RowSort; cap: number; ranks?: ReadonlyMap<string, number> },
): string {
  const cap = int(opts.cap);
  const create = `CREATE OR REPLACE TEMP TABLE ${KEPT_SET} AS`;
  if (opts.sort.key !== 'default') {
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
  const r = rowsParts(f, ctx, { limit: Number(cap), offset: 0 });
  const w = r.w;
  const db = ctx.db;
  // The status of the kept alleles' compound hets, as rowsParts pairs a page's (over `pre`, the
  // genes of the alleles that pair at all).
  const status = w.chAll
    ? "CASE page.ch_all WHEN 2 THEN 'confirmed' WHEN 1 THEN 'possible' END"
    : 'ch.status';
  const pairing =
    w.pairedAll || w.chAll
      ? ''
      : `,\n${comphetCte(db, {
          genes: `SELECT gene FROM ${db}.main.comphet_sides WHERE vid IN (SELECT vid FROM page${w.laid ? ' WHERE ch_all > 0' : ''})`,
          ...(w.laid ? { pre: 'SELECT vid FROM pre WHERE ch_all > 0' } : {}),
        })}`;
  const page = `page AS (SELECT ${w.laid ? 'vid, sort_key, inh_mask, ch_all' : 'vid, sort_key, inh_mask'} FROM kept ORDER BY sort_key LIMIT ${cap})`;
  return `${create}
${w.sql},
${page}${pairing}
SELECT (row_number() OVER (ORDER BY page.sort_key) - 1)::INTEGER AS i, page.sort_key,
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

import type { CaseVariantRow, Panel } from '../../../../shared/cases/channels';
import { CaseVariantRowSchema } from '../../../../shared/cases/channels';
import type { CaseFilter, FilterStep } from '../../../../shared/cases/filters';
import type { CaseSqlContext } from '../../../../shared/cases/filterSql';
import { caseCountsSql } from '../../../../shared/cases/filterSql';
import { keptSetCapFor, keptSetSql, keptWindowSql } from '../../../../shared/cases/keptSet';
import { TABLE_ROWS, TABLE_WINDOW } from '../../../../shared/cases/queryLayout';
import { caseSqlContext } from '../../../../shared/cases/sqlContext';
import type { RowSort } from '../../../../shared/cases/reviewSql';
import {
  caseChangeSql,
  caseSortedRowsSql,
  filterChangeOf,
  rankInputSql,
  rankRecordOf,
} from '../../../../shared/cases/reviewSql';
import type { VariantRecord } from '../../../../shared/ranking/input';
import { genesAbsentSql } from '../../../../shared/cases/geneListSql';
import { query } from '../../db';

export { TABLE_ROWS, TABLE_WINDOW };
/** At most this many kept rows go to an exported TSV, in the table's order. */
export const EXPORT_ROWS = 10_000;
/** At most this many variant records go to the ranking (most severe first). */
export const RANK_RECORDS = 50_000;

/** What one filter run shows: the counts per step and the first window of kept rows, in order. */
export interface CaseRows {
  readonly total: number;
  readonly kept: number;
  readonly steps: readonly { step: FilterStep; removes: number; remaining: number }[];
  /** The first window (TABLE_WINDOW rows); the table loads the others (caseRowWindow). */
  readonly rows: readonly CaseVariantRow[];
  /** More rows were kept than the table scrolls through. */
  readonly truncated: boolean;
  readonly ms: number;
}

/**
 * Where the filter SQL reads: the attached case, the app's panels, the cohort cache's views, and
 * the case's query layout and panel bits (asked of the catalog each time: an alias may be attached
 * again to another copy of the case).
 */
export async function caseContext(
  alias: string,
  panels: readonly Panel[],
): Promise<CaseSqlContext> {
  return caseSqlContext(async (sql) => (await query(sql)).rows, alias, panels, {
    individuals: 'individuals',
    genotypes: 'genotypes',
  });
}

const rowOf = (r: Record<string, unknown>): CaseVariantRow =>
  CaseVariantRowSchema.parse({ ...r, modes: Array.isArray(r.modes) ? r.modes : [] });

/**
 * The kept set in the database (keptSet.ts, decision 0066): which filter, order and ranks it was
 * built for, and how many rows it holds at most (`cap`: KEPT_FIRST, then TABLE_ROWS once a
 * window lies past them, decision 0082). Every filter change forgets it (the case may have been
 * attached again too); `epoch` keeps a build that was queued before a change from being taken
 * for the new one.
 */
let keptSet: { key: string; cap: number } | undefined;
let epoch = 0;

/** Forgets the kept set: the next later window or other order builds it again. */
function forgetKeptSet(): void {
  keptSet = undefined;
  epoch += 1;
}

/**
 * Builds the kept set of `filter` in `sort` unless the one in the database holds the rows up to
 * `end` (keptSetCapFor).
 */
async function ensureKeptSet(
  ctx: CaseSqlContext,
  filter: CaseFilter,
  panels: readonly Panel[],
  sort: RowSort,
  ranks: ReadonlyMap<string, number> | undefined,
  end: number,
): Promise<void> {
  const key = JSON.stringify([
    ctx.db,
    filter,
    panels,
    sort,
    sort.key === 'rank' ? [...(ranks ?? [])] : [],
  ]);
  const cap = keptSetCapFor(end, keptSet?.key === key ? keptSet.cap : undefined);
  if (cap === undefined) return;
  const mine = epoch;
  await query(keptSetSql(filter, ctx, { sort, cap, ...(ranks === undefined ? {} : { ranks }) }));
  if (mine === epoch) keptSet = { key, cap };
}

/**
 * Kept rows `offset`.. in the chosen order, at most `limit` (a window of the table, an export):
 * read from the kept set, built once per filter and order with its first KEPT_FIRST rows and
 * again with TABLE_ROWS (the most the table scrolls through) for a window past them.
 */
export async function caseRowWindow(
  alias: string,
  filter: CaseFilter,
  panels: readonly Panel[],
  opts: {
    sort: RowSort;
    ranks: ReadonlyMap<string, number> | undefined;
    kept: number;
    offset: number;
    limit: number;
  },
): Promise<CaseVariantRow[]> {
  const { ranks, sort, offset, limit } = opts;
  const ctx = await caseContext(alias, panels);
  const r = ranks === undefined ? {} : { ranks };
  if (offset + limit > TABLE_ROWS) {
    const sql = caseSortedRowsSql(filter, ctx, { sort, kept: opts.kept, offset, limit, ...r });
    return (await query(sql, [], limit)).rows.map(rowOf);
  }
  await ensureKeptSet(ctx, filter, panels, sort, ranks, offset + limit);
  const sql = keptWindowSql(filter, ctx, { offset, limit, ...r });
  return (await query(sql, [], limit)).rows.map(rowOf);
}

/**
 * Runs the filter in duckdb-wasm over the attached case: counts per step and the first window, in
 * one statement in the default order (decision 0062); another order asks the count first, then
 * builds the kept set in that order (decision 0066; its first KEPT_FIRST rows, a top-N over the
 * filter table for the case's own columns, decision 0082) and reads the first window from it.
 */
export async function runCaseFilter(
  alias: string,
  filter: CaseFilter,
  panels: readonly Panel[],
  sort: RowSort,
  ranks: ReadonlyMap<string, number> | undefined,
): Promise<CaseRows> {
  const t0 = performance.now();
  forgetKeptSet();
  const ctx = await caseContext(alias, panels);
  if (sort.key === 'default') {
    const change = caseChangeSql(filter, ctx, {
      limit: TABLE_WINDOW,
      ...(ranks === undefined ? {} : { ranks }),
    });
    const r = filterChangeOf((await query(change.sql, [], TABLE_WINDOW)).rows, change.steps);
    const ms = performance.now() - t0;
    return { ...r, rows: r.rows.map(rowOf), truncated: r.kept > TABLE_ROWS, ms };
  }
  const counts = caseCountsSql(filter, ctx);
  const c = (await query(counts.sql)).rows[0] ?? {};
  const total = Number(c.total ?? 0);
  const kept = Number(c.kept ?? 0);
  let before = total;
  const steps = counts.steps.map((step) => {
    const remaining = Number(c[`after_${step}`] ?? 0);
    const removes = before - remaining;
    before = remaining;
    return { step, removes, remaining };
  });
  const rows = await caseRowWindow(alias, filter, panels, {
    sort,
    ranks,
    kept,
    offset: 0,
    limit: TABLE_WINDOW,
  });
  return { total, kept, steps, rows, truncated: kept > TABLE_ROWS, ms: performance.now() - t0 };
}

/** The ranking's input under the filter: rare kept alleles the proband carries, per gene. */
export async function caseRankInput(
  alias: string,
  filter: CaseFilter,
  panels: readonly Panel[],
  kept: number,
): Promise<{ records: VariantRecord[]; capped: boolean }> {
  const sql = rankInputSql(filter, await caseContext(alias, panels), {
    kept,
    cap: RANK_RECORDS + 1,
  });
  const rows = (await query(sql, [], RANK_RECORDS + 1)).rows;
  const records = rows.slice(0, RANK_RECORDS).map(rankRecordOf);
  return { records, capped: rows.length > RANK_RECORDS };
}

/** The gene list's symbols no variant of the case is in (issue 16), as the list writes them. */
export async function caseGenesAbsent(alias: string, genes: readonly string[]): Promise<string[]> {
  const rows = (await query(genesAbsentSql(alias, genes))).rows;
  return rows.map((r) => String(r.gene));
}

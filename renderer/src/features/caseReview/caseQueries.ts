import type { CaseVariantRow, Panel } from '../../../../shared/cases/channels';
import { CaseVariantRowSchema } from '../../../../shared/cases/channels';
import type { CaseFilter, FilterStep } from '../../../../shared/cases/filters';
import type { CaseSqlContext } from '../../../../shared/cases/filterSql';
import { caseCountsSql } from '../../../../shared/cases/filterSql';
import { TABLE_WINDOW } from '../../../../shared/cases/queryLayout';
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
import { query } from '../../db';

export { TABLE_WINDOW };
/**
 * The table scrolls through at most this many kept rows (its height stays below the browser's
 * largest element, about 33.5 million pixels); the counts are always complete.
 */
export const TABLE_ROWS = 500_000;
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

/** Kept rows `offset`.. in the chosen order, at most `limit` (a window of the table, an export). */
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
  const { ranks, ...rest } = opts;
  const sql = caseSortedRowsSql(filter, await caseContext(alias, panels), {
    ...rest,
    ...(ranks === undefined ? {} : { ranks }),
  });
  return (await query(sql, [], opts.limit)).rows.map(rowOf);
}

/**
 * Runs the filter in duckdb-wasm over the attached case: counts per step and the first window, in
 * one statement in the default order (decision 0062); another order sorts every kept row, so it
 * needs the count first.
 */
export async function runCaseFilter(
  alias: string,
  filter: CaseFilter,
  panels: readonly Panel[],
  sort: RowSort,
  ranks: ReadonlyMap<string, number> | undefined,
): Promise<CaseRows> {
  const t0 = performance.now();
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

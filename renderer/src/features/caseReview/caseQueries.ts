import type { CaseVariantRow, Panel } from '../../../../shared/cases/channels';
import { CaseVariantRowSchema } from '../../../../shared/cases/channels';
import type { CaseFilter, FilterStep } from '../../../../shared/cases/filters';
import type { CaseSqlContext } from '../../../../shared/cases/filterSql';
import { caseFilterRuns } from '../../../../shared/cases/filterRuns';
import { TABLE_ROWS, TABLE_WINDOW } from '../../../../shared/cases/queryLayout';
import { caseSqlContext } from '../../../../shared/cases/sqlContext';
import type { RowSort } from '../../../../shared/cases/reviewSql';
import { rankInputSql, rankRecordOf } from '../../../../shared/cases/reviewSql';
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
 * The page's filter runs on its one duckdb-wasm connection (shared/cases/filterRuns.ts): the kept
 * set in the database and the counts last asked are remembered there.
 */
const runs = caseFilterRuns(async (sql, limit) => (await query(sql, [], limit)).rows);

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
  const { ranks, sort, kept, offset, limit } = opts;
  const ctx = await caseContext(alias, panels);
  const rows = await runs.window({ ctx, filter, panels, sort, ranks }, { kept, offset, limit });
  return rows.map(rowOf);
}

/**
 * Runs the filter in duckdb-wasm over the attached case: counts per step and the first window, in
 * one statement in the default order (decision 0062); another order asks the counts first, then
 * builds the kept set in that order (decision 0066; its first KEPT_FIRST rows, a top-N over the
 * filter table for the case's own columns, decision 0082) and reads the first window from it.
 * With `recount` false (a change of order or of the ranks: the same kept alleles) the counts of
 * the same filter are not asked again (decision 0086).
 */
export async function runCaseFilter(
  alias: string,
  filter: CaseFilter,
  panels: readonly Panel[],
  sort: RowSort,
  ranks: ReadonlyMap<string, number> | undefined,
  opts: { recount: boolean } = { recount: true },
): Promise<CaseRows> {
  const t0 = performance.now();
  runs.forget(opts);
  const ctx = await caseContext(alias, panels);
  const r = await runs.filter({ ctx, filter, panels, sort, ranks }, opts);
  const ms = performance.now() - t0;
  return { ...r, rows: r.rows.map(rowOf), truncated: r.kept > TABLE_ROWS, ms };
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

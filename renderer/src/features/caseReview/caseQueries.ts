import type { CaseVariantRow, Panel } from '../../../../shared/cases/channels';
import { CaseVariantRowSchema } from '../../../../shared/cases/channels';
import type { CaseFilter, FilterStep } from '../../../../shared/cases/filters';
import type { CaseSqlContext } from '../../../../shared/cases/filterSql';
import { caseCountsSql } from '../../../../shared/cases/filterSql';
import type { RowSort } from '../../../../shared/cases/reviewSql';
import { caseSortedRowsSql, rankInputSql, rankRecordOf } from '../../../../shared/cases/reviewSql';
import type { VariantRecord } from '../../../../shared/ranking/input';
import { query } from '../../db';

/** At most this many kept rows are in the table at once (the counts are always complete). */
export const TABLE_ROWS = 10_000;
/** At most this many variant records go to the ranking (most severe first). */
export const RANK_RECORDS = 50_000;

/** What one filter run shows: the counts per step and the first kept rows in the chosen order. */
export interface CaseRows {
  readonly total: number;
  readonly kept: number;
  readonly steps: readonly { step: FilterStep; removes: number; remaining: number }[];
  readonly rows: readonly CaseVariantRow[];
  /** More rows were kept than the table holds. */
  readonly truncated: boolean;
  readonly ms: number;
}

/** Where the filter SQL reads: the attached case, the app's panels, the cohort cache's views. */
export const caseContext = (alias: string, panels: readonly Panel[]): CaseSqlContext => ({
  db: alias,
  panelGenes: (id) => panels.find((p) => p.id === id)?.genes ?? [],
  cohort: { individuals: 'individuals', genotypes: 'genotypes' },
});

/** Runs the filter in duckdb-wasm over the attached case: counts per step, then the rows. */
export async function runCaseFilter(
  alias: string,
  filter: CaseFilter,
  panels: readonly Panel[],
  sort: RowSort,
  ranks: ReadonlyMap<string, number> | undefined,
): Promise<CaseRows> {
  const t0 = performance.now();
  const ctx = caseContext(alias, panels);
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
  const sql = caseSortedRowsSql(filter, ctx, {
    sort,
    kept,
    limit: TABLE_ROWS,
    ...(ranks === undefined ? {} : { ranks }),
  });
  const rows = (await query(sql, [], TABLE_ROWS)).rows.map((r) =>
    CaseVariantRowSchema.parse({ ...r, modes: Array.isArray(r.modes) ? r.modes : [] }),
  );
  return { total, kept, steps, rows, truncated: kept > rows.length, ms: performance.now() - t0 };
}

/** The ranking's input under the filter: rare kept alleles the proband carries, per gene. */
export async function caseRankInput(
  alias: string,
  filter: CaseFilter,
  panels: readonly Panel[],
  kept: number,
): Promise<{ records: VariantRecord[]; capped: boolean }> {
  const sql = rankInputSql(filter, caseContext(alias, panels), { kept, cap: RANK_RECORDS + 1 });
  const rows = (await query(sql, [], RANK_RECORDS + 1)).rows;
  const records = rows.slice(0, RANK_RECORDS).map(rankRecordOf);
  return { records, capped: rows.length > RANK_RECORDS };
}

import type { CohortFilters } from '../../../../shared/cohorts/definition';
import type { ExportDecision, ExportSubject } from '../../../../shared/vault/duoRules';
import { exportPlan } from '../../../../shared/vault/duoRules';
import type { CohortRow } from '../../../../shared/cohorts/exportFormats';
import { toCsv, toPhenopacket } from '../../../../shared/cohorts/exportFormats';
import { MAX_PARQUET_ROWS } from '../../../../shared/cohorts/parquetExport';
import { cohortCountSql, cohortRowsSql } from '../../../../shared/cohorts/sql';
import { query } from '../../db';

export type ExportFormat = 'csv' | 'phenopacket' | 'parquet';

/** The rows of an export and the DUO decisions that chose them (the same for every format). */
export interface ExportRows {
  rows: CohortRow[];
  included: string[];
  decisions: ExportDecision[];
  /** File name without extension: cohort-<time>. */
  baseName: string;
}

export interface ExportOutcome {
  fileName: string;
  rows: number;
  included: string[];
  decisions: ExportDecision[];
}

/** Every format holds at most this many individuals (the Parquet cap, shared with main). */
export const MAX_EXPORT_ROWS = MAX_PARQUET_ROWS;

/** The cohort is larger than an export may hold; nothing was exported. */
export class ExportTooLargeError extends Error {
  constructor(readonly max: number) {
    super(`The cohort has more than ${String(max)} individuals.`);
  }
}

/** The note that travels with every export: what was left out and why, and the conditions. */
export function exportNote(decisions: readonly ExportDecision[]): string[] {
  return decisions.flatMap((d) => [...d.reasons, ...d.conditions]);
}

/**
 * The cohort's rows over the datasets whose DUO terms allow an export (DATA-07); the others are
 * left out, never silently: their reasons go into the note (issue 6). Too many rows refuse.
 */
export async function exportRows(
  filters: CohortFilters,
  datasets: readonly ExportSubject[],
  now = new Date(),
): Promise<ExportRows> {
  const plan = exportPlan(datasets, filters.diseases.length > 0);
  const wanted =
    filters.datasets.length === 0
      ? plan.allowed
      : filters.datasets.filter((d) => plan.allowed.includes(d));
  const rows: CohortRow[] = [];
  if (wanted.length > 0) {
    const f = { ...filters, datasets: wanted };
    // Counted first: a cohort over the cap is refused whole, never cut off at the cap.
    const c = cohortCountSql(f);
    const [count] = (await query(c.sql, c.params, 1)).rows;
    if (Number(count?.n ?? 0) > MAX_EXPORT_ROWS) throw new ExportTooLargeError(MAX_EXPORT_ROWS);
    const q = cohortRowsSql(f, MAX_EXPORT_ROWS);
    rows.push(...((await query(q.sql, q.params, MAX_EXPORT_ROWS)).rows as unknown as CohortRow[]));
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return { rows, included: wanted, decisions: plan.decisions, baseName: `cohort-${stamp}` };
}

/** CSV or Phenopacket v2 JSON text of the export's rows. */
export function exportText(
  e: ExportRows,
  format: 'csv' | 'phenopacket',
  now = new Date(),
): { fileName: string; text: string } {
  if (format === 'csv') return { fileName: `${e.baseName}.csv`, text: toCsv(e.rows) };
  const phenopackets = e.rows.map((r) => toPhenopacket(r, 'Cohort Desk', now.toISOString()));
  return {
    fileName: `${e.baseName}.phenopackets.json`,
    text: JSON.stringify({ note: exportNote(e.decisions), phenopackets }, null, 2),
  };
}

/** Hands a file to the browser's download (a blob URL on the app's own origin). */
export function download(fileName: string, content: string | Uint8Array, type: string): void {
  const part = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

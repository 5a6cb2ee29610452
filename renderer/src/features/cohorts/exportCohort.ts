import type { CohortFilters } from '../../../../shared/cohorts/definition';
import type { ExportDecision, ExportSubject } from '../../../../shared/vault/duoRules';
import { exportPlan } from '../../../../shared/vault/duoRules';
import type { CohortRow } from '../../../../shared/cohorts/exportFormats';
import { toCsv, toPhenopacket } from '../../../../shared/cohorts/exportFormats';
import { cohortRowsSql } from '../../../../shared/cohorts/sql';
import { query } from '../../db';

export type ExportFormat = 'csv' | 'phenopacket';

export interface ExportOutcome {
  fileName: string;
  text: string;
  rows: number;
  included: string[];
  decisions: ExportDecision[];
}

const MAX_EXPORT_ROWS = 1_000_000;

/** The note that travels with every export: what was left out and why, and the conditions. */
export function exportNote(decisions: readonly ExportDecision[]): string[] {
  return decisions.flatMap((d) => [...d.reasons, ...d.conditions]);
}

/**
 * Builds an export of the cohort over the datasets whose DUO terms allow it; the others are left
 * out, never silently: their reasons go into the note (issue 6).
 */
export async function buildExport(
  filters: CohortFilters,
  datasets: readonly ExportSubject[],
  format: ExportFormat,
  now = new Date(),
): Promise<ExportOutcome> {
  const plan = exportPlan(datasets, filters.diseases.length > 0);
  const wanted =
    filters.datasets.length === 0
      ? plan.allowed
      : filters.datasets.filter((d) => plan.allowed.includes(d));
  const rows: CohortRow[] = [];
  if (wanted.length > 0) {
    const q = cohortRowsSql({ ...filters, datasets: wanted }, MAX_EXPORT_ROWS);
    rows.push(...((await query(q.sql, q.params, MAX_EXPORT_ROWS)).rows as unknown as CohortRow[]));
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const note = exportNote(plan.decisions);
  const text =
    format === 'csv'
      ? toCsv(rows)
      : JSON.stringify(
          {
            note,
            phenopackets: rows.map((r) => toPhenopacket(r, 'Cohort Desk', now.toISOString())),
          },
          null,
          2,
        );
  return {
    fileName: `cohort-${stamp}.${format === 'csv' ? 'csv' : 'phenopackets.json'}`,
    text,
    rows: rows.length,
    included: wanted,
    decisions: plan.decisions,
  };
}

/** Hands a text file to the browser's download (a blob URL on the app's own origin). */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

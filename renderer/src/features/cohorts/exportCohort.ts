import type { CohortFilters } from '../../../../shared/cohorts/definition';
import { describeFilters } from '../../../../shared/cohorts/describeFilters';
import type { ExportDecision, ExportSubject } from '../../../../shared/vault/duoRules';
import { exportPlan } from '../../../../shared/vault/duoRules';
import type { CohortVariantRow, ExportRow } from '../../../../shared/cohorts/exportFormats';
import { toCsv, toExportRow } from '../../../../shared/cohorts/exportFormats';
import { MAX_PARQUET_ROWS } from '../../../../shared/cohorts/parquetExport';
import { toCohortMessage } from '../../../../shared/cohorts/phenopacket';
import { cohortExportCountSql, cohortExportSql } from '../../../../shared/cohorts/sql';
import { query } from '../../db';

export type ExportFormat = 'csv' | 'phenopacket' | 'parquet';

/** The rows of an export and the DUO decisions that chose them (the same for every format). */
export interface ExportRows {
  /** One row per individual and matching variant (issue 13), or per individual without one. */
  rows: ExportRow[];
  /** Distinct individuals among the rows. */
  individuals: number;
  included: string[];
  decisions: ExportDecision[];
  /** File name without extension: cohort-<time>. */
  baseName: string;
}

export interface ExportOutcome {
  fileName: string;
  rows: number;
  individuals: number;
  included: string[];
  decisions: ExportDecision[];
}

/** Every format holds at most this many rows (the Parquet cap, shared with main). */
export const MAX_EXPORT_ROWS = MAX_PARQUET_ROWS;

/** The export would be larger than an export may hold; nothing was exported. */
export class ExportTooLargeError extends Error {
  constructor(readonly max: number) {
    super(`The export would hold more than ${String(max)} rows.`);
  }
}

/** No individual may be exported (a Phenopacket Cohort needs members); nothing was written. */
export class NothingToExportError extends Error {}

/** The note that travels with every export: what was left out and why, and the conditions. */
export function exportNote(decisions: readonly ExportDecision[]): string[] {
  return decisions.flatMap((d) => [...d.reasons, ...d.conditions]);
}

/**
 * The cohort's rows over the datasets whose DUO terms allow an export (DATA-07); the others are
 * left out, never silently: their reasons go into the note (issue 6). Each individual comes with
 * the variants of the genotype criterion they carry (issue 13). Too many rows refuse.
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
  const rows: ExportRow[] = [];
  if (wanted.length > 0) {
    const f = { ...filters, datasets: wanted };
    // Counted first: an export over the cap is refused whole, never cut off at the cap.
    const c = cohortExportCountSql(f);
    const [count] = (await query(c.sql, c.params, 1)).rows;
    if (Number(count?.n ?? 0) > MAX_EXPORT_ROWS) throw new ExportTooLargeError(MAX_EXPORT_ROWS);
    const q = cohortExportSql(f, MAX_EXPORT_ROWS);
    const found = (await query(q.sql, q.params, MAX_EXPORT_ROWS)).rows;
    rows.push(...(found as unknown as CohortVariantRow[]).map(toExportRow));
  }
  const individuals = new Set(rows.map((r) => `${r.dataset_id}\u0000${r.individual_id}`)).size;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return {
    rows,
    individuals,
    included: wanted,
    decisions: plan.decisions,
    baseName: `cohort-${stamp}`,
  };
}

/** Per dataset, what the export did with it, for the Phenopacket Cohort's metadata. */
const datasetNotes = (e: ExportRows): { datasetId: string; note: string }[] =>
  e.decisions.map((d) => ({
    datasetId: d.datasetId,
    note: !e.included.includes(d.datasetId)
      ? `left out of this export: ${d.reasons.join('; ') || 'not among the cohort’s datasets'}`
      : `included${d.conditions.length > 0 ? `; conditions: ${d.conditions.join('; ')}` : ''}`,
  }));

/**
 * CSV, or a Phenopacket v2 Cohort message (one Phenopacket per individual, the DUO notes in its
 * description and metaData; issue 13), as text.
 */
export function exportText(
  e: ExportRows,
  format: 'csv' | 'phenopacket',
  filters: CohortFilters,
  now = new Date(),
): { fileName: string; text: string } {
  if (format === 'csv') return { fileName: `${e.baseName}.csv`, text: toCsv(e.rows) };
  const message = toCohortMessage(e.rows, {
    id: e.baseName,
    createdBy: 'Cohort Desk',
    created: now.toISOString(),
    summary:
      `Cohort Desk cohort of ${String(e.individuals)} individuals: ${describeFilters(filters)}. ` +
      'Variants are those that matched the genotype criterion, with zygosity.',
    datasets: datasetNotes(e),
    notes: exportNote(e.decisions),
  });
  if (message === null) throw new NothingToExportError(exportNote(e.decisions).join(' '));
  return {
    fileName: `${e.baseName}.phenopackets.json`,
    text: JSON.stringify(message, null, 2),
  };
}

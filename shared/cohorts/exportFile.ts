import type { CohortFilters } from './definition';
import { describeFilters } from './describeFilters';
import type { ExportDecision } from '../vault/exportRules';
import type { ExportRow } from './exportFormats';
import { toCsv } from './exportFormats';
import { MAX_PARQUET_ROWS } from './parquetExport';
import { toCohortMessage } from './phenopacket';

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

/**
 * No individual may be exported (a Phenopacket Cohort needs members); nothing was written. The
 * message is the note's English; `decisions` carry its codes for the window (issue 22).
 */
export class NothingToExportError extends Error {
  constructor(readonly decisions: readonly ExportDecision[]) {
    super(exportNote(decisions).join(' '));
  }
}

/** The note that travels with every export: what was left out and why, and the conditions. */
export function exportNote(decisions: readonly ExportDecision[]): string[] {
  return decisions.flatMap((d) => [...d.reasons, ...d.conditions]);
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
  if (message === null) throw new NothingToExportError(e.decisions);
  return {
    fileName: `${e.baseName}.phenopackets.json`,
    text: JSON.stringify(message, null, 2),
  };
}

import type { StateCreator } from 'zustand';
import type { CohortFilters } from '../../../shared/cohorts/definition';
import type { ExportFormat, ExportOutcome, ExportRows } from '../../../shared/cohorts/exportFile';
import {
  ExportTooLargeError,
  NothingToExportError,
  exportNote,
  exportText,
} from '../../../shared/cohorts/exportFile';
import { parquetChunks } from '../../../shared/cohorts/parquetExport';
import type { AppErrorKey, AppErrorParams } from '../../../shared/appError';
import type { ExportDecision } from '../../../shared/vault/exportRules';
import type { AppError, Result } from '../../../shared/result';
import { api } from '../api/client';
import type { StoreState } from './index';

/** Where a Parquet export is: rows sent so far, then main writing the file. */
export type ParquetProgress =
  { stage: 'sending'; sent: number; total: number } | { stage: 'writing' };

/** Why an export did not happen, for the page to say in the person's words. */
export type ExportProblem =
  | { kind: 'tooMany'; max: number }
  /** The DUO decisions keep their codes: the page words the note (issue 22). */
  | { kind: 'nothing'; decisions: readonly ExportDecision[] }
  /**
   * Main's refusal keeps its key and parameters (decision 0063) and a renderer error its `said`
   * (decision 0071): the page words them. This module never imports the UI's words, so the
   * exports stay language-independent (exportLanguage.test.ts).
   */
  | {
      kind: 'failed';
      message: string;
      key?: AppErrorKey | undefined;
      params?: AppErrorParams | undefined;
      said?: { readonly key: string; readonly params?: Readonly<Record<string, string | number>> };
    };

/** A file for the page to hand to the browser's download. */
export interface ExportFile {
  fileName: string;
  content: string | Uint8Array;
  type: string;
}

export interface ExportSlice {
  exportProgress: ParquetProgress | undefined;
  exportOutcome: ExportOutcome | undefined;
  exportProblem: ExportProblem | undefined;
  /**
   * Exports the builder's cohort (the rows DUO allows, DATA-07); resolves with the files to
   * download (the export and its DUO note), none when it failed. Every export is audited.
   */
  runExport: (format: ExportFormat) => Promise<ExportFile[]>;
}

/** Decodes main's base64 answer into the file's bytes. */
export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Main's refusal, thrown with its key and parameters kept. */
class RefusedError extends Error {
  constructor(readonly refusal: AppError) {
    super(refusal.message);
  }
}

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new RefusedError(r.error);
  return r.value;
};

/** An export that failed: main's refusal with its code, a renderer error with its words. */
function failedProblem(error: unknown): ExportProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RefusedError)
    return { kind: 'failed', message, key: error.refusal.key, params: error.refusal.params };
  const said = (error as { said?: unknown } | null)?.said;
  return typeof said === 'object' &&
    said !== null &&
    typeof (said as { key?: unknown }).key === 'string'
    ? { kind: 'failed', message, said: said as { key: string } }
    : { kind: 'failed', message };
}

const leftOut = (e: ExportRows): string[] =>
  e.decisions.filter((d) => !d.allowed).map((d) => d.datasetId);

/**
 * Sends the export's rows (the same rows and DUO decisions as CSV) to main in chunks; main writes
 * Parquet with native DuckDB, audits it as 'cohort.export', and returns the file (issue 6).
 * duckdb-wasm cannot write Parquet offline: its Parquet extension is downloaded at run time.
 */
async function exportParquet(
  e: ExportRows,
  filters: CohortFilters,
  onProgress: (p: ParquetProgress) => void,
): Promise<ExportFile> {
  const client = api();
  const { exportId } = unwrap(
    await client.invoke('cohorts:parquetBegin', {
      datasets: e.included,
      leftOut: leftOut(e),
      filters,
      note: exportNote(e.decisions),
      total: e.rows.length,
    }),
  );
  let sent = 0;
  onProgress({ stage: 'sending', sent, total: e.rows.length });
  for (const rows of parquetChunks(e.rows)) {
    sent = unwrap(await client.invoke('cohorts:parquetRows', { exportId, rows })).received;
    onProgress({ stage: 'sending', sent, total: e.rows.length });
  }
  onProgress({ stage: 'writing' });
  const file = unwrap(await client.invoke('cohorts:parquetFinish', { exportId }));
  return {
    fileName: `${e.baseName}.parquet`,
    content: fromBase64(file.base64),
    type: 'application/vnd.apache.parquet',
  };
}

/** CSV or Phenopackets: written here, audited in main with what left the app (no rows). */
async function exportTextFile(
  e: ExportRows,
  format: 'csv' | 'phenopacket',
  filters: CohortFilters,
): Promise<ExportFile> {
  const file = exportText(e, format, filters);
  unwrap(
    await api().invoke('cohorts:exported', {
      format,
      rows: e.rows.length,
      datasets: e.included,
      leftOut: leftOut(e),
      filters,
    }),
  );
  const type = format === 'csv' ? 'text/csv' : 'application/json';
  return { fileName: file.fileName, content: file.text, type };
}

/** The DUO note as a file next to a CSV or Parquet export (Phenopackets carry it inside). */
function noteFile(e: ExportRows, fileName: string): ExportFile[] {
  const note = exportNote(e.decisions);
  if (note.length === 0) return [];
  const name = fileName.replace(/\.(csv|parquet)$/, '.note.txt');
  return [{ fileName: name, content: `${note.join('\n')}\n`, type: 'text/plain' }];
}

const problemOf = (error: unknown): ExportProblem =>
  error instanceof ExportTooLargeError
    ? { kind: 'tooMany', max: error.max }
    : error instanceof NothingToExportError
      ? { kind: 'nothing', decisions: error.decisions }
      : failedProblem(error);

/** Cohort exports (CSV, Parquet, Phenopacket v2): db/ reads the rows, main writes Parquet and audits. */
export const createExportSlice: StateCreator<StoreState, [], [], ExportSlice> = (set, get) => ({
  exportProgress: undefined,
  exportOutcome: undefined,
  exportProblem: undefined,
  async runExport(format) {
    const filters = get().cohortFilters;
    set({ exportProblem: undefined });
    try {
      const { exportRows } = await import('../db/cohortExport');
      const e = await exportRows(filters, get().cohortCache?.datasets ?? []);
      const file =
        format === 'parquet'
          ? await exportParquet(e, filters, (p) => set({ exportProgress: p }))
          : await exportTextFile(e, format, filters);
      const { rows, individuals, included, decisions } = e;
      set({
        exportOutcome: {
          fileName: file.fileName,
          rows: rows.length,
          individuals,
          included,
          decisions,
        },
      });
      return format === 'phenopacket' ? [file] : [file, ...noteFile(e, file.fileName)];
    } catch (error: unknown) {
      set({ exportProblem: problemOf(error) });
      return [];
    } finally {
      set({ exportProgress: undefined });
    }
  },
});

import type { CohortFilters } from '../../../../shared/cohorts/definition';
import { parquetChunks } from '../../../../shared/cohorts/parquetExport';
import type { Result } from '../../../../shared/result';
import { api } from '../../api/client';
import type { ExportRows } from './exportCohort';
import { exportNote } from './exportCohort';

/** Where a Parquet export is: rows sent so far, then main writing the file. */
export type ParquetProgress =
  { stage: 'sending'; sent: number; total: number } | { stage: 'writing' };

/** Decodes main's base64 answer into the file's bytes. */
export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/**
 * Sends the export's rows (the same rows and DUO decisions as CSV) to main in chunks; main writes
 * Parquet with native DuckDB, audits it as 'cohort.export', and returns the file (issue 6).
 * duckdb-wasm cannot write Parquet offline: its Parquet extension is downloaded at run time.
 */
export async function exportParquet(
  e: ExportRows,
  filters: CohortFilters,
  onProgress: (p: ParquetProgress) => void,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const client = api();
  const { exportId } = unwrap(
    await client.invoke('cohorts:parquetBegin', {
      datasets: e.included,
      leftOut: e.decisions.filter((d) => !d.allowed).map((d) => d.datasetId),
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
  return { fileName: `${e.baseName}.parquet`, bytes: fromBase64(file.base64) };
}

import { randomBytes } from 'node:crypto';
import { EXPORT_COLUMNS } from '../../../shared/cohorts/exportFormats';
import type { ExportRow } from '../../../shared/cohorts/exportFormats';
import type { ParquetBeginRequest, ParquetFile } from '../../../shared/cohorts/parquetExport';
import { MAX_PARQUET_BYTES, MAX_PARQUET_ROWS } from '../../../shared/cohorts/parquetExport';
import type { AuditLog } from '../audit/auditLog';
import { HandlerError } from '../ipc/router';
import type { ParquetSink } from './parquetWriter';
import { ParquetTooLargeError, openParquetSink } from './parquetWriter';
import { words } from '../../../shared/appError';

/** Parquet exports in progress: begin, rows in chunks, finish (issue 6). */
export interface ParquetExports {
  begin(request: ParquetBeginRequest): Promise<{ exportId: string }>;
  append(exportId: string, rows: readonly ExportRow[]): { received: number };
  finish(exportId: string): Promise<ParquetFile>;
  /** Drops every open export (app shutdown). */
  close(): void;
}

interface Open {
  readonly request: ParquetBeginRequest;
  readonly sink: ParquetSink;
  readonly opened: number;
}

/** An abandoned export (a closed tab) is dropped after this long, or when too many are open. */
const IDLE_MS = 15 * 60 * 1000;
const MAX_OPEN = 2;

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/**
 * Keeps each export's rows in its own in-memory native DuckDB until finish. Main re-checks what
 * the renderer decided: a row of a dataset that is not among the export's datasets (one DUO left
 * out, or never named) refuses the whole export. The audit entry is the one 'cohorts:exported'
 * writes, with format 'parquet', and it is written only when the file is handed over.
 */
export function createParquetExports(opts: {
  audit: AuditLog;
  now?: () => number;
  maxBytes?: number;
}): ParquetExports {
  const now = opts.now ?? Date.now;
  const open = new Map<string, Open>();
  const drop = (id: string): void => {
    open.get(id)?.sink.close();
    open.delete(id);
  };
  const take = (id: string): Open => {
    const e = open.get(id);
    if (e === undefined)
      throw new HandlerError(
        'INVALID_REQUEST',
        'This Parquet export is no longer open (it finished, failed or waited too long). Export again.',
        undefined,
        words('parquetGone'),
      );
    return e;
  };
  return {
    async begin(request) {
      for (const [id, e] of open) if (now() - e.opened > IDLE_MS) drop(id);
      while (open.size >= MAX_OPEN) {
        const oldest = open.keys().next();
        if (oldest.done === true) break;
        drop(oldest.value);
      }
      const exportId = randomBytes(16).toString('base64url');
      open.set(exportId, { request, sink: await openParquetSink(EXPORT_COLUMNS), opened: now() });
      return { exportId };
    },
    append(exportId, rows) {
      const e = take(exportId);
      const allowed = new Set(e.request.datasets.filter((d) => !e.request.leftOut.includes(d)));
      const stray = rows.find((r) => !allowed.has(r.dataset_id));
      if (stray !== undefined) {
        drop(exportId);
        throw new HandlerError(
          'NOT_ALLOWED',
          `Rows of dataset ${stray.dataset_id} may not be in this export (DATA-07); nothing was written.`,
          undefined,
          words('parquetStray', { dataset: stray.dataset_id }),
        );
      }
      if (e.sink.rows + rows.length > Math.min(MAX_PARQUET_ROWS, e.request.total)) {
        drop(exportId);
        throw new HandlerError(
          'INVALID_REQUEST',
          'More rows arrived than the export announced; nothing was written.',
          undefined,
          words('parquetTooManyRows'),
        );
      }
      e.sink.append(rows);
      return { received: e.sink.rows };
    },
    async finish(exportId) {
      const e = take(exportId);
      open.delete(exportId);
      const { request, sink } = e;
      const maxBytes = opts.maxBytes ?? MAX_PARQUET_BYTES;
      let bytes: Uint8Array;
      try {
        bytes = await sink.finish(
          {
            cohort_desk_note: request.note.join('\n'),
            cohort_desk_datasets: request.datasets.join(','),
            cohort_desk_left_out: request.leftOut.join(','),
            cohort_desk_filters: JSON.stringify(request.filters),
            // Issue 13: what a row is, for whoever opens the file without the app's docs.
            cohort_desk_rows:
              'one row per individual and variant of the genotype criterion they carry, with ' +
              'zygosity; variant columns are empty when the cohort has no genotype criterion; ' +
              'positions are GRCh38, 1-based',
          },
          maxBytes,
        );
      } catch (error: unknown) {
        if (!(error instanceof ParquetTooLargeError)) throw error;
        throw new HandlerError(
          'NOT_ALLOWED',
          `The Parquet file would be ${mb(error.bytes)} MB; Cohort Desk hands over at most ${mb(maxBytes)} MB at once. Narrow the cohort, or export CSV.`,
          undefined,
          words('parquetTooLarge', { mb: Number(mb(error.bytes)), maxMb: Number(mb(maxBytes)) }),
        );
      }
      // Audited before the renderer receives a byte, like CSV (counts and dataset ids, never rows).
      opts.audit.append('cohort.export', {
        format: 'parquet',
        rows: sink.rows,
        datasets: request.datasets,
        leftOut: request.leftOut,
        filters: request.filters,
      });
      return {
        rows: sink.rows,
        bytes: bytes.length,
        base64: Buffer.from(bytes).toString('base64'),
      };
    },
    close() {
      for (const id of [...open.keys()]) drop(id);
    },
  };
}

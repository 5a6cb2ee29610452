import { z } from 'zod';
import { CohortFiltersSchema } from './definition';
import type { CohortRow } from './exportFormats';

/**
 * The Parquet export's IPC (issue 6): the renderer builds the rows exactly as for CSV and sends them
 * to main in chunks (begin → rows… → finish); main writes Parquet with native DuckDB, audits, and
 * answers with the file as base64. Chunks keep every frame far under browser mode's 8 MiB
 * WebSocket limit and give the user progress; base64 keeps one contract for both transports
 * (Electron IPC could carry bytes, browser mode's RPC is JSON).
 */

/** The most rows one export may hold (the same cap as CSV). */
export const MAX_PARQUET_ROWS = 1_000_000;
/** The largest Parquet file main hands back (base64 makes the answer a third larger). */
export const MAX_PARQUET_BYTES = 48 * 1024 * 1024;
/** Rows per 'cohorts:parquetRows' request, at most. */
export const PARQUET_CHUNK_ROWS = 20_000;
/**
 * JSON characters per chunk, at most: 2 Mi characters are at most 6 MiB of UTF-8 (3 bytes per
 * UTF-16 unit), under browser mode's 8 MiB frame limit with room for the envelope.
 */
export const PARQUET_CHUNK_CHARS = 2 * 1024 * 1024;

const Id = z.string().min(1).max(200);
const Term = z.string().max(100);

/** One exported individual as it travels to main (the CSV row, provenance first). */
export const CohortRowSchema = z
  .object({
    dataset_id: Id,
    node_id: Id,
    individual_id: Id,
    sex: z.string().max(20),
    age_band: z.string().max(40).nullable(),
    country: z.string().max(10),
    diseases: z.array(Term).max(200),
    phenotypes: z.array(Term).max(1000),
  })
  .strict();

/** 'cohorts:parquetBegin': what the export is (for the audit entry and the file's metadata). */
export const ParquetBeginRequestSchema = z
  .object({
    /** Datasets whose rows the export holds; rows of any other dataset are refused. */
    datasets: z.array(Id).max(100),
    /** Datasets DUO left out (audited, and refused if a row names one). */
    leftOut: z.array(Id).max(100),
    filters: CohortFiltersSchema,
    /** The DUO note (reasons and conditions), written into the file's key-value metadata. */
    note: z.array(z.string().max(1000)).max(500),
    /** How many rows will follow (for the cap; checked again at finish). */
    total: z.number().int().nonnegative().max(MAX_PARQUET_ROWS),
  })
  .strict();
export type ParquetBeginRequest = z.input<typeof ParquetBeginRequestSchema>;

export const ExportIdSchema = z.object({ exportId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

/** 'cohorts:parquetRows': the next chunk of rows. */
export const ParquetRowsRequestSchema = ExportIdSchema.extend({
  rows: z.array(CohortRowSchema).max(PARQUET_CHUNK_ROWS),
}).strict();

/** 'cohorts:parquetFinish' answer: the file, audited, as base64. */
export const ParquetFileSchema = z.object({
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative().max(MAX_PARQUET_BYTES),
  base64: z.string().max(Math.ceil(MAX_PARQUET_BYTES / 3) * 4),
});
export type ParquetFile = z.infer<typeof ParquetFileSchema>;

/** Splits rows into chunks under both the row and the character budget (order kept). */
export function parquetChunks(
  rows: readonly CohortRow[],
  maxRows = PARQUET_CHUNK_ROWS,
  maxChars = PARQUET_CHUNK_CHARS,
): CohortRow[][] {
  const chunks: CohortRow[][] = [];
  let chunk: CohortRow[] = [];
  let chars = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length + 1;
    if (chunk.length > 0 && (chunk.length >= maxRows || chars + size > maxChars)) {
      chunks.push(chunk);
      chunk = [];
      chars = 0;
    }
    chunk.push(row);
    chars += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

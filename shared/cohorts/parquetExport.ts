import { z } from 'zod';
import { CohortFiltersSchema } from './definition';
import type { ExportRow } from './exportFormats';

/**
 * The Parquet export's IPC (issue 6): the renderer builds the rows exactly as for CSV and sends them
 * to main in chunks (begin → rows… → finish); main writes Parquet with native DuckDB, audits, and
 * answers with the file as base64. Chunks keep every frame far under browser mode's 8 MiB
 * WebSocket limit and give the user progress; base64 keeps one contract for both transports
 * (Electron IPC could carry bytes, browser mode's RPC is JSON).
 */

/** The most rows one export may hold (the same cap as CSV): individuals × matching variants. */
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

const Text = z.string().max(1000).nullable();

/** One export row as it travels to main (the CSV row: individual × matching variant). */
export const ExportRowSchema = z
  .object({
    dataset_id: Id,
    node_id: Id,
    individual_id: Id,
    sex: z.string().max(20),
    birth_year_band: z.string().max(40).nullable(),
    age_band: z.string().max(40).nullable(),
    country: z.string().max(10),
    disease_ids: z.array(Term).max(200),
    disease_labels: z.array(z.string().max(500)).max(200),
    phenotype_ids: z.array(Term).max(1000),
    phenotype_labels: z.array(z.string().max(500)).max(1000),
    variant_key: Text,
    chrom: z.string().max(10).nullable(),
    position_grch38: z
      .number()
      .int()
      .positive()
      .max(2 ** 31 - 1)
      .nullable(),
    ref: Text,
    alt: Text,
    gene: z.string().max(100).nullable(),
    consequence: z.string().max(200).nullable(),
    hgvs_c: Text,
    hgvs_p: Text,
    clinical_significance: z.string().max(200).nullable(),
    allele_frequency: z.number().min(0).max(1).nullable(),
    zygosity: z.string().max(40).nullable(),
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

export const ExportIdSchema = z.strictObject({
  exportId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});

/** 'cohorts:parquetRows': the next chunk of rows. */
export const ParquetRowsRequestSchema = ExportIdSchema.extend({
  rows: z.array(ExportRowSchema).max(PARQUET_CHUNK_ROWS),
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
  rows: readonly ExportRow[],
  maxRows = PARQUET_CHUNK_ROWS,
  maxChars = PARQUET_CHUNK_CHARS,
): ExportRow[][] {
  const chunks: ExportRow[][] = [];
  let chunk: ExportRow[] = [];
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

import { z } from 'zod';
import { CohortFiltersSchema } from './definition';
import { ExportRowSchema } from './parquetExport';

/**
 * 'cohorts:rows' and 'cohorts:sql' (issue 23): the cohort builder's export rows and the SQL
 * console, run by native DuckDB in main over the same cache views, for the command line.
 */
export const CohortRowsRequestSchema = z.strictObject({ filters: CohortFiltersSchema });

export const ExportDecisionSchema = z.object({
  datasetId: z.string(),
  allowed: z.boolean(),
  reasons: z.array(z.string()),
  conditions: z.array(z.string()),
});

/** The rows an export of this cohort holds, and the DUO decisions that chose them (DATA-07). */
export const CohortRowsSchema = z.object({
  rows: z.array(ExportRowSchema),
  individuals: z.number().int().nonnegative(),
  included: z.array(z.string()),
  decisions: z.array(ExportDecisionSchema),
  /** Cached datasets the native engine could not open, and why (they are in no result). */
  skipped: z.array(z.object({ datasetId: z.string(), message: z.string() })),
});
export type CohortRows = z.infer<typeof CohortRowsSchema>;

export const CohortSqlRequestSchema = z.strictObject({
  // The builder's SQL with HPO descendants written out can be long.
  sql: z.string().min(1).max(1_000_000),
  limit: z.number().int().min(1).max(1_000_000),
});

/** A read-only query's columns and at most `limit` rows (JSON values), and whether more existed. */
export const CohortSqlResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.json())),
  truncated: z.boolean(),
  skipped: z.array(z.object({ datasetId: z.string(), message: z.string() })),
});
export type CohortSqlResult = z.infer<typeof CohortSqlResultSchema>;

/** A script's statements (split by splitConsoleScript), run in order on one native cache. */
export const CohortSqlBatchRequestSchema = z.strictObject({
  statements: z.array(z.string().min(1).max(1_000_000)).min(1).max(1000),
  limit: z.number().int().min(1).max(1_000_000),
});

export const CohortSqlBatchResultSchema = z.object({
  results: z.array(CohortSqlResultSchema.omit({ skipped: true })),
  skipped: z.array(z.object({ datasetId: z.string(), message: z.string() })),
});
export type CohortSqlBatchResult = z.infer<typeof CohortSqlBatchResultSchema>;

import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { plainRow } from './plain';

/**
 * How one statement runs on a duckdb-wasm connection (issue 20, decision 0067): the app's every
 * query (query.ts) and the cohort benchmark's page (bench/cohort/wasmPage.ts) call this module, so
 * the benchmark times exactly what the app does, worker round trips and row conversion included.
 *
 * - `stream` (the console, the Browser's and the case's lookups): prepare → send → one fetch per
 *   batch until `limit` rows → close; cancellable with the connection's cancelSent().
 * - `whole` (statements bounded by their SQL: every cohort statement has a LIMIT or aggregates):
 *   prepare → query → close, and the close is posted without waiting for its answer (the worker
 *   handles messages in order, so the next statement's prepare follows it). Three round trips
 *   instead of five or more, each of which waits for the worker's and the page's threads to be
 *   scheduled: what the small statements' misses under load were (decision 0053).
 */
export type RunMode = 'stream' | 'whole';

/** Rows a statement returns at most unless its caller says otherwise. */
export const DEFAULT_ROW_LIMIT = 100_000;

export interface StatementRows {
  columns: string[];
  rows: Record<string, unknown>[];
  /** More rows existed than the limit allowed. */
  truncated: boolean;
}

export async function runStatement(
  conn: AsyncDuckDBConnection,
  sql: string,
  params: readonly (string | number)[],
  limit: number,
  mode: RunMode,
): Promise<StatementRows> {
  const stmt = await conn.prepare(sql);
  if (mode === 'whole') {
    try {
      const table = await stmt.query(...params);
      const rows: Record<string, unknown>[] = [];
      for (const row of table as Iterable<{ toJSON(): Record<string, unknown> }>) {
        if (rows.length >= limit) break;
        rows.push(plainRow(row));
      }
      return {
        columns: table.schema.fields.map((f) => f.name),
        rows,
        truncated: table.numRows > limit,
      };
    } finally {
      // Not awaited: the worker runs it before the next message; a failure leaves nothing to undo.
      stmt.close().catch(() => undefined);
    }
  }
  try {
    const reader = await stmt.send(...params);
    const rows: Record<string, unknown>[] = [];
    let columns: string[] = [];
    let truncated = false;
    for await (const batch of reader) {
      columns = batch.schema.fields.map((f) => f.name);
      for (const row of batch) {
        if (rows.length >= limit) {
          truncated = true;
          break;
        }
        rows.push(plainRow(row));
      }
      if (truncated) {
        await conn.cancelSent();
        break;
      }
    }
    return { columns, rows, truncated };
  } finally {
    await stmt.close();
  }
}

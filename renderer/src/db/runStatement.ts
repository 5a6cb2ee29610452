import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { plainRow } from './plain';

/**
 * How one statement runs on a duckdb-wasm connection (issue 20, decision 0067): the app's every
 * query (query.ts) and the cohort benchmark's page (bench/cohort/wasmPage.ts) call this one
 * function, so the benchmark times exactly what the app does: prepare → send → one fetch per
 * batch until `limit` rows (cancellable with the connection's cancelSent()) → close, and every row
 * converted to plain values.
 */

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
): Promise<StatementRows> {
  const stmt = await conn.prepare(sql);
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

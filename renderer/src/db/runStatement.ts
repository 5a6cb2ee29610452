import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { plainRow } from './plain';

/**
 * How one statement runs on a duckdb-wasm connection (issue 20, decisions 0067 and 0094): the
 * app's every query (query.ts) and the cohort benchmark's page (bench/cohort/wasmPage.ts) call
 * this one function, so the benchmark times exactly what the app does, rows converted to plain
 * values in both.
 *
 * Two deliveries:
 * - `stream` (the default): prepare → send → one fetch per batch until `limit` rows (cancellable
 *   with the connection's cancelSent()) plus a last, empty fetch → close: five worker messages or
 *   more. For statements whose answer can be large (the SQL console, exports, case review).
 * - `whole`: prepare → run → close, the whole answer as one Arrow IPC buffer: three worker
 *   messages. For statements whose answer is small by construction, an aggregate or a LIMIT (the
 *   Cohorts page's, shared/cohorts/pageStatements.ts); decision 0094 measured the two fetches and
 *   the stream reader as about 1 ms of every small statement in duckdb-wasm. Nothing is sent that
 *   cancelSent() could stop: the worker answers once the statement has run.
 */

/** Rows a statement returns at most unless its caller says otherwise. */
export const DEFAULT_ROW_LIMIT = 100_000;

/** How a statement's answer comes back from the worker (see above). */
export type Delivery = 'stream' | 'whole';

export interface StatementRows {
  columns: string[];
  rows: Record<string, unknown>[];
  /** More rows existed than the limit allowed. */
  truncated: boolean;
}

interface ArrowRow {
  toJSON(): Record<string, unknown>;
}

export async function runStatement(
  conn: AsyncDuckDBConnection,
  sql: string,
  params: readonly (string | number)[],
  limit: number,
  delivery: Delivery = 'stream',
): Promise<StatementRows> {
  const stmt = await conn.prepare(sql);
  try {
    if (delivery === 'whole') {
      const table = await stmt.query(...params);
      const all = table.toArray() as ArrowRow[];
      return {
        columns: table.schema.fields.map((f) => f.name),
        rows: all.slice(0, limit).map(plainRow),
        truncated: all.length > limit,
      };
    }
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

import { engine } from './engine';
import { plainRow } from './plain';

/** A query's answer as plain values: safe for the store and for React. */
export interface QueryResult {
  columns: string[];
  rows: Record<string, unknown>[];
  /** More rows existed than the limit allowed. */
  truncated: boolean;
  ms: number;
}

/**
 * One connection streams one result at a time: interleaved sends on it returned empty results, so
 * statements queue here (a later one starts when the earlier settles, whatever its outcome).
 */
let tail: Promise<unknown> = Promise.resolve();

/** Runs one parameterised statement, streaming batches until `limit` rows; cancellable via cancel(). */
export function query(
  sql: string,
  params: readonly (string | number)[] = [],
  limit = 100_000,
): Promise<QueryResult> {
  const run = tail.then(
    () => runNow(sql, params, limit),
    () => runNow(sql, params, limit),
  );
  tail = run.catch(() => undefined);
  return run;
}

async function runNow(
  sql: string,
  params: readonly (string | number)[] = [],
  limit = 100_000,
): Promise<QueryResult> {
  const { conn } = await engine();
  const t0 = performance.now();
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
    return { columns, rows, truncated, ms: performance.now() - t0 };
  } finally {
    await stmt.close();
  }
}

/** The rows of one parameterised statement: the query runner the Browser's tracks are given. */
export async function queryRows(
  sql: string,
  params: readonly (string | number)[],
): Promise<Record<string, unknown>[]> {
  return (await query(sql, params)).rows;
}

/** Cancels the running query, if any; its query() rejects or returns what it had. */
export async function cancel(): Promise<boolean> {
  const { conn } = await engine();
  return conn.cancelSent();
}

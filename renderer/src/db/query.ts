import { engine } from './engine';
import type { Delivery } from './runStatement';
import { DEFAULT_ROW_LIMIT, runStatement } from './runStatement';

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

/**
 * Runs one parameterised statement (runStatement.ts: streamed until `limit` rows, cancellable via
 * cancel(); or, `whole`, its small answer in one message), after the ones queued before it.
 */
export function query(
  sql: string,
  params: readonly (string | number)[] = [],
  limit = DEFAULT_ROW_LIMIT,
  delivery: Delivery = 'stream',
): Promise<QueryResult> {
  const run = tail.then(
    () => runNow(sql, params, limit, delivery),
    () => runNow(sql, params, limit, delivery),
  );
  tail = run.catch(() => undefined);
  return run;
}

async function runNow(
  sql: string,
  params: readonly (string | number)[],
  limit: number,
  delivery: Delivery,
): Promise<QueryResult> {
  const { conn } = await engine();
  const t0 = performance.now();
  const got = await runStatement(conn, sql, params, limit, delivery);
  return { ...got, ms: performance.now() - t0 };
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

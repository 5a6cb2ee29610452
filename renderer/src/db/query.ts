import type { Engine } from './engine';
import { engine } from './engine';
import { serialQueue } from '../../../shared/serialQueue';
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
 * One connection runs one thing at a time. A statement sent while a streamed answer is still open
 * ends that answer early with no rows and no error (duckdb-wasm 1.32: runStatement's send, then
 * any other statement, then its fetches see nothing; connection.test.ts), so every use of the
 * connection queues here: queries, and dataset and case (un)loads (datasets.ts, cases.ts), whose
 * ATTACH and view statements once ran beside the genome browser's sample read and left its
 * genotype track saying "0 samples". A later use starts when the earlier settles, whatever its
 * outcome.
 */
const queued = serialQueue();

/**
 * Runs `work` with the connection to itself, after every use queued before it. `work` must not
 * call query() or onConnection() itself: it would wait for its own end.
 */
export function onConnection<T>(work: (e: Engine) => Promise<T>): Promise<T> {
  return queued(() => engine().then(work));
}

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
  return onConnection(({ conn }) => runNow(conn, sql, params, limit, delivery));
}

async function runNow(
  conn: Engine['conn'],
  sql: string,
  params: readonly (string | number)[],
  limit: number,
  delivery: Delivery,
): Promise<QueryResult> {
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

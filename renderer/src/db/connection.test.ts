import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../../shared/cohorts/schema';
import type { Engine } from './engine';
import type { InProcessEngine } from './testing/inProcessEngine';
import { openInProcessEngine } from './testing/inProcessEngine';

// The window's one connection (query.ts): duckdb-wasm's own async API over its worker dispatcher
// run in this thread (testing/inProcessEngine.ts) stands in for the Web Worker jsdom lacks; the
// database, the connection and the order of the messages are duckdb-wasm's.
let e: InProcessEngine;
vi.mock('./engine', () => ({
  engine: (): Promise<Engine> => Promise.resolve(e as unknown as Engine),
  closeEngine: (): Promise<void> => Promise.resolve(),
}));
const { query } = await import('./query');
const { unloadDataset } = await import('./datasets');

const ROWS = 700;

beforeAll(async () => {
  e = await openInProcessEngine();
  for (const s of [
    `CREATE TABLE t AS SELECT i::INTEGER AS id FROM range(${String(ROWS)}) r(i)`,
    SCHEMA_TABLE_SQL,
    ...pendingMigrations(0),
    ...viewStatements([]),
  ])
    await e.conn.query(s);
}, 60_000);

afterAll(async () => {
  await e.close();
});

describe('one connection, one use at a time (genome-browser-cohort flake: "0 samples")', () => {
  it('duckdb-wasm: a statement run between a streamed send and its fetches leaves the stream empty, with no error', async () => {
    const stmt = await e.conn.prepare('SELECT id FROM t ORDER BY id');
    const reader = await stmt.send();
    await e.conn.query('CREATE OR REPLACE VIEW v_any AS SELECT 1 AS x');
    let rows = 0;
    for await (const batch of reader) rows += batch.numRows;
    await stmt.close();
    expect(rows).toBe(0);
  });

  it('a dataset unload asked for while a streamed query is open waits for it: the query answers every row', async () => {
    e.sent.length = 0;
    const sendPosted = e.posted('SEND_PREPARED');
    const answer = query('SELECT id FROM t ORDER BY id', []);
    // The bad ordering, forced: the unload's view statements are asked for after the query's
    // send was posted and before its answer came back (the genome browser's sample read while
    // the second dataset of the cache loaded).
    await sendPosted;
    const unload = unloadDataset('SE-CA-01');
    const [got] = await Promise.all([answer, unload]);
    expect(got.rows).toHaveLength(ROWS);
    // The query's fetches came before the unload's first statement.
    const fetched = e.sent.lastIndexOf('FETCH_QUERY_RESULTS');
    const ran = e.sent.indexOf('RUN_QUERY');
    expect(fetched).toBeGreaterThan(-1);
    expect(ran).toBeGreaterThan(fetched);
  });
});

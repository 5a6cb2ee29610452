/**
 * The page side of bench/cohort-queries.ts: duckdb-wasm 1.32 'eh' bundle in a worker, the same
 * schema and chunked Arrow inserts as renderer/src/db, and a timed query runner. Bundled by esbuild.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableFromIPC } from 'apache-arrow';
import {
  CACHE_TABLES,
  datasetTableName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../shared/cohorts/schema';

const CHUNK_ROWS = 500_000;
let conn: duckdb.AsyncDuckDBConnection | undefined;

async function init(): Promise<void> {
  const worker = new Worker('/duckdb/duckdb-browser-eh.worker.js');
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate('/duckdb/duckdb-eh.wasm');
  await db.open({ path: ':memory:', query: { castBigIntToDouble: true } });
  conn = await db.connect();
  for (const s of [
    'SET autoinstall_known_extensions = false',
    'SET autoload_known_extensions = false',
    SCHEMA_TABLE_SQL,
    ...pendingMigrations(0),
  ])
    await conn.query(s);
}

async function load(datasetId: string): Promise<number> {
  const c = conn!;
  const t0 = performance.now();
  for (const table of CACHE_TABLES) {
    const bytes = await (await fetch(`/data/${datasetId}/${table}.arrow`)).arrayBuffer();
    const arrow = tableFromIPC(new Uint8Array(bytes));
    const name = datasetTableName(datasetId, table);
    for (let start = 0; start < arrow.numRows; start += CHUNK_ROWS)
      await c.insertArrowTable(arrow.slice(start, start + CHUNK_ROWS), {
        name,
        create: start === 0,
      });
  }
  for (const s of viewStatements([datasetId])) await c.query(s);
  return performance.now() - t0;
}

/** Runs a statement `reps` times; returns the times (ms) and the row count of the last run. */
async function time(
  sql: string,
  params: (string | number)[],
  reps: number,
): Promise<{ ms: number[]; rows: number }> {
  const c = conn!;
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const stmt = await c.prepare(sql);
    const table = await stmt.query(...params);
    rows = table.toArray().length;
    await stmt.close();
    ms.push(performance.now() - t0);
  }
  return { ms, rows };
}

(globalThis as unknown as { bench: unknown }).bench = { init, load, time };

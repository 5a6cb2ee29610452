/**
 * The page side of bench/cohort-queries.ts and bench/vault-duckdb.ts: duckdb-wasm 1.32 'eh' bundle
 * in a worker, configured as renderer/src/db/engine.ts; two ways to load a dataset: `load` (the
 * 0006 Arrow path: chunked insertArrowTable) and `attach` (0010: registerFileBuffer + ATTACH
 * READ_ONLY); a timed query runner; and DuckDB's own memory figure. Bundled by esbuild.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { tableFromIPC } from 'apache-arrow';
import {
  CACHE_TABLES,
  datasetDatabaseName,
  datasetTableName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../shared/cohorts/schema';

const CHUNK_ROWS = 500_000;
let db: duckdb.AsyncDuckDB | undefined;
let conn: duckdb.AsyncDuckDBConnection | undefined;

async function init(): Promise<void> {
  const worker = new Worker('/duckdb/duckdb-browser-eh.worker.js');
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate('/duckdb/duckdb-eh.wasm');
  await db.open({ path: ':memory:', query: { castBigIntToDouble: true } });
  conn = await db.connect();
  for (const s of [
    'SET autoinstall_known_extensions = false',
    'SET autoload_known_extensions = false',
    "SET allowed_directories = ['/vault/']",
    'SET enable_external_access = false',
    SCHEMA_TABLE_SQL,
    ...pendingMigrations(0),
  ])
    await conn.query(s);
}

/** 0006: fetch three Arrow IPC streams, insert in 500k-row chunks, build the views. */
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

/** 0010: fetch the DuckDB file, register it, attach it read-only, build the views. */
async function attach(datasetId: string): Promise<number> {
  const c = conn!;
  const t0 = performance.now();
  const bytes = await (await fetch(`/data/${datasetId}/data.duckdb`)).arrayBuffer();
  const file = `/vault/${datasetDatabaseName(datasetId)}.duckdb`;
  await db!.registerFileBuffer(file, new Uint8Array(bytes));
  await c.query(`ATTACH '${file}' AS ${datasetDatabaseName(datasetId)} (READ_ONLY)`);
  for (const s of viewStatements([datasetId], [datasetId])) await c.query(s);
  return performance.now() - t0;
}

/** DuckDB's buffer-managed memory (bytes) and the page thread's JS heap (bytes, Chromium only). */
async function memory(): Promise<{ duckdbBytes: number; pageHeapBytes: number }> {
  const t = await conn!.query(
    'SELECT coalesce(sum(memory_usage_bytes), 0)::DOUBLE AS b FROM duckdb_memory()',
  );
  const row = t.toArray()[0] as { toJSON(): { b: number } };
  const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return { duckdbBytes: row.toJSON().b, pageHeapBytes: heap?.usedJSHeapSize ?? NaN };
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

(globalThis as unknown as { bench: unknown }).bench = { init, load, attach, memory, time };

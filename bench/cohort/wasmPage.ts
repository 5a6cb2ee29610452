/**
 * The page side of bench/cohort-queries.ts and bench/vault-duckdb.ts: duckdb-wasm 1.32 'eh' bundle
 * in a worker, configured as renderer/src/db/engine.ts; two ways to load a dataset as db/ does:
 * `attach` (a file holding the query layout, decision 0027: registerFileBuffer + ATTACH READ_ONLY)
 * and `upgrade` (a layout-1 file of 0010: attached as the source of an in-memory layout built by
 * the same statements); timed query runners; and DuckDB's own memory figure. Bundled by esbuild.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import type { Delivery } from '../../renderer/src/db/runStatement';
import { DEFAULT_ROW_LIMIT, runStatement } from '../../renderer/src/db/runStatement';
import { layoutStatements } from '../../shared/cohorts/layout';
import type { CacheTable } from '../../shared/cohorts/schema';
import {
  CACHE_TABLES,
  datasetDatabaseName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../../shared/cohorts/schema';

let db: duckdb.AsyncDuckDB | undefined;
let conn: duckdb.AsyncDuckDBConnection | undefined;

/** What init started: the bundle, DuckDB's threads setting, and whether the page is isolated. */
export interface Started {
  bundle: 'eh' | 'coi';
  threads: number;
  crossOriginIsolated: boolean;
}

/**
 * Starts the bundle asked for (issue 20): 'eh' (one thread) or 'coi' (pthreads over shared wasm
 * memory; needs a cross-origin isolated page, see pageHost.ts) with threads = min(cores, 4), set
 * at open (maximumThreads): `SET threads` on a running coi instance hangs its worker (0102).
 */
async function init(bundle: 'eh' | 'coi' = 'eh'): Promise<Started> {
  const worker = new Worker(`/duckdb/duckdb-browser-${bundle}.worker.js`);
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(
    `/duckdb/duckdb-${bundle}.wasm`,
    bundle === 'coi' ? '/duckdb/duckdb-browser-coi.pthread.worker.js' : null,
  );
  await db.open({
    path: ':memory:',
    query: { castBigIntToDouble: true },
    ...(bundle === 'coi' ? { maximumThreads: Math.min(navigator.hardwareConcurrency, 4) } : {}),
  });
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
  const t = await conn.query("SELECT current_setting('threads')::INTEGER AS n");
  const threads = Number((t.toArray()[0] as { toJSON(): { n: unknown } }).toJSON().n);
  return { bundle, threads, crossOriginIsolated: globalThis.crossOriginIsolated };
}

/** Fetches the dataset's file and registers it under /vault/ (as db/ does). */
async function register(datasetId: string): Promise<string> {
  const bytes = await (await fetch(`/data/${datasetId}/data.duckdb`)).arrayBuffer();
  const file = `/vault/${datasetDatabaseName(datasetId)}.duckdb`;
  await db!.registerFileBuffer(file, new Uint8Array(bytes));
  return file;
}

/** 0027: fetch the file, register it, attach it read-only, build the views. */
async function attach(datasetId: string): Promise<number> {
  const c = conn!;
  const t0 = performance.now();
  const file = await register(datasetId);
  await c.query(`ATTACH '${file}' AS ${datasetDatabaseName(datasetId)} (READ_ONLY)`);
  for (const s of viewStatements([datasetId])) await c.query(s);
  return performance.now() - t0;
}

/** A layout-1 file (0010): attached as a source, its layout built in memory, then detached. */
async function upgrade(datasetId: string): Promise<number> {
  const c = conn!;
  const t0 = performance.now();
  const file = await register(datasetId);
  const schema = datasetDatabaseName(datasetId);
  await c.query(`ATTACH '${file}' AS ${schema}_src (READ_ONLY)`);
  await c.query(`CREATE SCHEMA ${schema}`);
  const src = Object.fromEntries(CACHE_TABLES.map((t) => [t, `${schema}_src.main.${t}`]));
  for (const s of layoutStatements(src as Record<CacheTable, string>, schema)) await c.query(s);
  await c.query(`DETACH ${schema}_src`);
  await db!.dropFile(file);
  for (const s of viewStatements([datasetId])) await c.query(s);
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

/**
 * One cohort statement exactly as the app runs it (issue 20, decisions 0067 and 0094): the
 * renderer's own runner (renderer/src/db/runStatement.ts) with the delivery the app uses for that
 * statement (whole for the Cohorts page's, streamed for exports), rows converted to plain values.
 */
const run = (sql: string, params: (string | number)[], delivery: Delivery) =>
  runStatement(conn!, sql, params, DEFAULT_ROW_LIMIT, delivery);

/** Runs a statement `reps` times; returns the times (ms) and the row count of the last run. */
async function time(
  sql: string,
  params: (string | number)[],
  reps: number,
  delivery: Delivery,
): Promise<{ ms: number[]; rows: number }> {
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    rows = (await run(sql, params, delivery)).rows.length;
    ms.push(performance.now() - t0);
  }
  return { ms, rows };
}

/** One statement's rows as plain objects (EXPLAIN ANALYZE output, for bench/cohort-explain.ts). */
async function rows(sql: string, params: (string | number)[]): Promise<Record<string, unknown>[]> {
  return (await run(sql, params, 'stream')).rows;
}

/** Runs every statement once per rep, in order (the Cohorts page's, pageStatements.ts); ms per rep. */
async function timeAll(
  statements: { sql: string; params: (string | number)[] }[],
  reps: number,
  delivery: Delivery,
): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    for (const s of statements) await run(s.sql, s.params, delivery);
    ms.push(performance.now() - t0);
  }
  return ms;
}

(globalThis as unknown as { bench: unknown }).bench = {
  init,
  attach,
  upgrade,
  memory,
  time,
  timeAll,
  rows,
};

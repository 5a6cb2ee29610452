import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import {
  CACHE_SQL,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  SCHEMA_VERSION,
  viewStatements,
} from '../../../shared/cohorts/schema';
import { SaidError } from '../i18n/said';

/** The one database of this window: worker, instance, connection. Never put in the store. */
export interface Engine {
  readonly db: duckdb.AsyncDuckDB;
  readonly conn: duckdb.AsyncDuckDBConnection;
  readonly worker: Worker;
}

let pending: Promise<Engine> | undefined;

/**
 * Starts the single-threaded 'eh' bundle from local files (Vite ?url: same origin, no CDN) and
 * turns off everything that could fetch: extension autoload/autoinstall and external access
 * (DESIGN: offline duckdb-wasm has no Parquet; a fetch attempt would leave the app's origin).
 * Registered buffers are files of the worker's in-memory file system, not fetches.
 */
async function start(): Promise<Engine> {
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasm);
  await db.open({
    path: ':memory:',
    query: { castBigIntToDouble: true },
    allowUnsignedExtensions: false,
    filesystem: { allowFullHTTPReads: false },
  });
  const conn = await db.connect();
  for (const s of [
    'SET autoinstall_known_extensions = false',
    'SET autoload_known_extensions = false',
    // Registered dataset files live under /vault/ (datasets.ts): the one folder ATTACH may read
    // once external access is off (0010). Fixed before the lock; it cannot be changed after.
    "SET allowed_directories = ['/vault/']",
    'SET enable_external_access = false',
    SCHEMA_TABLE_SQL,
  ])
    await conn.query(s);
  const current = await conn.query(CACHE_SQL.currentVersion);
  const first = current.toArray()[0] as { toJSON(): { v?: unknown } } | undefined;
  const version = Number(first?.toJSON().v ?? 0);
  if (version > SCHEMA_VERSION)
    throw new SaidError(
      { key: 'cacheNewer', params: { version: String(version) } },
      `cache schema ${String(version)} is newer than this app`,
    );
  for (const s of pendingMigrations(version)) await conn.query(s);
  // The views exist from the start, over the empty base tables: a query on an empty cache answers
  // no rows instead of "Table with name individuals does not exist" (issue 13).
  for (const s of viewStatements([])) await conn.query(s);
  return { db, conn, worker };
}

/** The engine, created once: concurrent callers (StrictMode double effects) share one start. */
export function engine(): Promise<Engine> {
  pending ??= start().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

/** True once init has been asked for (for status display; no handle leaves this module). */
export const engineStarted = (): boolean => pending !== undefined;

/**
 * Ends the database: every attached dataset, registered file and result goes with the worker
 * (issue 13: the local service stopped, so decrypted data must leave the page). A later engine()
 * would start an empty one.
 */
export async function closeEngine(): Promise<void> {
  const started = pending;
  pending = undefined;
  const e = await started?.catch(() => undefined);
  if (e === undefined) return;
  try {
    await e.db.terminate();
  } finally {
    e.worker.terminate();
  }
}

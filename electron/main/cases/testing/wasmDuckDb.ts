/**
 * duckdb-wasm (the renderer's engine, the same 1.32 build) run in Node through its blocking
 * bindings, configured as renderer/src/db/engine.ts configures it: tests run the case SQL here to
 * prove it gives the page what native DuckDB gives main and the command line (issue 16).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface Row {
  toJSON(): Record<string, unknown>;
}
interface Bindings {
  instantiate(): Promise<unknown>;
  open(config: unknown): void;
  connect(): { query(sql: string): { toArray(): Row[] }; close(): void };
  registerFileBuffer(name: string, bytes: Uint8Array): void;
  reset(): void;
}

const require = createRequire(import.meta.url);
const dist = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'node_modules',
  '@duckdb',
  'duckdb-wasm',
  'dist',
);

export interface WasmDuckDb {
  /** Runs SQL; rows as plain objects (lists as arrays). */
  query(sql: string): Record<string, unknown>[];
  registerFile(name: string, bytes: Uint8Array): void;
  close(): void;
}

export async function openWasmDuckDb(): Promise<WasmDuckDb> {
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as {
    createDuckDB(bundles: unknown, logger: unknown, runtime: unknown): Promise<Bindings>;
    VoidLogger: new () => unknown;
    NODE_RUNTIME: unknown;
  };
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  const plain = (v: unknown): unknown =>
    v !== null && typeof v === 'object' && 'toArray' in v
      ? [...(v as { toArray(): unknown[] }).toArray()].map(plain)
      : v;
  const query = (sql: string): Record<string, unknown>[] =>
    conn
      .query(sql)
      .toArray()
      .map((r) => Object.fromEntries(Object.entries(r.toJSON()).map(([k, v]) => [k, plain(v)])));
  for (const s of [
    'SET autoinstall_known_extensions = false',
    'SET autoload_known_extensions = false',
    "SET allowed_directories = ['/vault/']",
    'SET enable_external_access = false',
  ])
    query(s);
  return {
    query,
    registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
    close() {
      conn.close();
      db.reset();
    },
  };
}

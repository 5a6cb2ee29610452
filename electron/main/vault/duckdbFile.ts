import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import {
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  LIST,
  listValue,
  VARCHAR,
} from '@duckdb/node-api';
import type { CacheTable } from '../../../shared/cohorts/schema';
import { CACHE_COLUMNS, CACHE_TABLES, SCHEMA_VERSION } from '../../../shared/cohorts/schema';

/**
 * Builds one dataset's DuckDB database file with native DuckDB (docs/decisions/0010): tables
 * `individuals`, `variants`, `genotypes` (CACHE_COLUMNS, provenance on every row) and `cd_meta`
 * (the cache schema version the file implements). The renderer's duckdb-wasm attaches it
 * read-only from a registered buffer, so it keeps DuckDB's compressed storage and needs no insert.
 */

/** DuckDB 1.4.4 writes here, duckdb-wasm 1.32 (DuckDB 1.4.3) reads: pin the on-disk format. */
export const DUCKDB_STORAGE_VERSION = 'v1.0.0';

/** One dataset's rows, column by column (names as CACHE_COLUMNS, without the provenance pair). */
export type DatasetColumns = Record<CacheTable, Record<string, readonly unknown[]>>;

/** Rows per appended chunk: DuckDB's vector size. */
const CHUNK = 2048;

const duckType = (sql: string): DuckDBType =>
  sql === 'VARCHAR[]'
    ? LIST(VARCHAR)
    : sql === 'INTEGER'
      ? INTEGER
      : sql === 'DOUBLE'
        ? DOUBLE
        : VARCHAR;

const toValue = (sql: string, v: unknown): DuckDBValue => {
  if (v === null || v === undefined) return null;
  if (sql === 'VARCHAR[]') return listValue(v as string[]);
  return v as DuckDBValue;
};

/** The scratch folder of a staging folder: the only place plaintext ever touches the disk. */
export const scratchDir = (stagingDir: string): string => join(stagingDir, 'scratch');

/** Removes every pull's scratch folder under a user's vault (`.staging/<job>/scratch`). */
export function sweepScratch(userDir: string): void {
  const root = join(userDir, '.staging');
  if (!existsSync(root)) return;
  for (const job of readdirSync(root))
    rmSync(scratchDir(join(root, job)), { recursive: true, force: true });
}

/**
 * Writes the database into a 0600 file in `scratch` (0700, inside the user's staging folder),
 * reads it back and deletes it before returning: DuckDB cannot write a database file to memory,
 * so the plaintext exists on disk for the duration of this call only (0010, "exposure window").
 */
export async function buildDuckDbFile(
  scratch: string,
  data: DatasetColumns,
  ids: { datasetId: string; nodeId: string },
): Promise<Buffer> {
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const file = join(scratch, `${randomBytes(8).toString('hex')}.duckdb`);
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  try {
    const conn = await instance.connect();
    await conn.run(`ATTACH '${file}' AS out (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`);
    // DuckDB creates the file by the umask; the folder is 0700 already, the file becomes 0600
    // before any row is written.
    chmodSync(file, 0o600);
    await conn.run('USE out');
    await conn.run('CREATE TABLE cd_meta (schema_version INTEGER, dataset_id VARCHAR)');
    const meta = await conn.prepare('INSERT INTO cd_meta VALUES ($1, $2)');
    meta.bindInteger(1, SCHEMA_VERSION);
    meta.bindVarchar(2, ids.datasetId);
    await meta.run();
    for (const table of CACHE_TABLES) await appendTable(conn, table, data[table], ids);
    await conn.run('USE memory');
    await conn.run('DETACH out'); // checkpoints: every row is in the file, no WAL left behind
    conn.closeSync();
    return readFileSync(file);
  } finally {
    instance.closeSync();
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
}

async function appendTable(
  conn: Awaited<ReturnType<DuckDBInstance['connect']>>,
  table: CacheTable,
  cols: Record<string, readonly unknown[]>,
  ids: { datasetId: string; nodeId: string },
): Promise<void> {
  const spec = CACHE_COLUMNS[table];
  await conn.run(`CREATE TABLE ${table} (${spec.map(([c, t]) => `${c} ${t}`).join(', ')})`);
  const appender = await conn.createAppender(table, 'main', 'out');
  const types = spec.map(([, t]) => duckType(t));
  const n = cols[spec[2]?.[0] ?? '']?.length ?? 0;
  const dataset = Array<string>(CHUNK).fill(ids.datasetId);
  const node = Array<string>(CHUNK).fill(ids.nodeId);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    const chunk = DuckDBDataChunk.create(types, end - start);
    chunk.setColumns(
      spec.map(([c, t]) => {
        if (c === 'dataset_id') return dataset.slice(0, end - start);
        if (c === 'node_id') return node.slice(0, end - start);
        const values = cols[c];
        if (values === undefined) throw new Error(`${table}.${c} is missing`);
        return values.slice(start, end).map((v) => toValue(t, v));
      }),
    );
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

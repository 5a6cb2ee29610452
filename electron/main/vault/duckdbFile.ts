import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR } from '@duckdb/node-api';
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
  sql === 'INTEGER' ? INTEGER : sql === 'DOUBLE' ? DOUBLE : VARCHAR;

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
    await conn.run('CREATE TABLE out.main.cd_meta (schema_version INTEGER, dataset_id VARCHAR)');
    const meta = await conn.prepare('INSERT INTO out.main.cd_meta VALUES ($1, $2)');
    meta.bindInteger(1, SCHEMA_VERSION);
    meta.bindVarchar(2, ids.datasetId);
    await meta.run();
    for (const table of CACHE_TABLES) await appendTable(conn, table, data[table], ids);
    await conn.run('DETACH out'); // checkpoints: every row is in the file, no WAL left behind
    conn.closeSync();
    return readFileSync(file);
  } finally {
    instance.closeSync();
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
}

/**
 * Lists travel as one VARCHAR joined by U+001F and are split in SQL: appending LIST values in data
 * chunks crashed native DuckDB (segfault) once a chunk's list entries exceeded the vector size.
 * Items are CURIEs, never empty and never containing U+001F; [] travels as '' and null as NULL.
 */
const SEP = '\u001f';
const listText = (v: unknown): string | null =>
  v === null || v === undefined ? null : (v as readonly string[]).join(SEP);
const fromStage = (c: string, t: string): string =>
  t === 'VARCHAR[]'
    ? `CASE WHEN ${c} IS NULL THEN NULL WHEN ${c} = '' THEN []::VARCHAR[] ELSE string_split(${c}, chr(31)) END`
    : c;

async function appendTable(
  conn: Awaited<ReturnType<DuckDBInstance['connect']>>,
  table: CacheTable,
  cols: Record<string, readonly unknown[]>,
  ids: { datasetId: string; nodeId: string },
): Promise<void> {
  const spec = CACHE_COLUMNS[table];
  const hasList = spec.some(([, t]) => t === 'VARCHAR[]');
  // Tables with lists are appended to a stage in the in-memory catalog (never on disk) first.
  const target = hasList ? `memory.main.cd_stage_${table}` : `out.main.${table}`;
  const stageType = (t: string): string => (t === 'VARCHAR[]' ? 'VARCHAR' : t);
  await conn.run(
    `CREATE TABLE out.main.${table} (${spec.map(([c, t]) => `${c} ${t}`).join(', ')})`,
  );
  if (hasList)
    await conn.run(
      `CREATE TABLE ${target} (${spec.map(([c, t]) => `${c} ${stageType(t)}`).join(', ')})`,
    );
  const appender = await conn.createAppender(
    hasList ? `cd_stage_${table}` : table,
    'main',
    hasList ? 'memory' : 'out',
  );
  const types = spec.map(([, t]) => duckType(stageType(t)));
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
        const part = values.slice(start, end);
        return t === 'VARCHAR[]' ? part.map(listText) : (part as DuckDBValue[]);
      }),
    );
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
  if (!hasList) return;
  const select = spec.map(([c, t]) => `${fromStage(c, t)} AS ${c}`).join(', ');
  await conn.run(`INSERT INTO out.main.${table} SELECT ${select} FROM ${target}`);
  await conn.run(`DROP TABLE ${target}`);
}

import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR } from '@duckdb/node-api';
import { layoutStatements } from '../../../shared/cohorts/layout';
import type { CacheTable } from '../../../shared/cohorts/schema';
import { CACHE_COLUMNS, CACHE_TABLES, SCHEMA_VERSION } from '../../../shared/cohorts/schema';

/**
 * Builds one dataset's DuckDB database file with native DuckDB (docs/decisions/0010): the query
 * layout of shared/cohorts/layout.ts (0027: sorted, integer-keyed tables, carrier lists and
 * summaries, views `individuals`, `variants`, `genotypes` with the public columns) and `cd_meta`
 * (the layout version the file implements). The renderer's duckdb-wasm attaches it read-only from
 * a registered buffer, so it keeps DuckDB's compressed storage and needs no insert.
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

/** Where main rewrites an old cache into the query layout (cacheUpgrade.ts), per user. */
export const UPGRADE_DIR = '.upgrade';

/**
 * Removes every pull's scratch folder under a user's vault (`.staging/<job>/scratch`) and any
 * cache rewrite a crash interrupted (`.upgrade/`: the old folder is untouched until its swap).
 */
export function sweepScratch(userDir: string): void {
  rmSync(join(userDir, UPGRADE_DIR), { recursive: true, force: true });
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
  return writeLayoutFile(scratch, ids, async (conn) => {
    // Rows are staged in the in-memory catalog (never on disk); only the layout reaches the file.
    const src = {} as Record<CacheTable, string>;
    for (const table of CACHE_TABLES) src[table] = await stageTable(conn, table, data[table], ids);
    return src;
  });
}

/**
 * Rewrites a layout-1 file (0010: the three public tables) into the query layout, natively (issue
 * 20: duckdb-wasm rebuilt it at every load, 80 s at 5M genotypes). The old bytes are written to a
 * second 0600 file in the same scratch folder and deleted with it: the same exposure window.
 */
export async function relayoutDuckDbFile(
  scratch: string,
  legacy: Uint8Array,
  ids: { datasetId: string; nodeId: string },
): Promise<Buffer> {
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const old = join(scratch, `${randomBytes(8).toString('hex')}.old.duckdb`);
  try {
    writeFileSync(old, legacy, { mode: 0o600, flag: 'wx' });
    return await writeLayoutFile(scratch, ids, async (conn) => {
      await conn.run(`ATTACH '${old}' AS legacy (READ_ONLY)`);
      return Object.fromEntries(CACHE_TABLES.map((t) => [t, `legacy.main.${t}`])) as Record<
        CacheTable,
        string
      >;
    });
  } finally {
    rmSync(old, { force: true });
    rmSync(`${old}.wal`, { force: true });
  }
}

/** The file of a build: cd_meta, then the layout from the relations `source` names. */
async function writeLayoutFile(
  scratch: string,
  ids: { datasetId: string; nodeId: string },
  source: (conn: Conn) => Promise<Record<CacheTable, string>>,
): Promise<Buffer> {
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const file = join(scratch, `${randomBytes(8).toString('hex')}.duckdb`);
  // No extension is ever downloaded: the app contacts only the hosts it lists (issue 21).
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '1',
    autoinstall_known_extensions: 'false',
  });
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
    const src = await source(conn);
    for (const s of layoutStatements(src, 'out.main')) await conn.run(s);
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

/** A SQL string literal. */
const literal = (v: string): string => `'${v.replaceAll("'", "''")}'`;

/**
 * Dictionary-encodes a text column: distinct values (in first-seen order) and one INTEGER code per
 * row (NULL for null). Appending a VARCHAR costs a native call per value in @duckdb/node-api, an
 * INTEGER a typed-array write: genotypes repeat a few thousand ids over millions of rows (issue 20).
 */
function dictionaryOf(values: readonly unknown[]): { dict: string[]; codes: (number | null)[] } {
  const index = new Map<string, number>();
  const dict: string[] = [];
  const codes = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      codes[i] = null;
      continue;
    }
    const text = v as string;
    let code = index.get(text);
    if (code === undefined) {
      code = dict.length;
      index.set(text, code);
      dict.push(text);
    }
    codes[i] = code;
  }
  return { dict, codes };
}

type Conn = Awaited<ReturnType<DuckDBInstance['connect']>>;

/** Appends columns to a new in-memory table `memory.main.<name>`, one 2,048-row chunk at a time. */
async function appendTable(
  conn: Conn,
  name: string,
  columns: readonly { name: string; type: string; values: readonly unknown[] }[],
  rows: number,
): Promise<void> {
  await conn.run(
    `CREATE TABLE memory.main.${name} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`,
  );
  const appender = await conn.createAppender(name, 'main', 'memory');
  const types = columns.map((c) => duckType(c.type));
  for (let start = 0; start < rows; start += CHUNK) {
    const end = Math.min(rows, start + CHUNK);
    const chunk = DuckDBDataChunk.create(types, end - start);
    chunk.setColumns(columns.map((c) => c.values.slice(start, end) as DuckDBValue[]));
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

/**
 * Appends one table's rows to in-memory stage tables; returns the typed source relation for the
 * layout. dataset_id and node_id are constants of the relation, not appended per row. Genotype
 * columns (the bulk) travel dictionary-encoded and are decoded by a join in SQL.
 */
async function stageTable(
  conn: Conn,
  table: CacheTable,
  cols: Record<string, readonly unknown[]>,
  ids: { datasetId: string; nodeId: string },
): Promise<string> {
  const spec = CACHE_COLUMNS[table].filter(([c]) => c !== 'dataset_id' && c !== 'node_id');
  const n = cols[spec[0]?.[0] ?? '']?.length ?? 0;
  // A table without rows may come without columns (a genotypes-only file in the benchmarks).
  const values = (c: string): readonly unknown[] => {
    const v = cols[c] ?? (n === 0 ? [] : undefined);
    if (v === undefined) throw new Error(`${table}.${c} is missing`);
    return v;
  };
  const stage = `cd_stage_${table}`;
  const out = [`${literal(ids.datasetId)} AS dataset_id`, `${literal(ids.nodeId)} AS node_id`];
  if (table === 'genotypes') {
    const joins: string[] = [];
    const codes = [];
    for (const [i, [c]] of spec.entries()) {
      const d = `d${String(i)}`;
      const { dict, codes: col } = dictionaryOf(values(c));
      const keys = Array.from(dict, (_, k) => k);
      await appendTable(
        conn,
        `${stage}_${d}`,
        [
          { name: 'k', type: 'INTEGER', values: keys },
          { name: 's', type: 'VARCHAR', values: dict },
        ],
        dict.length,
      );
      codes.push({ name: c, type: 'INTEGER', values: col });
      out.push(`${d}.s AS ${c}`);
      joins.push(` LEFT JOIN memory.main.${stage}_${d} ${d} ON ${d}.k = g.${c}`);
    }
    await appendTable(conn, stage, codes, n);
    return `(SELECT ${out.join(', ')} FROM memory.main.${stage} g${joins.join('')})`;
  }
  const stageType = (t: string): string => (t === 'VARCHAR[]' ? 'VARCHAR' : t);
  await appendTable(
    conn,
    stage,
    spec.map(([c, t]) => ({
      name: c,
      type: stageType(t),
      values: t === 'VARCHAR[]' ? values(c).map(listText) : values(c),
    })),
    n,
  );
  for (const [c, t] of spec) out.push(`${fromStage(c, t)} AS ${c}`);
  return `(SELECT ${out.join(', ')} FROM memory.main.${stage})`;
}

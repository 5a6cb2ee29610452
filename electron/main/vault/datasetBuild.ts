import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, VARCHAR } from '@duckdb/node-api';
import type { CodedGenotypes, LayoutSource } from '../../../shared/cohorts/layout';
import { layoutStatements } from '../../../shared/cohorts/layout';
import type { CacheTable } from '../../../shared/cohorts/schema';
import { CACHE_COLUMNS, CACHE_TABLES, SCHEMA_VERSION } from '../../../shared/cohorts/schema';
import type { LocalCodes } from './buildDictionary';
import { Dictionary } from './buildDictionary';
import { DUCKDB_STORAGE_VERSION } from './duckdbStorageVersion';

/**
 * One dataset's DuckDB database file built while its rows arrive (issue 20, decision 0060): rows
 * are appended to stage tables in DuckDB's in-memory catalog (never on disk) as each page is
 * checked, so the end of a pull only lays them out (shared/cohorts/layout.ts) and checkpoints the
 * file; before, every staged page was assembled into columns and appended after the last page.
 */

export { DUCKDB_STORAGE_VERSION };

/** One dataset's rows, column by column (names as CACHE_COLUMNS, without the provenance pair). */
export type DatasetColumns = Record<CacheTable, Record<string, readonly unknown[]>>;

/** Rows per appended chunk: DuckDB's vector size. */
const CHUNK = 2048;

const duckType = (sql: string): DuckDBType =>
  sql === 'INTEGER' ? INTEGER : sql === 'DOUBLE' ? DOUBLE : VARCHAR;

export type Conn = Awaited<ReturnType<DuckDBInstance['connect']>>;

/**
 * A build's DuckDB: in memory, no extension ever downloaded (the app contacts only the hosts it
 * lists, issue 21), as many threads as the case import's (0035): the layout runs after the last
 * page, when the pull's other threads are done (it ran on one thread before issue 20's 0060).
 */
export const buildInstance = (): Promise<DuckDBInstance> =>
  DuckDBInstance.create(':memory:', {
    threads: String(Math.max(2, availableParallelism())),
    autoinstall_known_extensions: 'false',
  });

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

/** A new in-memory table `memory.main.<name>` and its appender. */
async function stageTable(
  conn: Conn,
  name: string,
  columns: readonly { name: string; type: string }[],
): Promise<{ appender: DuckDBAppender; types: DuckDBType[] }> {
  await conn.run(
    `CREATE TABLE memory.main.${name} (${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`,
  );
  return {
    appender: await conn.createAppender(name, 'main', 'memory'),
    types: columns.map((c) => duckType(c.type)),
  };
}

function appendRows(
  to: { appender: DuckDBAppender; types: DuckDBType[] },
  values: readonly (readonly unknown[])[],
  rows: number,
): void {
  for (let start = 0; start < rows; start += CHUNK) {
    const end = Math.min(rows, start + CHUNK);
    const chunk = DuckDBDataChunk.create(to.types, end - start);
    chunk.setColumns(values.map((v) => v.slice(start, end) as DuckDBValue[]));
    to.appender.appendDataChunk(chunk);
  }
}

/** A dataset's file under construction: rows appended as they arrive, laid out at the end. */
export interface DatasetBuild {
  /** Appends rows of one table, column by column (names as CACHE_COLUMNS, no provenance pair). */
  append(table: CacheTable, columns: Record<string, readonly unknown[]>): void;
  /**
   * Appends genotype rows given as codes of their own values (issue 20, decision 0067): the same
   * rows as `append` of the decoded columns, each distinct value looked up once.
   */
  appendGenotypeCodes(
    columns: Record<'individual_id' | 'variant_key' | 'zygosity', LocalCodes>,
  ): void;
  /** Rows appended so far, per table. */
  readonly rows: Readonly<Record<CacheTable, number>>;
  /**
   * Lays the rows out into a 0600 file in `scratch` (0700), reads it back and deletes it: the
   * plaintext is on disk for the duration of this call only (0010, "exposure window"). Ends the build.
   */
  finish(scratch: string): Promise<Buffer>;
  /** Discards the build and its rows (idempotent; finish closes too). */
  close(): void;
}

const specOf = (t: CacheTable) =>
  CACHE_COLUMNS[t].filter(([c]) => c !== 'dataset_id' && c !== 'node_id');

/** Opens a build. dataset_id and node_id are constants of the layout's source, not appended per row. */
export async function openDatasetBuild(ids: {
  datasetId: string;
  nodeId: string;
}): Promise<DatasetBuild> {
  const instance = await buildInstance();
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    instance.closeSync();
  };
  try {
    const conn = await instance.connect();
    const stageType = (t: string): string => (t === 'VARCHAR[]' ? 'VARCHAR' : t);
    const stages = {} as Record<CacheTable, Awaited<ReturnType<typeof stageTable>>>;
    for (const t of CACHE_TABLES)
      stages[t] = await stageTable(
        conn,
        `cd_stage_${t}`,
        // Genotype columns (the bulk) travel dictionary-encoded and are decoded by a join in SQL.
        specOf(t).map(([c, ty]) => ({
          name: c,
          type: t === 'genotypes' ? 'INTEGER' : stageType(ty),
        })),
      );
    const dictionaries = new Map<string, Dictionary>();
    const dictionary = (column: string): Dictionary => {
      const known = dictionaries.get(column);
      if (known !== undefined) return known;
      const made = new Dictionary();
      dictionaries.set(column, made);
      return made;
    };
    const rows: Record<CacheTable, number> = { individuals: 0, variants: 0, genotypes: 0 };
    return {
      rows,
      append(table, cols) {
        if (closed) throw new Error('The dataset build was closed.');
        const spec = specOf(table);
        const n = cols[spec[0]?.[0] ?? '']?.length ?? 0;
        if (n === 0) return;
        const values = spec.map(([c, t]) => {
          const v = cols[c];
          if (v?.length !== n) throw new Error(`${table}.${c} is missing or of another length`);
          if (table === 'genotypes') return dictionary(c).codes(v);
          return t === 'VARCHAR[]' ? v.map(listText) : v;
        });
        appendRows(stages[table], values, n);
        rows[table] += n;
      },
      appendGenotypeCodes(cols) {
        if (closed) throw new Error('The dataset build was closed.');
        const spec = specOf('genotypes');
        const n = cols.individual_id.codes.length;
        if (n === 0) return;
        const values = spec.map(([c]) => {
          const v = cols[c as keyof typeof cols] as LocalCodes | undefined;
          if (v?.codes.length !== n)
            throw new Error(`genotypes.${c} is missing or of another length`);
          return v;
        });
        appendRows(
          stages.genotypes,
          values.map((v, k) => dictionary(spec[k]?.[0] ?? '').recode(v)),
          n,
        );
        rows.genotypes += n;
      },
      async finish(scratch) {
        try {
          for (const t of CACHE_TABLES) stages[t].appender.closeSync();
          const base = [
            `${literal(ids.datasetId)} AS dataset_id`,
            `${literal(ids.nodeId)} AS node_id`,
          ];
          const stage = (t: 'individuals' | 'variants'): string => {
            const out = [...base, ...specOf(t).map(([c, ty]) => `${fromStage(c, ty)} AS ${c}`)];
            return `(SELECT ${out.join(', ')} FROM memory.main.cd_stage_${t})`;
          };
          // Genotypes stay codes: the layout joins them by integer and decodes only what it keeps.
          const dictionaries = {} as CodedGenotypes['dictionaries'];
          for (const [c] of specOf('genotypes')) {
            const dict = dictionary(c).values;
            const name = `cd_stage_dictionary_${c}`;
            const to = await stageTable(conn, name, [
              { name: 'k', type: 'INTEGER' },
              { name: 's', type: 'VARCHAR' },
            ]);
            appendRows(to, [Array.from(dict, (_, k) => k), dict], dict.length);
            to.appender.closeSync();
            dictionaries[c as keyof CodedGenotypes['dictionaries']] = `memory.main.${name}`;
          }
          const src: LayoutSource = {
            individuals: stage('individuals'),
            variants: stage('variants'),
            genotypes: {
              codes: 'memory.main.cd_stage_genotypes',
              dictionaries,
              constants: { dataset_id: literal(ids.datasetId), node_id: literal(ids.nodeId) },
            },
          };
          return await writeLayout(conn, scratch, ids, src);
        } finally {
          close();
        }
      },
      close,
    };
  } catch (error: unknown) {
    close();
    throw error;
  }
}

/**
 * The file of a build, on `conn`'s instance: cd_meta, then the layout from the relations `src`
 * names. Written in `scratch` (0700), 0600 before any row, read back and deleted.
 */
export async function writeLayout(
  conn: Conn,
  scratch: string,
  ids: { datasetId: string; nodeId: string },
  src: LayoutSource,
): Promise<Buffer> {
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const file = join(scratch, `${randomBytes(8).toString('hex')}.duckdb`);
  try {
    await conn.run(`ATTACH '${file}' AS out (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`);
    // DuckDB creates the file by the umask; the folder is 0700 already, the file becomes 0600
    // before any row is written.
    chmodSync(file, 0o600);
    await conn.run('CREATE TABLE out.main.cd_meta (schema_version INTEGER, dataset_id VARCHAR)');
    const meta = await conn.prepare('INSERT INTO out.main.cd_meta VALUES ($1, $2)');
    meta.bindInteger(1, SCHEMA_VERSION);
    meta.bindVarchar(2, ids.datasetId);
    await meta.run();
    for (const s of layoutStatements(src, 'out.main')) await conn.run(s);
    await conn.run('DETACH out'); // checkpoints: every row is in the file, no WAL left behind
    conn.closeSync();
    return readFileSync(file);
  } finally {
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
}

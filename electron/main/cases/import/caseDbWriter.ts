import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as DuckDBApi from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CaseTable } from '../../../../shared/cases/dbSchema';
import { appendedColumns, caseTableDdl } from '../../../../shared/cases/dbSchema';
import type { SqlStages } from '../../../../shared/cases/sqlStages';
import { flatStages } from '../../../../shared/cases/sqlStages';
import { DUCKDB_STORAGE_VERSION } from '../../vault/duckdbStorageVersion';
import type { RowSink } from './caseRows';
import { TableSpool } from './tableSpool';
import { SIDE_BY_SIDE_MAX_VARIANTS, SQL_MEMORY_LIMIT, writerSettings } from './writerSettings';

/**
 * Writes a case database with native DuckDB (decision 0010's writer settings: the pinned storage
 * version duckdb-wasm reads, a 0600 file in a 0700 scratch folder). Rows are encoded as
 * tab-separated text per table and, every 2 MB, written to a 0600 spool file beside the
 * database and loaded with DuckDB's own CSV reader (decision 0028): the load runs on DuckDB's
 * threads while the worker parses the next records, where appending values one by one through the
 * JavaScript binding cost more than the parse itself. Every load runs in one transaction, committed
 * when the last row is in (decision 0044): DuckDB writes full row groups of a large transaction
 * straight to the file, where each small autocommitted INSERT went through the WAL, so spool files
 * can be small enough to load while the parse goes on. At most eight loads wait, so memory stays
 * flat however large the VCF; the spool files are plaintext like the database and are deleted
 * with it.
 */

/** Loads queued before `wait()` holds the reader back. */
const MAX_QUEUED = 8;

/** The alias the file is attached under while it is written. */
export const OUT = 'out';

/**
 * DuckDB creates the database's `.wal` with the process umask (0644) whenever it writes one anew
 * (a worker thread cannot change the umask); inside the 0700 scratch folder nobody else can reach
 * it, and it is made 0600 as soon as a statement returns, like every other plaintext file of the
 * import (decision 0035).
 */
export function privateWal(file: string): void {
  try {
    chmodSync(`${file}.wal`, 0o600);
  } catch {
    // No WAL at this moment (checkpointed away): nothing to protect.
  }
}

/**
 * DuckDB's CSV reader, told the exact dialect and types (no sniffing). `vidOffset`: the second
 * parse worker numbers its variants from 0; they follow the first worker's (decision 0061).
 */
function loadSql(files: readonly string[], table: CaseTable, vidOffset: number): string {
  const cols = appendedColumns(table);
  const columns = cols.map(([c, t]) => `'${c}': '${t}'`).join(', ');
  const select = vidOffset === 0 ? '*' : `* REPLACE (vid + ${String(vidOffset)} AS vid)`;
  return `INSERT INTO ${OUT}.main.${table} (${cols.map(([c]) => c).join(', ')}) SELECT ${select} FROM read_csv([${files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ')}], delim = '\t', quote = '"', escape = '"', header = false, auto_detect = false, allow_quoted_nulls = false, columns = {${columns}})`;
}

/** An open case database being written. */
export interface CaseDbWriter extends RowSink {
  sample(row: unknown[]): void;
  meta(key: string, value: string): void;
  /**
   * Loads a spool file another parse worker wrote (its vids from 0) after every row pushed here:
   * this writer's own spools are flushed first, and no row of that table may be pushed after.
   */
  adopt(file: string, table: CaseTable, rows: number, vidOffset: number): void;
  /** Resolves once the queued loads are few enough to go on reading (throws a failed load). */
  wait(): Promise<void>;
  /** Runs SQL against the file (attached as `out`) once every row is in: appending ends here. */
  run(sql: string): Promise<void>;
  /**
   * Runs SQL stages like `run`, one stage after the other, each stage's sequences at once on
   * connections of their own (sqlStages.ts); a failed sequence fails the stage once the others
   * have stopped. From `sideBySideMax` alleles on (a genome), every statement runs on its own,
   * one after the other, and the first failure stops the rest (decision 0081).
   */
  runStages(stages: SqlStages): Promise<void>;
  rows(table: CaseTable): number;
  /** Flushes, checkpoints (no WAL left) and closes; the file is complete afterwards. */
  finish(): Promise<void>;
  /** Stops: waits for a load in flight, skips the queued ones, closes (cancel, failure). */
  abort(): Promise<void>;
}

/**
 * Native DuckDB, required when the first writer opens (decision 0073): imported into the worker's
 * ESM bundle, Node lexes every CommonJS file of the package for its export names, about 85 ms of
 * CPU at each worker start against 25 ms for require(); the second parse worker never writes and
 * never loads it.
 */
const duckdb = (): typeof DuckDBApi =>
  createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDBApi;

/** Creates the file at `file` (its folder becomes 0700, the file 0600 before any row is written). */
export async function openCaseDbWriter(
  file: string,
  folder: string,
  /** Alleles from which a stage's sequences run one after the other (tests set 0). */
  sideBySideMax = SIDE_BY_SIDE_MAX_VARIANTS,
): Promise<CaseDbWriter> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Bounded memory (issue 16: peak RSS ≤ 1.5 GB for a genome, the workers' own heaps included).
  const instance = await duckdb().DuckDBInstance.create(':memory:', {
    // No extension is ever downloaded: the app contacts only the hosts it lists (issue 21).
    autoinstall_known_extensions: 'false',
    ...writerSettings(folder),
  });
  let conn: DuckDBConnection | undefined;
  try {
    conn = await instance.connect();
    await conn.run(
      `ATTACH '${file.replaceAll("'", "''")}' AS ${OUT} (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`,
    );
    chmodSync(file, 0o600);
    for (const ddl of caseTableDdl(OUT)) await conn.run(ddl);
    privateWal(file);
    // Committed by the first `run` or `finish`; a cancel or failure closes it uncommitted.
    await conn.run('BEGIN TRANSACTION');
  } catch (error: unknown) {
    conn?.closeSync();
    instance.closeSync();
    throw error;
  }
  const c = conn;
  let queued = 0;
  let failure: Error | undefined;
  const waiting: { file: string; table: CaseTable; vidOffset: number }[] = [];
  let running: Promise<void> = Promise.resolve();
  let active = false;
  // Loads run one statement at a time, in file order within each table (vids ascend), each file
  // deleted after. The files of one table waiting together load in one statement: one INSERT per
  // 2 MB file cost about 40 % more of DuckDB's CPU (decision 0061).
  const runLoads = async (): Promise<void> => {
    for (;;) {
      const head = waiting[0];
      if (head === undefined) {
        active = false;
        return;
      }
      const batch: typeof waiting = [];
      const rest: typeof waiting = [];
      let blocked = false;
      for (const l of waiting) {
        const same = l.table === head.table;
        if (same && !blocked && l.vidOffset === head.vidOffset) batch.push(l);
        else {
          blocked ||= same;
          rest.push(l);
        }
      }
      waiting.splice(0, waiting.length, ...rest);
      try {
        const files = batch.map((l) => l.file);
        if (failure === undefined) await c.run(loadSql(files, head.table, head.vidOffset));
        privateWal(file);
      } catch (error: unknown) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      } finally {
        for (const l of batch) rmSync(l.file, { force: true });
        queued -= batch.length;
      }
    }
  };
  const load = (spool: string, table: CaseTable, vidOffset = 0): void => {
    queued++;
    waiting.push({ file: spool, table, vidOffset });
    if (active) return;
    active = true;
    running = runLoads();
  };
  const settled = async (): Promise<void> => {
    while (active) await running;
    if (failure !== undefined) throw failure;
  };
  const spools = new Map<CaseTable, TableSpool>();
  const spool = (t: CaseTable): TableSpool => {
    const s = new TableSpool(t, folder, (f, table) => load(f, table));
    spools.set(t, s);
    return s;
  };
  const variants = spool('variants');
  const variantGenes = spool('variant_genes');
  const genotypes = spool('genotypes');
  const annotations = spool('annotations');
  const frequencies = spool('frequencies');
  const samples = spool('samples');
  const meta = spool('case_meta');
  const somatic = spool('somatic');
  const adopted = new Map<CaseTable, number>();
  const rows = (t: CaseTable): number => (spools.get(t)?.rows ?? 0) + (adopted.get(t) ?? 0);
  let loading = true;
  const flushAll = async (): Promise<void> => {
    for (const s of spools.values()) s.flush();
    await settled();
    if (loading) {
      loading = false;
      await c.run('COMMIT');
      privateWal(file);
      await c.run(`SET memory_limit = '${SQL_MEMORY_LIMIT}'`);
    }
  };
  // Connections beside `c` for the sequences of a stage (runStages), opened once needed.
  const side: DuckDBConnection[] = [];
  const connection = async (i: number): Promise<DuckDBConnection> => {
    if (i === 0) return c;
    while (side.length < i) side.push(await instance.connect());
    return side[i - 1] as DuckDBConnection;
  };
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const s of side) s.closeSync();
    c.closeSync();
    instance.closeSync();
  };
  return {
    variant: (row) => variants.push(row),
    variantGene: (vid, gene) => variantGenes.push([vid, gene]),
    genotype: (row) => genotypes.push(row),
    annotation: (row) => annotations.push(row),
    frequency: (vid, field, af) => frequencies.push([vid, field, af]),
    sample: (row) => samples.push(row),
    somatic: (row) => somatic.push(row),
    meta: (key, value) => meta.push([key, value]),
    adopt(spoolFile, table, rows, vidOffset) {
      if (!adopted.has(table)) spools.get(table)?.flush();
      adopted.set(table, (adopted.get(table) ?? 0) + rows);
      load(spoolFile, table, vidOffset);
    },
    async wait() {
      if (queued > MAX_QUEUED || failure !== undefined) await settled();
    },
    async run(sql) {
      await flushAll();
      await c.run(sql);
      privateWal(file);
    },
    async runStages(stages) {
      await flushAll();
      if (rows('variants') >= sideBySideMax) {
        for (const sql of flatStages(stages)) {
          await c.run(sql);
          privateWal(file);
        }
        return;
      }
      for (const stage of stages) {
        const conns = await Promise.all(stage.map((_, i) => connection(i)));
        const ran = await Promise.allSettled(
          stage.map(async (sequence, i) => {
            for (const sql of sequence) await (conns[i] as DuckDBConnection).run(sql);
          }),
        );
        privateWal(file);
        const failed = ran.find((r) => r.status === 'rejected');
        if (failed !== undefined) throw failed.reason;
      }
    },
    rows,
    async finish() {
      await flushAll();
      await c.run(`DETACH ${OUT}`);
      close();
    },
    async abort() {
      failure ??= new Error('the import was stopped');
      while (active) await running;
      close();
    },
  };
}

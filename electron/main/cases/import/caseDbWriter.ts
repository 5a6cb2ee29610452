import { chmodSync, mkdirSync } from 'node:fs';
import type { DuckDBAppender, DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  TINYINT,
  VARCHAR,
} from '@duckdb/node-api';
import type { CaseTable } from '../../../../shared/cases/dbSchema';
import { CASE_COLUMNS, caseTableDdl } from '../../../../shared/cases/dbSchema';
import { DUCKDB_STORAGE_VERSION } from '../../vault/duckdbFile';
import type { RowSink } from './caseRows';

/**
 * Writes a case database with native DuckDB (decision 0010's writer settings: the pinned storage
 * version duckdb-wasm reads, a 0600 file in a 0700 scratch folder). Rows are buffered per table
 * and appended as DuckDB data chunks of 2,048 rows (its vector size), so memory stays flat however
 * large the VCF.
 */

const TYPES: Record<string, DuckDBType> = { VARCHAR, INTEGER, BIGINT, DOUBLE, BOOLEAN, TINYINT };
const CHUNK = 2048;
/** The alias the file is attached under while it is written. */
export const OUT = 'out';

class TableBuffer {
  private readonly types: DuckDBType[];
  private cols: DuckDBValue[][];
  private n = 0;
  rows = 0;

  constructor(
    private readonly appender: DuckDBAppender,
    table: CaseTable,
  ) {
    this.types = CASE_COLUMNS[table].map(([, t]) => {
      const type = TYPES[t];
      if (type === undefined) throw new Error(`no appender type for ${t}`);
      return type;
    });
    this.cols = this.types.map(() => []);
  }

  push(row: readonly unknown[]): void {
    for (let i = 0; i < this.cols.length; i++) (this.cols[i] as unknown[]).push(row[i] ?? null);
    if (++this.n === CHUNK) this.flush();
  }

  flush(): void {
    if (this.n === 0) return;
    const chunk = DuckDBDataChunk.create(this.types, this.n);
    chunk.setColumns(this.cols);
    this.appender.appendDataChunk(chunk);
    this.rows += this.n;
    this.n = 0;
    this.cols = this.types.map(() => []);
  }

  close(): void {
    this.flush();
    this.appender.closeSync();
  }
}

/** An open case database being written. */
export interface CaseDbWriter extends RowSink {
  sample(row: unknown[]): void;
  meta(key: string, value: string): void;
  /** Runs SQL against the file (attached as `out`) once every row is in: appending ends here. */
  run(sql: string): Promise<void>;
  rows(table: CaseTable): number;
  /** Flushes, checkpoints (no WAL left) and closes; the file is complete afterwards. */
  finish(): Promise<void>;
  /** Closes without finishing (cancel, failure); the caller deletes the file. */
  abort(): void;
}

/** Creates the file at `file` (its folder becomes 0700, the file 0600 before any row is written). */
export async function openCaseDbWriter(file: string, folder: string): Promise<CaseDbWriter> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // No extension is ever downloaded: the app contacts only the hosts it lists (issue 21).
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '1',
    autoinstall_known_extensions: 'false',
  });
  let conn: DuckDBConnection | undefined;
  try {
    conn = await instance.connect();
    await conn.run(
      `ATTACH '${file.replaceAll("'", "''")}' AS ${OUT} (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`,
    );
    chmodSync(file, 0o600);
    for (const ddl of caseTableDdl(OUT)) await conn.run(ddl);
  } catch (error: unknown) {
    conn?.closeSync();
    instance.closeSync();
    throw error;
  }
  const c = conn;
  const buffers = new Map<CaseTable, TableBuffer>();
  const buf = async (t: CaseTable): Promise<TableBuffer> => {
    const b = new TableBuffer(await c.createAppender(t, 'main', OUT), t);
    buffers.set(t, b);
    return b;
  };
  const variants = await buf('variants');
  const variantGenes = await buf('variant_genes');
  const genotypes = await buf('genotypes');
  const annotations = await buf('annotations');
  const frequencies = await buf('frequencies');
  const samples = await buf('samples');
  const meta = await buf('case_meta');
  const somatic = await buf('somatic');
  const counts = new Map<CaseTable, number>();
  const closeBuffers = (): void => {
    for (const [t, b] of buffers) {
      b.close();
      counts.set(t, b.rows);
    }
    buffers.clear();
  };
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
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
    async run(sql) {
      closeBuffers();
      await c.run(sql);
    },
    rows: (t) => counts.get(t) ?? buffers.get(t)?.rows ?? 0,
    async finish() {
      closeBuffers();
      await c.run(`DETACH ${OUT}`);
      close();
    },
    abort() {
      close();
    },
  };
}

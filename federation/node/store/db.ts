import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { join } from 'node:path';

/** Bounding box of a gene's variants in this node's data: lets gene queries prune by chrom/pos. */
export interface GeneBounds {
  chrom: string;
  lo: number;
  hi: number;
}

/** One node's read-only view of the generator's Parquet (one DuckDB instance per node, a connection per statement). */
export interface NodeStore {
  /** Runs a parameterised statement (values bound, never interpolated) and returns plain JS rows. */
  all<T extends object>(sql: string, values?: DuckDBValue[]): Promise<T[]>;
  geneBounds(symbol: string): GeneBounds[];
  /** Longest REF allele: widens range-query pruning so overlapping deletions are not missed. */
  readonly maxRefLength: number;
  close(): void;
}

function sqlString(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}

/** Opens an in-memory DuckDB over `${dir}/individuals|variants|genotypes.parquet` (views + sorted in-memory tables). */
export async function openStore(dir: string): Promise<NodeStore> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn: DuckDBConnection = await instance.connect();
  // Views over the generator's Parquet are the source; an in-memory copy sorted by (dataset, chrom, pos)
  // gives zone-map pruning without re-decoding Parquet on every request (see the benchmark).
  const ORDER: Record<string, string> = {
    individuals: 'dataset_id, individual_id',
    variants: 'dataset_id, chrom, pos, variant_id',
    genotypes: 'dataset_id, chrom, pos, variant_id, individual_id',
  };
  for (const [name, order] of Object.entries(ORDER)) {
    const file = sqlString(join(dir, `${name}.parquet`));
    await conn.run(`CREATE VIEW ${name}_parquet AS SELECT * FROM read_parquet(${file})`);
    await conn.run(`CREATE TABLE ${name} AS SELECT * FROM ${name}_parquet ORDER BY ${order}`);
  }
  const bounds = await conn.runAndReadAll(
    `SELECT gene, chrom, min(pos)::INTEGER AS lo, max(pos + length(ref))::INTEGER AS hi
     FROM variants GROUP BY gene, chrom`,
  );
  const genes = new Map<string, GeneBounds[]>();
  for (const row of bounds.getRowObjectsJS() as {
    gene: string;
    chrom: string;
    lo: number;
    hi: number;
  }[]) {
    const gene = row.gene;
    const list = genes.get(gene) ?? [];
    list.push({ chrom: row.chrom, lo: row.lo, hi: row.hi });
    genes.set(gene, list);
  }
  const maxRef = await conn.runAndReadAll(
    'SELECT coalesce(max(length(ref)), 1)::INTEGER AS m FROM variants',
  );
  const maxRefLength = Number(maxRef.getRowObjectsJS()[0]?.m ?? 1);
  return {
    // A connection per statement: requests overlap (a client fetching pages ahead, several users),
    // and statements interleaved on one connection failed ("Failed to execute prepared statement").
    async all<T extends object>(sql: string, values: DuckDBValue[] = []): Promise<T[]> {
      const own = await instance.connect();
      try {
        const reader = await own.runAndReadAll(sql, values);
        return reader.getRowObjectsJS() as T[];
      } finally {
        own.closeSync();
      }
    },
    geneBounds: (symbol) => genes.get(symbol) ?? [],
    maxRefLength,
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

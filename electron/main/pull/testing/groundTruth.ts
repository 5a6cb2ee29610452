import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/** The generated data folder of the demo federation's small profile (tests only). */
export const SMALL_DATA = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'federation',
  'data',
  'small',
);

/** Rows of the node's own Parquet for one dataset, as plain objects sorted by `order` (tests only). */
export async function groundTruth(
  nodeId: string,
  datasetId: string,
  table: 'individuals' | 'variants' | 'genotypes',
  dataDir = SMALL_DATA,
): Promise<Record<string, unknown>[]> {
  const file = join(dataDir, nodeId, `${table}.parquet`).replaceAll("'", "''");
  const select = {
    individuals: `individual_id, sex, birth_year_band AS age_band, country, diseases, phenotypes`,
    variants: `variant_id AS variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, ac, an, af`,
    genotypes: `individual_id, variant_id AS variant_key, zygosity`,
  }[table];
  const order = {
    individuals: 'individual_id',
    variants: 'variant_key',
    genotypes: 'variant_key, individual_id',
  }[table];
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const reader = await c.runAndReadAll(
    `SELECT ${select} FROM read_parquet('${file}') WHERE dataset_id = $1 ORDER BY ${order}`,
    [datasetId],
  );
  const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
  c.closeSync();
  db.closeSync();
  return rows;
}

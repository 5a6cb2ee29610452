/**
 * Writes a node's three Parquet files with native DuckDB. Individuals and variants go through the
 * appender; genotypes (the bulk: ~1M rows per node in the large profile) are loaded as integer data
 * chunks (dataset, pool variant, individual, allele count) and joined back to their ids at COPY time,
 * which avoids millions of per-value string conversions. COPY sorts by chrom, pos and writes
 * zstd-compressed Parquet with small row groups, so gene/region filters prune most of a file.
 */
import {
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  LIST,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import type { DatasetData, PoolVariant } from './model';

const ROW_GROUP_SIZE = 16384;
const CHUNK_ROWS = 2048;

const SCHEMA = `
CREATE TABLE individuals (dataset_id VARCHAR, individual_id VARCHAR, sex VARCHAR, birth_year_band VARCHAR,
  country VARCHAR, family_id VARCHAR, family_role VARCHAR, diseases VARCHAR[], phenotypes VARCHAR[],
  ds_idx INTEGER, ind_idx INTEGER);
CREATE TABLE variants (dataset_id VARCHAR, variant_id VARCHAR, chrom VARCHAR, pos INTEGER, ref VARCHAR, alt VARCHAR,
  gene VARCHAR, consequence VARCHAR, consequence_id VARCHAR, hgvs_c VARCHAR, hgvs_p VARCHAR, aa_change VARCHAR,
  clin_sig VARCHAR, ac INTEGER, an INTEGER, af DOUBLE, hom INTEGER);
CREATE TABLE pool (v INTEGER, variant_id VARCHAR, chrom VARCHAR, pos INTEGER);
CREATE TABLE gt_raw (ds INTEGER, v INTEGER, i INTEGER, a INTEGER);`;

const GENOTYPES = `SELECT ind.dataset_id, ind.individual_id, p.variant_id, p.chrom, p.pos,
  CASE g.a WHEN 2 THEN 'hom' ELSE 'het' END AS zygosity
  FROM gt_raw g JOIN pool p ON p.v = g.v JOIN individuals ind ON ind.ds_idx = g.ds AND ind.ind_idx = g.i
  ORDER BY p.chrom, p.pos, p.variant_id, ind.dataset_id, ind.individual_id`;

const nullable = (a: DuckDBAppender, v: string | null): void => {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
};

export class NodeParquetWriter {
  private datasets = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  /** Opens an in-memory DuckDB (spilling to tempDir when needed) with the tables and the pool keys. */
  static async open(tempDir: string, pool: readonly PoolVariant[]): Promise<NodeParquetWriter> {
    const instance = await DuckDBInstance.create(':memory:', { temp_directory: tempDir });
    const conn = await instance.connect();
    await conn.run(SCHEMA);
    const a = await conn.createAppender('pool');
    for (const v of pool) {
      a.appendInteger(v.index);
      a.appendVarchar(v.id);
      a.appendVarchar(v.chrom);
      a.appendInteger(v.pos);
      a.endRow();
    }
    a.closeSync();
    return new NodeParquetWriter(instance, conn);
  }

  /** Appends one dataset's individuals, variants and carrier genotypes. */
  async append(data: DatasetData): Promise<void> {
    const ds = data.datasetId;
    const dsIdx = this.datasets++;
    const ind = await this.conn.createAppender('individuals');
    const listType = LIST(VARCHAR);
    data.individuals.forEach((i, k) => {
      for (const v of [ds, i.id, i.sex, i.band, i.country]) ind.appendVarchar(v);
      nullable(ind, i.familyId);
      nullable(ind, i.role);
      ind.appendList(i.diseases, listType);
      ind.appendList(i.phenotypes, listType);
      ind.appendInteger(dsIdx);
      ind.appendInteger(k);
      ind.endRow();
    });
    ind.closeSync();
    const vars = await this.conn.createAppender('variants');
    for (const dv of data.variants) {
      const v = dv.variant;
      for (const s of [ds, v.id, v.chrom]) vars.appendVarchar(s);
      vars.appendInteger(v.pos);
      for (const s of [v.ref, v.alt, v.gene, v.consequence, v.consequenceId, v.hgvsC])
        vars.appendVarchar(s);
      nullable(vars, v.hgvsP);
      nullable(vars, v.aaChange);
      vars.appendVarchar(v.clinSig);
      vars.appendInteger(dv.ac);
      vars.appendInteger(dv.an);
      vars.appendDouble(dv.ac / dv.an);
      vars.appendInteger(dv.hom);
      vars.endRow();
    }
    vars.closeSync();
    await this.appendGenotypes(dsIdx, data);
  }

  private async appendGenotypes(dsIdx: number, data: DatasetData): Promise<void> {
    const gts = await this.conn.createAppender('gt_raw');
    const cols = [0, 1, 2, 3].map(() => new Array<number>(CHUNK_ROWS).fill(dsIdx));
    const [, vCol = [], iCol = [], aCol = []] = cols;
    let n = 0;
    const flush = (): void => {
      if (n === 0) return;
      const chunk = DuckDBDataChunk.create([INTEGER, INTEGER, INTEGER, INTEGER], n);
      chunk.setColumns(cols.map((c) => (n === CHUNK_ROWS ? c : c.slice(0, n))));
      gts.appendDataChunk(chunk);
      n = 0;
    };
    for (const dv of data.variants) {
      for (let k = 0; k < dv.carriers.length; k++) {
        vCol[n] = dv.variant.index;
        iCol[n] = dv.carriers[k] ?? 0;
        aCol[n] = dv.alleles[k] ?? 1;
        if (++n === CHUNK_ROWS) flush();
      }
    }
    flush();
    gts.closeSync();
  }

  /** Writes individuals/variants/genotypes.parquet into dir and releases the database. */
  async finish(dir: string): Promise<void> {
    const q = (p: string): string => `'${`${dir}/${p}`.replace(/'/g, "''")}'`;
    const opts = `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`;
    const individuals =
      'SELECT * EXCLUDE (ds_idx, ind_idx) FROM individuals ORDER BY dataset_id, individual_id';
    await this.conn.run(`COPY (${individuals}) TO ${q('individuals.parquet')} ${opts}`);
    const variants = 'SELECT * FROM variants ORDER BY chrom, pos, ref, alt, dataset_id';
    await this.conn.run(`COPY (${variants}) TO ${q('variants.parquet')} ${opts}`);
    await this.conn.run(`COPY (${GENOTYPES}) TO ${q('genotypes.parquet')} ${opts}`);
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

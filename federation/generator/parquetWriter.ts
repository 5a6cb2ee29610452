/**
 * Writes a node's three Parquet files with native DuckDB: rows are appended dataset by dataset (in the
 * seeded generation order) through the appender, then COPY sorts them by chrom, pos and writes
 * zstd-compressed Parquet with small row groups, so gene/region filters prune most of the file.
 */
import {
  DuckDBInstance,
  LIST,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import type { DatasetData } from './model';

const ROW_GROUP_SIZE = 16384;

const SCHEMA = `
CREATE TABLE individuals (dataset_id VARCHAR, individual_id VARCHAR, sex VARCHAR, birth_year_band VARCHAR,
  country VARCHAR, family_id VARCHAR, family_role VARCHAR, diseases VARCHAR[], phenotypes VARCHAR[]);
CREATE TABLE variants (dataset_id VARCHAR, variant_id VARCHAR, chrom VARCHAR, pos INTEGER, ref VARCHAR, alt VARCHAR,
  gene VARCHAR, consequence VARCHAR, consequence_id VARCHAR, hgvs_c VARCHAR, hgvs_p VARCHAR, aa_change VARCHAR,
  clin_sig VARCHAR, ac INTEGER, an INTEGER, af DOUBLE, hom INTEGER);
CREATE TABLE genotypes (dataset_id VARCHAR, individual_id VARCHAR, variant_id VARCHAR, chrom VARCHAR, pos INTEGER,
  zygosity VARCHAR);`;

const nullable = (a: DuckDBAppender, v: string | null): void => {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
};

export class NodeParquetWriter {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  /** Opens an in-memory DuckDB (spilling to tempDir when needed) with the three empty tables. */
  static async open(tempDir: string): Promise<NodeParquetWriter> {
    const instance = await DuckDBInstance.create(':memory:', { temp_directory: tempDir });
    const conn = await instance.connect();
    await conn.run(SCHEMA);
    return new NodeParquetWriter(instance, conn);
  }

  /** Appends one dataset's individuals, variants and carrier genotypes. */
  async append(data: DatasetData): Promise<void> {
    const ds = data.datasetId;
    const ind = await this.conn.createAppender('individuals');
    const listType = LIST(VARCHAR);
    for (const i of data.individuals) {
      ind.appendVarchar(ds);
      ind.appendVarchar(i.id);
      ind.appendVarchar(i.sex);
      ind.appendVarchar(i.band);
      ind.appendVarchar(i.country);
      nullable(ind, i.familyId);
      nullable(ind, i.role);
      ind.appendList(i.diseases, listType);
      ind.appendList(i.phenotypes, listType);
      ind.endRow();
    }
    ind.closeSync();
    const vars = await this.conn.createAppender('variants');
    const gts = await this.conn.createAppender('genotypes');
    for (const dv of data.variants) {
      const v = dv.variant;
      vars.appendVarchar(ds);
      vars.appendVarchar(v.id);
      vars.appendVarchar(v.chrom);
      vars.appendInteger(v.pos);
      vars.appendVarchar(v.ref);
      vars.appendVarchar(v.alt);
      vars.appendVarchar(v.gene);
      vars.appendVarchar(v.consequence);
      vars.appendVarchar(v.consequenceId);
      vars.appendVarchar(v.hgvsC);
      nullable(vars, v.hgvsP);
      nullable(vars, v.aaChange);
      vars.appendVarchar(v.clinSig);
      vars.appendInteger(dv.ac);
      vars.appendInteger(dv.an);
      vars.appendDouble(dv.ac / dv.an);
      vars.appendInteger(dv.hom);
      vars.endRow();
      for (let k = 0; k < dv.carriers.length; k++) {
        gts.appendVarchar(ds);
        gts.appendVarchar(data.individuals[dv.carriers[k] as number]?.id ?? '');
        gts.appendVarchar(v.id);
        gts.appendVarchar(v.chrom);
        gts.appendInteger(v.pos);
        gts.appendVarchar(dv.alleles[k] === 2 ? 'hom' : 'het');
        gts.endRow();
      }
    }
    vars.closeSync();
    gts.closeSync();
  }

  /** Writes individuals/variants/genotypes.parquet into dir and releases the database. */
  async finish(dir: string): Promise<void> {
    const q = (p: string): string => `'${`${dir}/${p}`.replace(/'/g, "''")}'`;
    const opts = `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`;
    await this.conn.run(
      `COPY (SELECT * FROM individuals ORDER BY dataset_id, individual_id) TO ${q('individuals.parquet')} ${opts}`,
    );
    await this.conn.run(
      `COPY (SELECT * FROM variants ORDER BY chrom, pos, ref, alt, dataset_id) TO ${q('variants.parquet')} ${opts}`,
    );
    await this.conn.run(
      `COPY (SELECT * FROM genotypes ORDER BY chrom, pos, variant_id, dataset_id, individual_id) TO ${q('genotypes.parquet')} ${opts}`,
    );
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

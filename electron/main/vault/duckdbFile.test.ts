import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { sampleDataset } from '../../../shared/cohorts/testing/sampleCache';
import { SCHEMA_VERSION } from '../../../shared/cohorts/schema';
import { databaseRows } from '../pull/testing/vaultRows';
import { buildDuckDbFile, sweepScratch } from './duckdbFile';

describe('the DuckDB file a pull writes (decision 0010)', () => {
  it('round-trips every column, lists beyond one vector of entries included, and leaves no plaintext file behind (DATA-03)', async () => {
    // 3,000 individuals with up to four phenotypes: list entries exceed DuckDB's 2,048 per chunk.
    const d = sampleDataset({
      datasetId: 'T-01',
      nodeId: 'FI',
      countries: ['FI', 'SE'],
      individuals: 3000,
      variants: 50,
      genotypesPerIndividual: 2,
      seed: 3,
    });
    const scratch = join(mkdtempSync(join(tmpdir(), 'duckdb-file-')), 'scratch');
    const bytes = await buildDuckDbFile(scratch, d, d);
    expect(readdirSync(scratch)).toEqual([]);
    const individuals = await databaseRows(bytes, 'individuals');
    expect(individuals).toHaveLength(3000);
    individuals.forEach((row, i) => {
      expect(row).toEqual({
        dataset_id: 'T-01',
        node_id: 'FI',
        individual_id: d.individuals.individual_id[i],
        sex: d.individuals.sex[i],
        age_band: d.individuals.age_band[i],
        country: d.individuals.country[i],
        diseases: d.individuals.diseases[i],
        phenotypes: d.individuals.phenotypes[i],
      });
    });
    // Variants are stored in gene order (decision 0027): find row 7 by its key.
    const variants = await databaseRows(bytes, 'variants');
    expect(variants.find((v) => v.variant_key === d.variants.variant_key[7])).toMatchObject({
      pos: d.variants.pos[7],
      af: d.variants.af[7],
    });
    expect(await databaseRows(bytes, 'genotypes')).toHaveLength(d.genotypes.individual_id.length);
  });

  it('records the cache schema version; sweepScratch removes a crashed pull’s scratch folder', async () => {
    const d = sampleDataset({
      datasetId: 'T-02',
      nodeId: 'SE',
      countries: ['SE'],
      individuals: 5,
      variants: 5,
      genotypesPerIndividual: 1,
      seed: 4,
    });
    const userDir = mkdtempSync(join(tmpdir(), 'duckdb-sweep-'));
    const scratch = join(userDir, '.staging', 'job-1', 'scratch');
    await buildDuckDbFile(scratch, d, d);
    const leftover = join(scratch, 'left.duckdb');
    writeFileSync(leftover, 'plaintext');
    sweepScratch(userDir);
    expect(existsSync(scratch)).toBe(false);
    expect(existsSync(join(userDir, '.staging', 'job-1'))).toBe(true);
    // cd_meta carries the schema version the renderer checks before attaching views.
    const file = join(userDir, 'check.duckdb');
    writeFileSync(file, await buildDuckDbFile(join(userDir, 's2'), d, d));
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`ATTACH '${file}' AS x (READ_ONLY)`);
    const meta = (await conn.runAndReadAll('SELECT * FROM x.cd_meta')).getRowObjectsJS();
    expect(meta).toEqual([{ schema_version: SCHEMA_VERSION, dataset_id: 'T-02' }]);
    conn.closeSync();
  });

  it('issue 20: genotypes travel dictionary-encoded and come back as given (repeats, nulls, quotes, unlinked rows)', async () => {
    const ids = { datasetId: "T-'03", nodeId: "S'E" };
    const genotypes = {
      individual_id: ['A', 'B', 'A', 'C', 'A'],
      variant_key: ['1-1-A-G', '1-1-A-G', "1-2-C-T'", '1-1-A-G', '9-9-G-A'],
      zygosity: ['het', 'hom', null, 'het', 'het'],
    };
    const bytes = await buildDuckDbFile(
      join(mkdtempSync(join(tmpdir(), 'duckdb-dict-')), 'scratch'),
      {
        individuals: {
          individual_id: ['A', 'B'],
          sex: ['female', 'male'],
          age_band: [null, '1950-1959'],
          country: ['SE', 'SE'],
          diseases: [[], null],
          phenotypes: [['HP:0000118'], []],
        },
        variants: {
          variant_key: ['1-1-A-G', "1-2-C-T'"],
          chrom: ['1', '1'],
          pos: [1, 2],
          ref: ['A', 'C'],
          alt: ['G', 'T'],
          gene: ['G1', 'G2'],
          consequence: ['missense_variant', 'stop_gained'],
          hgvs_c: [null, null],
          hgvs_p: [null, null],
          clin_sig: [null, null],
          ac: [3, 1],
          an: [10, 10],
          af: [0.3, 0.1],
        },
        genotypes,
      },
      ids,
    );
    const key = (r: Record<string, unknown>): string => JSON.stringify(r);
    const got = (await databaseRows(bytes, 'genotypes')).map(key).sort();
    const want = genotypes.individual_id
      .map((individual_id, i) => ({
        dataset_id: ids.datasetId,
        node_id: ids.nodeId,
        individual_id,
        variant_key: genotypes.variant_key[i],
        zygosity: genotypes.zygosity[i],
      }))
      .map(key)
      .sort();
    expect(got).toEqual(want);
  });
});

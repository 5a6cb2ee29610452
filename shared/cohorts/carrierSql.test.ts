import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { cacheFrequencySql, localCarriersSql } from './carrierSql';

describe('issue 18: the local cache’s carriers of candidate alleles', () => {
  it('issue 18: lists each carrier with dataset, zygosity, sex and phenotypes; reference calls and other alleles left out', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE individuals AS SELECT * FROM (VALUES
      ('FI-RD-01', 'FI', 'i1', 'female', ['HP:0003002']),
      ('FI-RD-01', 'FI', 'i2', 'male', CAST([] AS VARCHAR[])),
      ('SE-CA-01', 'SE', 'i1', 'female', ['HP:0100615', 'HP:0003002'])
    ) t(dataset_id, node_id, individual_id, sex, phenotypes)`);
    await conn.run(`CREATE TABLE genotypes AS SELECT * FROM (VALUES
      ('FI-RD-01', 'FI', 'i1', '17-43057062-T-TG', 'het'),
      ('FI-RD-01', 'FI', 'i2', '17-43057062-T-TG', 'ref'),
      ('SE-CA-01', 'SE', 'i1', '17-43057062-T-TG', 'hom'),
      ('SE-CA-01', 'SE', 'i1', '2-166002500-C-T', 'het')
    ) t(dataset_id, node_id, individual_id, variant_key, zygosity)`);
    const q = localCarriersSql(['17-43057062-T-TG', "x' OR 1=1 --"]);
    expect(q.sql).not.toContain('OR 1=1');
    const rows = (await conn.runAndReadAll(q.sql, q.params)).getRowObjectsJS();
    expect(rows).toEqual([
      {
        variant_key: '17-43057062-T-TG',
        dataset_id: 'FI-RD-01',
        node_id: 'FI',
        individual_id: 'i1',
        zygosity: 'het',
        sex: 'female',
        phenotypes: ['HP:0003002'],
      },
      {
        variant_key: '17-43057062-T-TG',
        dataset_id: 'SE-CA-01',
        node_id: 'SE',
        individual_id: 'i1',
        zygosity: 'hom',
        sex: 'female',
        phenotypes: ['HP:0100615', 'HP:0003002'],
      },
    ]);
    conn.closeSync();
  });

  it('issue 18 (decision 0051): counts each dataset’s carriers of an allele apart, over its individuals in the cache, for the sheet to judge per dataset', async () => {
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`CREATE TABLE individuals AS SELECT * FROM (VALUES
      ('FI-RD-01', 'i1'), ('FI-RD-01', 'i2'), ('FI-RD-01', 'i3'),
      ('SE-CA-01', 'i1'), ('SE-CA-01', 'i2')
    ) t(dataset_id, individual_id)`);
    await conn.run(`CREATE TABLE genotypes AS SELECT * FROM (VALUES
      ('FI-RD-01', 'i1', '17-43057062-T-TG', 'het'),
      ('FI-RD-01', 'i2', '17-43057062-T-TG', 'ref'),
      ('SE-CA-01', 'i1', '17-43057062-T-TG', 'hom'),
      ('SE-CA-01', 'i2', '17-43057062-T-TG', 'het'),
      ('SE-CA-01', 'i2', '2-166002500-C-T', 'het')
    ) t(dataset_id, individual_id, variant_key, zygosity)`);
    const q = cacheFrequencySql(['17-43057062-T-TG', "x' OR 1=1 --"]);
    expect(q.sql).not.toContain('OR 1=1');
    const rows = (await conn.runAndReadAll(q.sql, q.params)).getRowObjectsJS();
    // FI-RD-01: 1 carrier (i2 is a reference call) of 3; SE-CA-01: 2 of 2.
    expect(rows).toEqual([
      { variant_key: '17-43057062-T-TG', dataset_id: 'FI-RD-01', carriers: 1, individuals: 3 },
      { variant_key: '17-43057062-T-TG', dataset_id: 'SE-CA-01', carriers: 2, individuals: 2 },
    ]);
    conn.closeSync();
  });
});

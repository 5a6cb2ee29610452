// @vitest-environment node
// The reader's SQL runs on a real DuckDB (native, same dialect as db/'s duckdb-wasm) over fixture rows
// in the shape of db/'s `variants` view (shared/vault/vault.ts, issue 6 interface).
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortVariant, QueryFn } from './cohortReader';
import { createCohortReader } from './cohortReader';

const ROWS = [
  // dataset, node, key, pos, ref, alt, gene, consequence, clin_sig
  ['FI-1', 'FI', '17-43045712-G-A', 43045712, 'G', 'A', 'BRCA1', 'missense_variant', 'pathogenic'],
  ['IT-1', 'IT', '17-43045712-G-A', 43045712, 'G', 'A', 'BRCA1', 'missense_variant', 'pathogenic'],
  ['FI-1', 'FI', '17-43045700-AT-A', 43045700, 'AT', 'A', 'BRCA1', 'frameshift_variant', null],
  [
    'ES-1',
    'ES',
    '17-43045690-C-CAG',
    43045690,
    'C',
    'CAG',
    'BRCA1',
    'frameshift_variant',
    'likely_pathogenic',
  ],
  ['ES-1', 'ES', '17-43045800-T-C', 43045800, 'T', 'C', 'BRCA1', 'synonymous_variant', 'benign'],
  ['SE-1', 'SE', '13-32316470-A-G', 32316470, 'A', 'G', 'BRCA2', 'missense_variant', null],
] as const;

let instance: DuckDBInstance;
let query: QueryFn;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE variants (dataset_id VARCHAR, node_id VARCHAR, variant_key VARCHAR, chrom VARCHAR,
    pos INTEGER, ref VARCHAR, alt VARCHAR, gene VARCHAR, consequence VARCHAR, hgvs_c VARCHAR, hgvs_p VARCHAR,
    clin_sig VARCHAR, ac INTEGER, an INTEGER, af DOUBLE)`);
  for (const [ds, node, key, pos, ref, alt, gene, csq, sig] of ROWS) {
    await conn.run(
      'INSERT INTO variants VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, 1, 100, 0.01)',
      [ds, node, key, key.split('-')[0] ?? '', pos, ref, alt, gene, csq, sig],
    );
  }
  query = async (sql, params) => (await conn.runAndReadAll(sql, params as never)).getRowObjectsJS();
});

afterAll(() => {
  instance.closeSync();
});

const keys = (features: readonly { name?: string }[]): (string | undefined)[] =>
  features.map((f) => f.name);

describe('cohort reader over the local cache (issue 8)', () => {
  it('returns exactly the variants overlapping the region, one feature per variant key', async () => {
    const reader = createCohortReader(query);
    const features = (await reader.readFeatures('chr17', 43045000, 43046000)) as CohortVariant[];
    expect(keys(features)).toEqual([
      '17-43045690-C-CAG',
      '17-43045700-AT-A',
      '17-43045712-G-A',
      '17-43045800-T-C',
    ]);
    const snv = features.find((f) => f.name === '17-43045712-G-A');
    expect(snv?.datasets.map((d) => d.nodeId)).toEqual(['FI', 'IT']);
    expect(snv).toMatchObject({
      start: 43045711,
      end: 43045712,
      gene: 'BRCA1',
      clinSig: 'pathogenic',
    });
  });

  it('honours igv half-open edges: a 1 bp window holds only its base', async () => {
    const reader = createCohortReader(query);
    expect(keys(await reader.readFeatures('chr17', 43045711, 43045712))).toEqual([
      '17-43045712-G-A',
    ]);
    expect(keys(await reader.readFeatures('chr17', 43045712, 43045799))).toEqual([]);
    expect(keys(await reader.readFeatures('chr17', 43045799, 43045800))).toEqual([
      '17-43045800-T-C',
    ]);
  });

  it('includes a deletion when only its last reference base is in view, not one base later', async () => {
    const reader = createCohortReader(query);
    expect(keys(await reader.readFeatures('chr17', 43045700, 43045705))).toEqual([
      '17-43045700-AT-A',
    ]);
    expect(keys(await reader.readFeatures('chr17', 43045701, 43045705))).toEqual([]);
    // An insertion anchors on its one reference base.
    expect(keys(await reader.readFeatures('chr17', 43045689, 43045690))).toEqual([
      '17-43045690-C-CAG',
    ]);
    expect(keys(await reader.readFeatures('chr17', 43045690, 43045691))).toEqual([]);
  });

  it('never mixes chromosomes and skips the whole-genome view', async () => {
    const reader = createCohortReader(query);
    expect(keys(await reader.readFeatures('chr13', 32_000_000, 33_000_000))).toEqual([
      '13-32316470-A-G',
    ]);
    expect(await reader.readFeatures('all', 0, 1)).toEqual([]);
  });

  it('turns wide views and too many records into density bins that count distinct variants', async () => {
    const wide = createCohortReader(query, { maxListSpan: 1000, maxRows: 100, bins: 2 });
    const bins = await wide.readFeatures('chr17', 43045000, 43047000);
    expect(bins.every((b) => b.kind === 'density')).toBe(true);
    expect(bins.reduce((n, b) => n + (b.kind === 'density' ? b.count : 0), 0)).toBe(4);
    const capped = createCohortReader(query, { maxListSpan: 1e9, maxRows: 3, bins: 10 });
    const capBins = await capped.readFeatures('chr17', 43045000, 43046000);
    expect(capBins.every((b) => b.kind === 'density')).toBe(true);
  });
});

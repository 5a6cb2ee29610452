// @vitest-environment node
// The genotype reader's SQL runs on a real DuckDB (native, db/'s duckdb-wasm dialect) over tables in
// the shape of db/'s views (shared/cohorts/schema.ts CACHE_COLUMNS).
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFilters } from '../../../shared/cohorts/definition';
import { CACHE_COLUMNS, CACHE_TABLES } from '../../../shared/cohorts/schema';
import type { QueryFn } from './cohortReader';
import { createGenotypeReader, sampleName } from './genotypeReader';

const VARIANTS = [
  // dataset, key, pos, ref, alt, ac, an
  ['FI-1', '17-43045712-G-A', 43045712, 'G', 'A', 3, 8],
  ['SE-1', '17-43045712-G-A', 43045712, 'G', 'A', 1, 4],
  ['FI-1', '17-43045700-AT-A', 43045700, 'AT', 'A', 1, 8],
  ['SE-1', '13-32316470-A-G', 32316470, 'A', 'G', 1, 4],
] as const;
const INDIVIDUALS = [
  ['FI-1', 'fi-1', 'female', ['HP:0003002']],
  ['FI-1', 'fi-2', 'male', []],
  ['FI-1', 'fi-3', 'female', []],
  ['FI-1', 'fi-4', 'female', []],
  ['SE-1', 'se-1', 'female', ['HP:0003002']],
  ['SE-1', 'se-2', 'male', []],
] as const;
const GENOTYPES = [
  // dataset, individual, key, zygosity
  ['FI-1', 'fi-2', '17-43045712-G-A', 'hom'],
  ['FI-1', 'fi-3', '17-43045712-G-A', 'het'],
  ['SE-1', 'se-2', '17-43045712-G-A', 'het'],
  ['FI-1', 'fi-1', '17-43045700-AT-A', 'het'],
  ['SE-1', 'se-1', '13-32316470-A-G', 'het'],
] as const;

let instance: DuckDBInstance;
let query: QueryFn;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  for (const t of CACHE_TABLES)
    await conn.run(
      `CREATE TABLE ${t} (${CACHE_COLUMNS[t].map(([c, ty]) => `${c} ${ty}`).join(', ')})`,
    );
  for (const [ds, key, pos, ref, alt, ac, an] of VARIANTS)
    await conn.run(
      `INSERT INTO variants (dataset_id, node_id, variant_key, chrom, pos, ref, alt, gene, consequence, ac, an, af)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'BRCA1', 'missense_variant', ?, ?, 0)`,
      [ds, ds.slice(0, 2), key, key.split('-')[0] ?? '', pos, ref, alt, ac, an],
    );
  for (const [ds, id, sex, phenos] of INDIVIDUALS)
    await conn.run(
      `INSERT INTO individuals (dataset_id, node_id, individual_id, sex, country, diseases, phenotypes)
       VALUES (?, ?, ?, ?, 'FI', []::VARCHAR[], ${phenos.length === 0 ? '[]::VARCHAR[]' : `['${phenos.join("','")}']`})`,
      [ds, ds.slice(0, 2), id, sex],
    );
  for (const [ds, id, key, z] of GENOTYPES)
    await conn.run('INSERT INTO genotypes VALUES (?, ?, ?, ?, ?)', [
      ds,
      ds.slice(0, 2),
      id,
      key,
      z,
    ]);
  query = async (sql, params) => (await conn.runAndReadAll(sql, params as never)).getRowObjectsJS();
});

afterAll(() => {
  instance.closeSync();
});

/** Genotype strings per variant in sample order: 0/0, 0/1, 1/1. */
const gts = (calls: readonly { genotype: readonly number[] }[]): string[] =>
  calls.map((c) => c.genotype.join('/'));

describe('genotype reader over the local cache (issue 8)', () => {
  it('names every individual of "all individuals" and calls carriers from the cache, others reference', async () => {
    const reader = createGenotypeReader(query, emptyFilters());
    const header = await reader.readHeader();
    expect([...header.sampleNameMap.keys()]).toEqual([
      'FI-1/fi-1',
      'FI-1/fi-2',
      'FI-1/fi-3',
      'FI-1/fi-4',
      'SE-1/se-1',
      'SE-1/se-2',
    ]);
    expect(header.capped).toBe(false);
    const vs = await reader.readFeatures('chr17', 43045000, 43046000);
    expect(vs.map((v) => v.variantKey)).toEqual(['17-43045700-AT-A', '17-43045712-G-A']);
    const [del, snv] = vs;
    expect(gts(del?.calls ?? [])).toEqual(['0/1', '0/0', '0/0', '0/0', '0/0', '0/0']);
    expect(gts(snv?.calls ?? [])).toEqual(['0/0', '1/1', '0/1', '0/0', '0/0', '0/1']);
    // Allele frequency over every dataset that cached the variant: (3 + 1) / (8 + 4).
    expect(snv?.alleleFreq()).toBeCloseTo(4 / 12);
    expect(snv?.calls[1]?.zygosityScore()).toBe(4);
    expect(snv?.calls[2]?.zygosityScore()).toBe(3);
    expect(snv?.calls[0]?.zygosityScore()).toBe(2);
    // igv coordinates: the 2-base deletion covers [pos-1, pos+1).
    expect(del).toMatchObject({ start: 43045699, end: 43045701, type: 'INDEL' });
  });

  it('reads region edges exactly, and other chromosomes not at all', async () => {
    const reader = createGenotypeReader(query, emptyFilters());
    const keys = async (s: number, e: number): Promise<string[]> =>
      (await reader.readFeatures('chr17', s, e)).map((v) => v.variantKey);
    expect(await keys(43045711, 43045712)).toEqual(['17-43045712-G-A']);
    expect(await keys(43045712, 43046000)).toEqual([]);
    expect(await keys(43045700, 43045701)).toEqual(['17-43045700-AT-A']);
    expect(await reader.readFeatures('chr13', 32316469, 32316470)).toHaveLength(1);
  });

  it('takes a saved cohort, capped at maxSamples, and says when it capped', async () => {
    const seen: boolean[] = [];
    const reader = createGenotypeReader(
      query,
      { ...emptyFilters(), sexes: ['female'] },
      { maxSamples: 2, maxVariants: 500 },
      (h) => seen.push(h.capped),
    );
    const header = await reader.readHeader();
    expect([...header.sampleNameMap.keys()]).toEqual([
      sampleName('FI-1', 'fi-1'),
      sampleName('FI-1', 'fi-3'),
    ]);
    expect(seen).toEqual([true]);
    const [, snv] = await reader.readFeatures('chr17', 43045000, 43046000);
    expect(gts(snv?.calls ?? [])).toEqual(['0/0', '0/1']);
  });

  it('returns nothing for a view with more variants than maxVariants (zoom in)', async () => {
    const reader = createGenotypeReader(query, emptyFilters(), { maxSamples: 10, maxVariants: 1 });
    expect(await reader.readFeatures('chr17', 43045000, 43046000)).toEqual([]);
  });
});

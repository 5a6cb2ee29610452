import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDataset } from '../../../shared/cohorts/testing/sampleCache';
import { CACHE_TABLES } from '../../../shared/cohorts/schema';
import type { CacheTable } from '../../../shared/cohorts/schema';
import { databaseRows } from '../pull/testing/vaultRows';
import { openDatasetBuild } from './datasetBuild';
import { buildDuckDbFile } from './duckdbFile';

/** Rows [from, to) of every column of one table. */
const slice = (cols: Record<string, readonly unknown[]>, from: number, to: number) =>
  Object.fromEntries(Object.entries(cols).map(([c, v]) => [c, v.slice(from, to)]));

const sorted = (rows: Record<string, unknown>[]) =>
  rows.map((r) => JSON.stringify(r)).sort((a, b) => a.localeCompare(b));

describe('issue 20: a dataset file built while its pages arrive (decision 0060)', () => {
  it('issue 20: rows appended page by page (uneven pages, repeated genotype ids across pages) give the file built from all columns at once', async () => {
    const d = sampleDataset({
      datasetId: 'T-60',
      nodeId: 'FI',
      countries: ['FI', 'SE'],
      individuals: 700,
      variants: 90,
      genotypesPerIndividual: 5,
      seed: 60,
    });
    const dir = mkdtempSync(join(tmpdir(), 'dataset-build-'));
    const build = await openDatasetBuild(d);
    const sizes: Record<CacheTable, number> = { individuals: 333, variants: 17, genotypes: 2500 };
    for (const table of CACHE_TABLES) {
      const cols: Record<string, readonly unknown[]> = d[table];
      const n = Object.values(cols)[0]?.length ?? 0;
      for (let from = 0; from < n; from += sizes[table])
        build.append(table, slice(cols, from, from + sizes[table]));
    }
    expect(build.rows).toEqual({
      individuals: 700,
      variants: 90,
      genotypes: d.genotypes.individual_id.length,
    });
    const paged = await build.finish(join(dir, 'scratch'));
    expect(readdirSync(join(dir, 'scratch'))).toEqual([]);
    const whole = await buildDuckDbFile(join(dir, 'scratch2'), d, d);
    for (const table of CACHE_TABLES)
      expect(sorted(await databaseRows(paged, table)), table).toEqual(
        sorted(await databaseRows(whole, table)),
      );
    expect(() => build.append('individuals', slice(d.individuals, 0, 1))).toThrow(/closed/);
  });

  it('issue 20: a page whose columns differ in length is refused, not appended', async () => {
    const build = await openDatasetBuild({ datasetId: 'T-61', nodeId: 'FI' });
    try {
      expect(() =>
        build.append('genotypes', {
          individual_id: ['a', 'b'],
          variant_key: ['1-1-A-T'],
          zygosity: ['het', 'het'],
        }),
      ).toThrow(/genotypes.variant_key/);
      expect(build.rows.genotypes).toBe(0);
    } finally {
      build.close();
    }
  });
});

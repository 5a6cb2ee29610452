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

  it('issue 20: genotypes appended as codes of each page’s own values (decision 0067) give the file of the text columns', async () => {
    const d = sampleDataset({
      datasetId: 'T-67',
      nodeId: 'FI',
      countries: ['FI'],
      individuals: 300,
      variants: 40,
      genotypesPerIndividual: 4,
      seed: 67,
    });
    const g = d.genotypes as Record<string, (string | null)[]>;
    // A missing zygosity and an unlisted carrier, coded like any other value.
    g.zygosity![3] = null;
    g.individual_id![5] = 'T-67-NOT-LISTED';
    const dir = mkdtempSync(join(tmpdir(), 'dataset-build-'));
    const build = await openDatasetBuild(d);
    build.append('individuals', d.individuals);
    build.append('variants', d.variants);
    const local = (values: (string | null)[]): { values: string[]; codes: Int32Array } => {
      // Each page's own dictionary, in reverse first-seen order (not the build's order).
      const distinct = [...new Set(values.filter((v) => v !== null))].reverse();
      return {
        values: distinct,
        codes: Int32Array.from(values, (v) => (v === null ? -1 : distinct.indexOf(v))),
      };
    };
    const n = g.individual_id!.length;
    for (let from = 0; from < n; from += 211)
      build.appendGenotypeCodes({
        individual_id: local(g.individual_id!.slice(from, from + 211)),
        variant_key: local(g.variant_key!.slice(from, from + 211)),
        zygosity: local(g.zygosity!.slice(from, from + 211)),
      });
    expect(build.rows.genotypes).toBe(n);
    const coded = await build.finish(join(dir, 'scratch'));
    const whole = await buildDuckDbFile(join(dir, 'scratch2'), d, d);
    for (const table of CACHE_TABLES)
      expect(sorted(await databaseRows(coded, table)), table).toEqual(
        sorted(await databaseRows(whole, table)),
      );
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

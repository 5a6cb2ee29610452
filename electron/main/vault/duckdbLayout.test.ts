import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { sampleDataset } from '../../../shared/cohorts/testing/sampleCache';
import { SCHEMA_VERSION } from '../../../shared/cohorts/schema';
import { databaseRows } from '../pull/testing/vaultRows';
import { buildDuckDbFile } from './duckdbFile';

/** A small dataset plus one genotype of an individual the dataset does not list. */
function dataset() {
  const d = sampleDataset({
    datasetId: 'L-01',
    nodeId: 'FI',
    countries: ['FI', 'SE'],
    individuals: 900,
    variants: 400,
    genotypesPerIndividual: 6,
    seed: 11,
  });
  d.genotypes.individual_id.push('L-01-NOT-LISTED');
  d.genotypes.variant_key.push(d.variants.variant_key[0] ?? '');
  d.genotypes.zygosity.push('het');
  return d;
}

describe('issue 20: the DuckDB file a pull writes holds the query layout (decision 0027)', () => {
  it('sorted, integer-keyed tables whose summaries and public views agree with the pulled rows', async () => {
    const d = dataset();
    const dir = mkdtempSync(join(tmpdir(), 'duckdb-layout-'));
    const bytes = await buildDuckDbFile(join(dir, 'scratch'), d, d);
    const file = join(dir, 'data.duckdb');
    writeFileSync(file, bytes);
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`ATTACH '${file}' AS x (READ_ONLY)`);
    const one = async (sql: string): Promise<unknown> =>
      (await conn.runAndReadAll(sql)).getRows()[0]?.[0];

    expect(await one('SELECT schema_version FROM x.cd_meta')).toBe(SCHEMA_VERSION);
    // ix is the rank of individual_id and the stored order; vx follows gene, chromosome, position.
    expect(
      await one(
        'SELECT count(*) FROM (SELECT ix, row_number() OVER (ORDER BY individual_id) - 1 AS r, ' +
          'row_number() OVER () - 1 AS stored FROM x.cd_individuals) WHERE ix <> r OR ix <> stored',
      ),
    ).toBe(0n);
    expect(
      await one(
        'SELECT count(*) FROM (SELECT vx, row_number() OVER (ORDER BY gene_key, chrom, pos, variant_key) - 1 AS r, ' +
          'row_number() OVER () - 1 AS stored FROM x.cd_variants) WHERE vx <> r OR vx <> stored',
      ),
    ).toBe(0n);
    expect(
      await one(
        'SELECT count(*) FROM x.cd_variants WHERE carriers <> list_sort(carriers) ' +
          'OR len(carriers) <> len(zygosity_codes) OR len(carriers) <> n_carriers',
      ),
    ).toBe(0n);
    // Summaries are recomputable from the pulled rows.
    const genes = new Map<string, Set<string>>();
    const geneOf = new Map(d.variants.variant_key.map((k, j) => [k, d.variants.gene[j] ?? '']));
    const listed = new Set(d.individuals.individual_id);
    d.genotypes.variant_key.forEach((k, r) => {
      const who = d.genotypes.individual_id[r] ?? '';
      if (!listed.has(who)) return;
      const g = geneOf.get(k) ?? '';
      genes.set(g, (genes.get(g) ?? new Set()).add(who));
    });
    const counts = (await conn.runAndReadAll('SELECT gene_key, carriers FROM x.cd_gene_counts'))
      .getRows()
      .map(([g, n]) => [String(g), Number(n)]);
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries([...genes].map(([g, s]) => [g.toUpperCase(), s.size])),
    );
    const terms = new Map<string, number>();
    for (const list of d.individuals.phenotypes)
      for (const t of list) terms.set(t, (terms.get(t) ?? 0) + 1);
    const termRows = (await conn.runAndReadAll('SELECT term, n FROM x.cd_term_counts')).getRows();
    expect(Object.fromEntries(termRows.map(([t, n]) => [String(t), Number(n)]))).toEqual(
      Object.fromEntries(terms),
    );
    // The public views list every pulled row, the unlisted individual's genotype included.
    const key = (r: Record<string, unknown>): string =>
      `${String(r.individual_id)}/${String(r.variant_key)}/${String(r.zygosity)}`;
    const stored = (await databaseRows(bytes, 'genotypes')).map(key).sort();
    const pulled = d.genotypes.individual_id
      .map((id, r) => `${id}/${d.genotypes.variant_key[r] ?? ''}/${d.genotypes.zygosity[r] ?? ''}`)
      .sort();
    expect(stored).toEqual(pulled);
    expect(await one('SELECT count(*) FROM x.cd_genotypes_unlinked')).toBe(1n);
    conn.closeSync();
  });

  it('issue 20: zygosities are integer codes of the dataset dictionary, decoded to the pulled strings (decision 0053)', async () => {
    const d = dataset();
    // A third zygosity, on a listed individual's genotype, besides het and hom.
    d.genotypes.zygosity[0] = 'hemizygous';
    const dir = mkdtempSync(join(tmpdir(), 'duckdb-layout-'));
    const bytes = await buildDuckDbFile(join(dir, 'scratch'), d, d);
    const file = join(dir, 'data.duckdb');
    writeFileSync(file, bytes);
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    await conn.run(`ATTACH '${file}' AS x (READ_ONLY)`);
    const rows = async (sql: string): Promise<unknown[][]> =>
      (await conn.runAndReadAll(sql)).getRowsJS();

    expect(await rows('SELECT DISTINCT typeof(zygosity_codes) FROM x.cd_variants')).toEqual([
      ['INTEGER[]'],
    ]);
    expect(await rows('SELECT code, zygosity FROM x.cd_zygosities ORDER BY code')).toEqual([
      [0, 'hemizygous'],
      [1, 'het'],
      [2, 'hom'],
    ]);
    // Every (individual, variant) pair decodes to the zygosity pulled for it.
    const pulled = new Map(
      d.genotypes.individual_id.map((id, r) => [
        `${id}/${d.genotypes.variant_key[r] ?? ''}`,
        d.genotypes.zygosity[r],
      ]),
    );
    const decoded = await rows(
      'SELECT i.individual_id, v.variant_key, z.zygosity FROM (SELECT vx, unnest(carriers) AS ix, ' +
        'unnest(zygosity_codes) AS code FROM x.cd_variants) g JOIN x.cd_individuals i ON i.ix = g.ix ' +
        'JOIN x.cd_variants v ON v.vx = g.vx JOIN x.cd_zygosities z ON z.code = g.code',
    );
    expect(decoded).toHaveLength(d.genotypes.individual_id.length - 1);
    for (const [id, key, z] of decoded) expect(pulled.get(`${String(id)}/${String(key)}`)).toBe(z);
    conn.closeSync();
  });
});

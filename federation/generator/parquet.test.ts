import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hpoDescendants } from '../reference';
import type { DataManifest, GroundTruth } from './index';
import { openSql, smallTestData, type Sql } from './testing/fixture';

let m: DataManifest;
let truth: GroundTruth;
const pq = (node: string, table: string): string =>
  `read_parquet('${join(m.dir, node, `${table}.parquet`)}')`;

let sql: Sql;
beforeAll(async () => {
  m = await smallTestData();
  sql = await openSql();
  truth = JSON.parse(readFileSync(join(m.dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
});

afterAll(() => {
  sql.close();
});

describe('Parquet tables', () => {
  it('have the agreed columns and types', async () => {
    const cols = async (table: string): Promise<string[]> =>
      (await sql(`DESCRIBE SELECT * FROM ${pq('FI', table)}`)).map(
        (r) => `${String(r['column_name'])} ${String(r['column_type'])}`,
      );
    expect(await cols('individuals')).toEqual([
      'dataset_id VARCHAR',
      'individual_id VARCHAR',
      'sex VARCHAR',
      'birth_year_band VARCHAR',
      'country VARCHAR',
      'family_id VARCHAR',
      'family_role VARCHAR',
      'diseases VARCHAR[]',
      'phenotypes VARCHAR[]',
    ]);
    expect(await cols('variants')).toEqual([
      'dataset_id VARCHAR',
      'variant_id VARCHAR',
      'chrom VARCHAR',
      'pos INTEGER',
      'ref VARCHAR',
      'alt VARCHAR',
      'gene VARCHAR',
      'consequence VARCHAR',
      'consequence_id VARCHAR',
      'hgvs_c VARCHAR',
      'hgvs_p VARCHAR',
      'aa_change VARCHAR',
      'clin_sig VARCHAR',
      'ac INTEGER',
      'an INTEGER',
      'af DOUBLE',
      'hom INTEGER',
    ]);
    expect(await cols('genotypes')).toEqual([
      'dataset_id VARCHAR',
      'individual_id VARCHAR',
      'variant_id VARCHAR',
      'chrom VARCHAR',
      'pos INTEGER',
      'zygosity VARCHAR',
    ]);
  });

  it('are sorted by chrom, pos and use row groups small enough to prune', async () => {
    const rows = await sql(
      `SELECT count(*) AS n, count(DISTINCT row_group_id) AS groups FROM parquet_metadata('${join(m.dir, 'IT', 'genotypes.parquet')}')`,
    );
    expect(Number(rows[0]?.['groups'])).toBeGreaterThanOrEqual(1);
    const unsorted = await sql(
      `SELECT count(*) AS n FROM (SELECT chrom, pos, lag(chrom) OVER () AS pc, lag(pos) OVER () AS pp FROM ${pq('IT', 'genotypes')}) WHERE pc > chrom OR (pc = chrom AND pp > pos)`,
    );
    expect(Number(unsorted[0]?.['n'])).toBe(0);
  });

  it('hold values in the agreed vocabularies', async () => {
    const bad = await sql(`SELECT
      (SELECT count(*) FROM ${pq('IT', 'individuals')} WHERE sex NOT IN ('female','male','unknown') OR NOT regexp_matches(birth_year_band, '^\\d{4}-\\d{4}$') OR length(country) <> 2) AS ind,
      (SELECT count(*) FROM ${pq('IT', 'variants')} WHERE variant_id <> chrom || '-' || pos || '-' || ref || '-' || alt OR clin_sig NOT IN ('pathogenic','likely_pathogenic','uncertain_significance','likely_benign','benign') OR NOT starts_with(consequence_id, 'SO:') OR NOT starts_with(hgvs_c, 'c.') OR af <> ac / an) AS var,
      (SELECT count(*) FROM ${pq('IT', 'genotypes')} WHERE zygosity NOT IN ('het','hom')) AS gt`);
    expect(bad[0]).toEqual({ ind: 0n, var: 0n, gt: 0n });
    const own = await sql(
      `SELECT avg(CASE WHEN country = 'IT' THEN 1 ELSE 0 END) AS own FROM ${pq('IT', 'individuals')}`,
    );
    expect(Number(own[0]?.['own'])).toBeGreaterThan(0.85);
  });
});

describe('ground-truth.json equals DuckDB counts over the Parquet', () => {
  it('matches individuals, sex, genes, planted variants and HPO (with descendants) per dataset', async () => {
    for (const [ds, t] of Object.entries(truth.datasets)) {
      const node = t.node;
      const where = `dataset_id = '${ds}'`;
      const [counts] = await sql(
        `SELECT count(*) AS n, count(*) FILTER (sex = 'female') AS female, count(*) FILTER (sex = 'male') AS male, count(*) FILTER (sex = 'unknown') AS unknown FROM ${pq(node, 'individuals')} WHERE ${where}`,
      );
      expect(
        {
          n: Number(counts?.['n']),
          female: Number(counts?.['female']),
          male: Number(counts?.['male']),
          unknown: Number(counts?.['unknown']),
        },
        ds,
      ).toEqual({ n: t.individuals, ...t.sex });
      const genes =
        await sql(`SELECT v.gene, count(DISTINCT v.variant_id) AS variants, count(DISTINCT g.individual_id) AS carriers
        FROM ${pq(node, 'variants')} v JOIN ${pq(node, 'genotypes')} g USING (dataset_id, variant_id) WHERE v.${where} GROUP BY v.gene`);
      expect(
        Object.fromEntries(
          genes.map((r) => [
            String(r['gene']),
            { variants: Number(r['variants']), carriers: Number(r['carriers']) },
          ]),
        ),
        ds,
      ).toEqual(t.genes);
      for (const [vid, p] of Object.entries(t.planted)) {
        const [row] = await sql(
          `SELECT ac, an, hom, (SELECT count(*) FROM ${pq(node, 'genotypes')} WHERE ${where} AND variant_id = '${vid}') AS carriers FROM ${pq(node, 'variants')} WHERE ${where} AND variant_id = '${vid}'`,
        );
        expect(
          {
            ac: row?.['ac'],
            an: row?.['an'],
            hom: row?.['hom'],
            carriers: Number(row?.['carriers']),
          },
          `${ds} ${vid}`,
        ).toEqual({ ac: p.ac, an: p.an, hom: p.hom, carriers: p.carriers });
      }
      for (const term of ['HP:0001250', 'HP:0003002', 'HP:0000118', 'HP:0012236']) {
        const list = [...hpoDescendants(term)].map((x) => `'${x}'`).join(',');
        const [r] = await sql(
          `SELECT count(*) FILTER (list_contains(phenotypes, '${term}')) AS exact, count(*) FILTER (list_has_any(phenotypes, [${list}])) AS desc FROM ${pq(node, 'individuals')} WHERE ${where}`,
        );
        const expected = t.hpo[term] ?? { exact: 0, withDescendants: 0 };
        expect(
          { exact: Number(r?.['exact']), withDescendants: Number(r?.['desc']) },
          `${ds} ${term}`,
        ).toEqual(expected);
      }
    }
  });
});

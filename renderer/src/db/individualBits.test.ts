import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetPlan } from '../../../shared/cohorts/cohortPlan';
import type { CohortFiltersInput } from '../../../shared/cohorts/definition';
import { CohortFiltersSchema } from '../../../shared/cohorts/definition';
import { layoutStatements } from '../../../shared/cohorts/layout';
import { datasetDatabaseName } from '../../../shared/cohorts/schema';
import type { BoundSql } from '../../../shared/cohorts/sql';
import { cohortByColumnSql, cohortCountSql } from '../../../shared/cohorts/sql';
import { canonicalRows } from '../../../shared/cohorts/testing/querySuite';
import { referenceSql } from '../../../shared/cohorts/testing/referenceSql';
import type { InProcessEngine } from './testing/inProcessEngine';
import { boundRows, openInProcessEngine } from './testing/inProcessEngine';

// Decision 0103 in duckdb-wasm itself (the build the app ships): the renderer lays an older cache
// out in memory with layout.ts's statements, so cd_individual_bits and cd_gene_carrier_groups must
// build there, a gene criterion must find the carriers the plain scan finds, and the counts per
// sex and country (bit_count of ANDed bitmaps, a lambda over the sparse lists) must equal the
// reference over the public views.
let e: InProcessEngine;
const D = { id: 'W-INDBITS', individuals: 3_000 };
const db = datasetDatabaseName(D.id);

const all = (q: BoundSql): Promise<Record<string, unknown>[]> => boundRows(e.conn, q.sql, q.params);

beforeAll(async () => {
  e = await openInProcessEngine();
  // Sex NULL for every fourth, 'unknown' for some; country 'IS' for every 97th (sparse), NULL for
  // every fifth; every sixth without phenotypes.
  const ind =
    "SELECT 'W-INDBITS' AS dataset_id, 'FI' AS node_id, printf('ind-%05d', i) AS individual_id, " +
    "CASE i % 4 WHEN 0 THEN 'female' WHEN 1 THEN 'male' WHEN 2 THEN 'unknown' END AS sex, " +
    "NULL::VARCHAR AS age_band, CASE WHEN i % 97 = 0 THEN 'IS' ELSE ['FI', 'SE', NULL, 'IT', 'FI'][1 + i % 5] END AS country, " +
    "[]::VARCHAR[] AS diseases, CASE WHEN i % 6 = 0 THEN []::VARCHAR[] ELSE ['HP:0000152'] END AS phenotypes " +
    `FROM range(${String(D.individuals)}) t(i)`;
  const variants =
    "SELECT 'W-INDBITS' AS dataset_id, 'FI' AS node_id, printf('1-%d-C-T', 100 + j) AS variant_key, " +
    "'1' AS chrom, (100 + j)::INTEGER AS pos, 'C' AS ref, 'T' AS alt, ['TP53', 'BRCA1', NULL][1 + j % 3] AS gene, " +
    "'missense_variant' AS consequence, NULL::VARCHAR AS hgvs_c, NULL::VARCHAR AS hgvs_p, NULL::VARCHAR AS clin_sig, " +
    "1 AS ac, 2 AS an, [NULL, 0.00005, 0.001, 0.007, 0.03, 0.4, CAST('NaN' AS DOUBLE)][1 + j % 7]::DOUBLE AS af " +
    'FROM range(700) t(j)';
  // Variants under 42 with an AF of the first four carried by a fifth of the individuals (dense
  // gene buckets), the rest by one each (sparse buckets: not stored), odd variants by nobody.
  const genotypes =
    "SELECT 'W-INDBITS' AS dataset_id, 'FI' AS node_id, printf('ind-%05d', i) AS individual_id, " +
    "printf('1-%d-C-T', 100 + j) AS variant_key, 'het' AS zygosity FROM (SELECT i, j FROM " +
    `range(${String(D.individuals)}) a(i), range(42) b(j) WHERE j % 7 < 4 AND i % 5 = j % 5 ` +
    `UNION ALL SELECT (j * 13) % ${String(D.individuals)}, j FROM range(700) b(j) ` +
    'WHERE j % 2 = 0 AND NOT (j < 42 AND j % 7 < 4))';
  for (const s of [
    `CREATE TABLE src_i AS ${ind}`,
    `CREATE TABLE src_v AS ${variants}`,
    `CREATE TABLE src_g AS ${genotypes}`,
    `CREATE SCHEMA ${db}`,
    ...layoutStatements({ individuals: 'src_i', variants: 'src_v', genotypes: 'src_g' }, db),
    // The public views of referenceSql, over this one dataset.
    `CREATE VIEW individuals AS SELECT * FROM ${db}.individuals`,
    `CREATE VIEW variants AS SELECT * FROM ${db}.variants`,
    `CREATE VIEW genotypes AS SELECT * FROM ${db}.genotypes`,
  ])
    await e.conn.query(s);
}, 120_000);

afterAll(async () => {
  await e.close();
});

describe('decision 0103 in duckdb-wasm: individuals per sex and country, dense carriers per gene and bucket', () => {
  it('builds both tables with both kinds of row', async () => {
    const [kinds] = await all({
      sql:
        'SELECT count(bits)::INTEGER AS dense, count(ixs)::INTEGER AS sparse, ' +
        `(SELECT count(*)::INTEGER FROM ${db}.cd_gene_carrier_groups) AS genes FROM ${db}.cd_individual_bits`,
      params: [],
    });
    expect(kinds?.dense).toBeGreaterThan(0);
    expect(kinds?.sparse).toBeGreaterThan(0);
    expect(kinds?.genes).toBeGreaterThan(0);
  });

  it('answers every gene criterion as the plain scan', async () => {
    let nonEmpty = 0;
    for (const gene of ['TP53', 'brca1', 'NOPE'])
      for (const maxAf of [undefined, 0.00005, 0.0001, 0.005, 0.01, 0.02, 1]) {
        const genotype = { gene, ...(maxAf === undefined ? {} : { maxAf }) };
        const p = datasetPlan(CohortFiltersSchema.parse({ genotype, sexes: ['male'] }), D);
        const set = p.genotypeSet;
        expect(set?.sql).toMatch(/cd_gene_carrier_groups/);
        const plain =
          `(SELECT bitstring_agg(ix, 0, ${String(D.individuals - 1)}) FROM (SELECT unnest(v.carriers) ` +
          `AS ix FROM ${db}.cd_variants v WHERE ${p.variant?.sql ?? 'TRUE'}))`;
        const [r] = await all({
          sql:
            `SELECT (${set?.sql ?? ''} IS NOT DISTINCT FROM ${plain})::INTEGER AS same, ` +
            `bit_count(${plain})::INTEGER AS n`,
          params: [
            ...(set?.params ?? []),
            ...(p.variant?.params ?? []),
            ...(p.variant?.params ?? []),
          ],
        });
        expect(r?.same, JSON.stringify(genotype)).toBe(1);
        if ((r?.n ?? 0) !== 0) nonEmpty++;
      }
    expect(nonEmpty).toBeGreaterThan(8);
  });

  const COHORTS: Record<string, CohortFiltersInput> = {
    combined: {
      phenotypes: [{ id: 'HP:0000152' }],
      sexes: ['female', 'male'],
      genotype: { gene: 'TP53', maxAf: 0.05 },
    },
    sparseCountry: { countries: ['IS', 'SE'], sexes: ['unknown'], genotype: { gene: 'BRCA1' } },
    nobody: { countries: ['ZZ'], phenotypes: [{ id: 'HP:0000152' }] },
  };
  for (const [name, input] of Object.entries(COHORTS))
    it(`${name}: count, per country and per sex equal the reference over the views`, async () => {
      const f = CohortFiltersSchema.parse(input);
      for (const [what, q, ref] of [
        ['count', cohortCountSql(f, [D]), referenceSql.count(f)],
        ['byCountry', cohortByColumnSql(f, 'country', [D]), referenceSql.byColumn(f, 'country')],
        ['bySex', cohortByColumnSql(f, 'sex', [D]), referenceSql.byColumn(f, 'sex')],
      ] as const) {
        expect(q.sql, what).toMatch(/cd_individual_bits/);
        const got = await all(q);
        if (name !== 'nobody' && what !== 'count') expect(got.length, what).toBeGreaterThan(0);
        expect(canonicalRows(got), what).toBe(canonicalRows(await all(ref)));
      }
    });
});

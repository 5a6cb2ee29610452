import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CachedDataset } from './cacheCatalog';
import { noteCacheTerms, resetCacheTerms } from './cacheTerms';
import { CohortFiltersSchema } from './definition';
import { layoutStatements } from './layout';
import { datasetDatabaseName, pendingMigrations, SCHEMA_TABLE_SQL, viewStatements } from './schema';
import type { BoundSql } from './sql';
import { cohortByColumnSql, cohortByPhenotypeSql, cohortCountSql } from './sql';
import { canonicalRows } from './testing/querySuite';
import { referenceSql } from './testing/referenceSql';

/**
 * Decision 0087: a cohort constrained only by sex and country counts its phenotypes from
 * `cd_term_groups` (layout 5: rows of `cd_phenotypes` per term, dataset, sex and country, built
 * with the data), and a cohort by diseases (with sex and country, if any) is counted, overall and
 * per column, from `cd_disease_groups` (individuals per sex, country and list of diseases). Held here to the raw rows and to the reference SQL over the public views, beside
 * the count, per-column and per-phenotype statements of cohorts with a bitmap, on hostile data: individuals without phenotypes, a term listed twice by one
 * individual, NULL terms, unknown and missing sex, a missing country, 40 countries, two datasets,
 * and enough individuals for two row groups.
 */

const DATASETS: CachedDataset[] = [
  { id: 'T-GROUPS-A', individuals: 130_000 },
  { id: 'T-GROUPS-B', individuals: 3_001 },
];
const TERMS = ['HP:0000152', 'HP:0000234', 'HP:0001250', 'HP:0001263', 'HP:0000707'];
let conn: DuckDBConnection;

const rows = async (q: BoundSql) => (await conn.runAndReadAll(q.sql, q.params)).getRowObjectsJS();

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run('SET threads = 4');
  await conn.run(SCHEMA_TABLE_SQL);
  for (const s of pendingMigrations(0)) await conn.run(s);
  const terms = `[${TERMS.map((t) => `'${t}'`).join(', ')}]`;
  for (const d of DATASETS) {
    const src = (t: string): string => `src_${d.id.replaceAll('-', '_')}_${t}`;
    // Individual i: sex by i % 7 (female, male, unknown, NULL), country one of 40 (AA..BN) or NULL,
    // phenotypes none (i % 5 = 0), a term twice (i % 11 = 1), a NULL term (i % 13 = 2) or one or
    // two terms; diseases one, both of two, one twice, a NULL and another, a NULL list or none;
    // a variant for one in nine.
    await conn.run(
      `CREATE TABLE ${src('i')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('ind-%07d', i) AS individual_id, " +
        "CASE i % 7 WHEN 0 THEN NULL WHEN 1 THEN 'unknown' WHEN 2 THEN 'male' WHEN 3 THEN 'male' ELSE 'female' END AS sex, " +
        "'30-39' AS age_band, " +
        'CASE WHEN i % 17 = 3 THEN NULL ELSE chr((65 + (i % 40) // 26)::INTEGER) || chr((65 + (i % 40) % 26)::INTEGER) END AS country, ' +
        "CASE WHEN i % 3 = 0 THEN ['ORPHA:145'] WHEN i % 6 = 1 THEN ['ORPHA:144', 'ORPHA:145'] " +
        "WHEN i % 12 = 5 THEN ['ORPHA:144', 'ORPHA:144'] WHEN i % 19 = 7 THEN [NULL, 'ORPHA:524'] " +
        'WHEN i % 23 = 8 THEN NULL ELSE []::VARCHAR[] END AS diseases, ' +
        `CASE WHEN i % 5 = 0 THEN []::VARCHAR[] WHEN i % 11 = 1 THEN [${terms}[1 + i % 5], ${terms}[1 + i % 5]] ` +
        `WHEN i % 13 = 2 THEN [NULL, ${terms}[1 + i % 3]] ` +
        `ELSE [${terms}[1 + i % 5], ${terms}[1 + (i // 5) % 5]] END AS phenotypes ` +
        `FROM range(${String(d.individuals)}) t(i)`,
    );
    await conn.run(
      `CREATE TABLE ${src('v')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, * FROM (VALUES ` +
        "('1-100-C-T', '1', 100, 'C', 'T', 'TP53', 'stop_gained', NULL, NULL, NULL, 1, 600000, 0.001)) " +
        'v(variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, ac, an, af)',
    );
    await conn.run(
      `CREATE TABLE ${src('g')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('ind-%07d', i) AS individual_id, '1-100-C-T' AS variant_key, 'heterozygous' AS zygosity " +
        `FROM range(${String(d.individuals)}) t(i) WHERE i % 9 = 4`,
    );
    const db = datasetDatabaseName(d.id);
    await conn.run(`CREATE SCHEMA ${db}`);
    for (const s of layoutStatements(
      { individuals: src('i'), variants: src('v'), genotypes: src('g') },
      db,
    ))
      await conn.run(s);
  }
  for (const s of viewStatements(DATASETS.map((d) => d.id))) await conn.run(s);
  resetCacheTerms();
  noteCacheTerms(TERMS);
}, 120_000);
afterAll(() => {
  resetCacheTerms();
  conn.closeSync();
});

const SEX_COUNTRY: Record<string, object> = {
  female: { sexes: ['female'] },
  unknownSex: { sexes: ['unknown'] },
  manyCountries: { countries: ['AA', 'AH', 'AN', 'BN'] },
  maleInTwo: { sexes: ['male', 'unknown'], countries: ['AB', 'AC'] },
  oneDataset: { sexes: ['female'], datasets: ['T-GROUPS-B'] },
};
const DISEASES: Record<string, object> = {
  twoDiseases: { diseases: ['ORPHA:145', 'ORPHA:144'] },
  diseaseFemaleInThree: {
    diseases: ['ORPHA:144'],
    sexes: ['female'],
    countries: ['AA', 'AB', 'BN'],
  },
  nullListed: { diseases: ['ORPHA:524'], sexes: ['male', 'unknown'] },
};
const BITMAP: Record<string, object> = {
  diseaseFemale: { diseases: ['ORPHA:145'], sexes: ['female'] },
  termCountry: { phenotypes: [{ id: 'HP:0000152' }], countries: ['AF', 'AG'] },
  carriersMale: { genotype: { gene: 'TP53' }, sexes: ['male'] },
  combined: {
    phenotypes: [{ id: 'HP:0000118' }],
    sexes: ['female', 'male'],
    genotype: { gene: 'TP53', maxAf: 0.05 },
  },
};

const planOf = async (q: BoundSql): Promise<string> =>
  (await conn.runAndReadAll(`EXPLAIN ${q.sql}`, q.params))
    .getRows()
    .map((r) => String(r.at(-1)))
    .join('\n');

describe('decision 0087: counts per sex and country from cd_term_groups and cd_disease_groups', () => {
  it('cd_term_groups holds the rows of every individual’s phenotype list per term, dataset, sex and country', async () => {
    for (const d of DATASETS) {
      const db = datasetDatabaseName(d.id);
      const raw =
        'SELECT term, dataset_id, sex, country, count(*)::INTEGER AS n FROM (SELECT dataset_id, sex, ' +
        `country, unnest(phenotypes) AS term FROM individuals WHERE dataset_id = '${d.id}') ` +
        'GROUP BY ALL ORDER BY ALL';
      const got = await rows({
        sql: `SELECT term, dataset_id, sex, country, n FROM ${db}.cd_term_groups ORDER BY ALL`,
        params: [],
      });
      const want = await rows({ sql: raw, params: [] });
      expect(want.length).toBeGreaterThan(200);
      expect(canonicalRows(got)).toBe(canonicalRows(want));
      // The hostile cases are in the data: NULL terms, NULL sex and country, and a term counted
      // twice for one individual (each list entry is a row, as the scan of cd_phenotypes counts).
      expect(got.some((r) => r.term === null)).toBe(true);
      expect(got.some((r) => r.sex === null)).toBe(true);
      expect(got.some((r) => r.country === null)).toBe(true);
    }
  });

  for (const [name, input] of Object.entries(SEX_COUNTRY))
    it(`${name}: phenotypes per sex and country equal the reference and read cd_term_groups only`, async () => {
      const f = CohortFiltersSchema.parse(input);
      const q = cohortByPhenotypeSql(f, 1000, DATASETS);
      const got = await rows(q);
      expect(got.length).toBeGreaterThan(0);
      expect(canonicalRows(got)).toBe(canonicalRows(await rows(referenceSql.byPhenotype(f, 1000))));
      const plan = await planOf(q);
      expect(plan).toMatch(/cd_term_groups/);
      // Before: a bitmap of the group's individuals and a scan of every phenotype row.
      expect(plan).not.toMatch(/cd_phenotypes|NL_JOIN/);
    });

  it('cd_disease_groups counts every individual once, under its list of diseases as stored', async () => {
    for (const d of DATASETS) {
      const db = datasetDatabaseName(d.id);
      const got = await rows({
        sql: `SELECT sum(n)::INTEGER AS n, count(*)::INTEGER AS lists FROM ${db}.cd_disease_groups`,
        params: [],
      });
      expect(got).toEqual([{ n: d.individuals, lists: expect.any(Number) as number }]);
    }
  });

  for (const [name, input] of Object.entries(DISEASES))
    it(`${name}: a cohort by diseases counted overall and per column equals the reference, from cd_disease_groups`, async () => {
      const f = CohortFiltersSchema.parse(input);
      const statements: [string, BoundSql, BoundSql][] = [
        ['count', cohortCountSql(f, DATASETS), referenceSql.count(f)],
        [
          'byCountry',
          cohortByColumnSql(f, 'country', DATASETS),
          referenceSql.byColumn(f, 'country'),
        ],
        ['bySex', cohortByColumnSql(f, 'sex', DATASETS), referenceSql.byColumn(f, 'sex')],
        [
          'byDataset',
          cohortByColumnSql(f, 'dataset_id', DATASETS),
          referenceSql.byColumn(f, 'dataset_id'),
        ],
      ];
      for (const [what, q, ref] of statements) {
        const got = await rows(q);
        expect(got.length, what).toBeGreaterThan(0);
        expect(canonicalRows(got), what).toBe(canonicalRows(await rows(ref)));
        const plan = await planOf(q);
        // Before: the disease bitmap tested against every individual of cd_individuals.
        expect(plan, what).not.toMatch(/cd_individuals/);
        expect(plan, what).toMatch(/cd_disease_groups/);
        expect(plan, what).not.toMatch(/cd_disease_index/);
      }
    });

  for (const [name, input] of Object.entries(BITMAP))
    it(`${name}: count, per country, per sex and per phenotype of a bitmap cohort equal the reference`, async () => {
      const f = CohortFiltersSchema.parse(input);
      const statements: [string, BoundSql, BoundSql][] = [
        ['count', cohortCountSql(f, DATASETS), referenceSql.count(f)],
        [
          'byCountry',
          cohortByColumnSql(f, 'country', DATASETS),
          referenceSql.byColumn(f, 'country'),
        ],
        ['bySex', cohortByColumnSql(f, 'sex', DATASETS), referenceSql.byColumn(f, 'sex')],
        ['byPhenotype', cohortByPhenotypeSql(f, 1000, DATASETS), referenceSql.byPhenotype(f, 1000)],
      ];
      for (const [what, q, ref] of statements) {
        const got = await rows(q);
        expect(got.length, what).toBeGreaterThan(0);
        expect(canonicalRows(got), what).toBe(canonicalRows(await rows(ref)));
        // These read the phenotype rows through the cohort's bitmap, not the group counts.
        if (what === 'byPhenotype') expect(await planOf(q)).not.toMatch(/cd_term_groups/);
      }
    });
});

describe('decision 0094: phenotypes of a cohort by diseases from cd_term_disease_groups', () => {
  it('cd_term_disease_groups holds the rows of every individual’s phenotype list per term, dataset, sex, country and list of diseases', async () => {
    for (const d of DATASETS) {
      const db = datasetDatabaseName(d.id);
      const raw =
        'SELECT term, dataset_id, sex, country, diseases, count(*)::INTEGER AS n FROM (SELECT ' +
        'dataset_id, sex, country, diseases, unnest(phenotypes) AS term FROM individuals ' +
        `WHERE dataset_id = '${d.id}') GROUP BY ALL ORDER BY ALL`;
      const got = await rows({
        sql: `SELECT term, dataset_id, sex, country, diseases, n FROM ${db}.cd_term_disease_groups ORDER BY ALL`,
        params: [],
      });
      const want = await rows({ sql: raw, params: [] });
      expect(want.length).toBeGreaterThan(1000);
      expect(canonicalRows(got)).toBe(canonicalRows(want));
      // The hostile cases are in the data: NULL terms, a NULL list of diseases, a NULL entry in a
      // list, a disease listed twice; its rows sum to cd_term_groups' per term and group.
      expect(got.some((r) => r.term === null)).toBe(true);
      expect(got.some((r) => r.diseases === null)).toBe(true);
      expect(got.some((r) => Array.isArray(r.diseases) && r.diseases.includes(null))).toBe(true);
      const summed = await rows({
        sql:
          `SELECT term, dataset_id, sex, country, sum(n)::INTEGER AS n FROM ${db}.cd_term_disease_groups ` +
          'GROUP BY ALL ORDER BY ALL',
        params: [],
      });
      const groups = await rows({
        sql: `SELECT term, dataset_id, sex, country, n FROM ${db}.cd_term_groups ORDER BY ALL`,
        params: [],
      });
      expect(canonicalRows(summed)).toBe(canonicalRows(groups));
    }
  });

  const cohorts = { ...DISEASES, diseaseFemale: BITMAP.diseaseFemale! };
  for (const [name, input] of Object.entries(cohorts))
    it(`${name}: phenotypes of a cohort by diseases equal the reference and read cd_term_disease_groups only`, async () => {
      const f = CohortFiltersSchema.parse(input);
      const q = cohortByPhenotypeSql(f, 1000, DATASETS);
      const got = await rows(q);
      expect(got.length).toBeGreaterThan(0);
      expect(canonicalRows(got)).toBe(canonicalRows(await rows(referenceSql.byPhenotype(f, 1000))));
      const plan = await planOf(q);
      expect(plan).toMatch(/cd_term_disease_groups/);
      // Before: the disease bitmap (cd_disease_index) tested against every phenotype row.
      expect(plan).not.toMatch(/cd_phenotypes|cd_disease_index|cd_individuals|NL_JOIN/);
    });
});

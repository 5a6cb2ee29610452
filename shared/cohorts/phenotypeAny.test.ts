import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CachedDataset } from './cacheCatalog';
import { coversCacheTerms, noteCacheTerms, resetCacheTerms } from './cacheTerms';
import type { CohortFiltersInput } from './definition';
import { CohortFiltersSchema } from './definition';
import { layoutStatements } from './layout';
import {
  CACHE_SQL,
  datasetDatabaseName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from './schema';
import type { BoundSql } from './sql';
import {
  cohortByColumnSql,
  cohortByPhenotypeSql,
  cohortCountSql,
  cohortExportSql,
  cohortRowsSql,
  cohortVariantsSql,
} from './sql';
import { canonicalRows } from './testing/querySuite';
import { referenceSql } from './testing/referenceSql';

/**
 * Decision 0091 (issue 20; STANDARDS DATA-03): a phenotype criterion whose terms cover every term
 * the cache holds (e.g. "Phenotypic abnormality", HP:0000118, with its descendants) selects the
 * individuals with any phenotype term, read from the one-row bitmap `cd_phenotype_any` (layout 6)
 * instead of unnesting every term's ix list. Held to the reference SQL over the public views on
 * hostile phenotype lists: empty, NULL, only NULL terms, a term twice, a NULL term beside a term;
 * two datasets (one holding a term the other lacks); enough individuals for two row groups.
 */

const DATASETS: CachedDataset[] = [
  { id: 'T-ANY-A', individuals: 140_000 },
  { id: 'T-ANY-B', individuals: 2_999 },
];
/** Descendants of HP:0000118; dataset B alone also carries HP:0001250. */
const TERMS_A = ['HP:0000152', 'HP:0000234', 'HP:0000707'];
const TERMS_B = [...TERMS_A, 'HP:0001250'];
/** Mode of inheritance: not a descendant of HP:0000118 (a term of a dataset loaded earlier). */
const OUTSIDE = 'HP:0000006';
let conn: DuckDBConnection;

const rows = async (q: BoundSql) => (await conn.runAndReadAll(q.sql, q.params)).getRowObjectsJS();
const planOf = async (q: BoundSql): Promise<string> =>
  (await conn.runAndReadAll(`EXPLAIN (FORMAT json) ${q.sql}`, q.params))
    .getRows()
    .map((r) => String(r.at(-1)))
    .join('\n');

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run('SET threads = 4');
  await conn.run(SCHEMA_TABLE_SQL);
  for (const s of pendingMigrations(0)) await conn.run(s);
  for (const d of DATASETS) {
    const src = (t: string): string => `src_${d.id.replaceAll('-', '_')}_${t}`;
    const terms = `[${(d.id === 'T-ANY-A' ? TERMS_A : TERMS_B).map((t) => `'${t}'`).join(', ')}]`;
    const n = d.id === 'T-ANY-A' ? 3 : 4;
    // Individual i: phenotypes empty (i % 6 = 0), a NULL list (i % 7 = 1), only NULL terms
    // (i % 11 = 2: one, i % 11 = 3: two), a term twice (i % 13 = 4), a NULL term beside a term
    // (i % 17 = 5), else one or two terms; sex by i % 4 (female, male, unknown, NULL); a carrier for one in five.
    await conn.run(
      `CREATE TABLE ${src('i')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('any-%07d', i) AS individual_id, " +
        "CASE i % 4 WHEN 0 THEN 'female' WHEN 1 THEN 'male' WHEN 2 THEN 'unknown' ELSE NULL END AS sex, " +
        "'30-39' AS age_band, CASE i % 3 WHEN 0 THEN 'FI' WHEN 1 THEN 'SE' ELSE NULL END AS country, " +
        '[]::VARCHAR[] AS diseases, ' +
        'CASE WHEN i % 6 = 0 THEN []::VARCHAR[] WHEN i % 7 = 1 THEN NULL ' +
        'WHEN i % 11 = 2 THEN [NULL]::VARCHAR[] WHEN i % 11 = 3 THEN [NULL, NULL]::VARCHAR[] ' +
        `WHEN i % 13 = 4 THEN [${terms}[1 + i % ${String(n)}], ${terms}[1 + i % ${String(n)}]] ` +
        `WHEN i % 17 = 5 THEN [NULL, ${terms}[1 + i % ${String(n)}]] ` +
        `ELSE [${terms}[1 + i % ${String(n)}], ${terms}[1 + (i // 3) % ${String(n)}]] END AS phenotypes ` +
        `FROM range(${String(d.individuals)}) t(i)`,
    );
    await conn.run(
      `CREATE TABLE ${src('v')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, * FROM (VALUES ` +
        "('17-100-C-T', '17', 100, 'C', 'T', 'TP53', 'stop_gained', NULL, NULL, NULL, 1, 600000, 0.001), " +
        "('17-200-G-A', '17', 200, 'G', 'A', 'TP53', 'missense_variant', NULL, NULL, NULL, 1, 600000, 0.2)) " +
        'v(variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, ac, an, af)',
    );
    await conn.run(
      `CREATE TABLE ${src('g')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('any-%07d', i) AS individual_id, CASE WHEN i % 2 = 0 THEN '17-100-C-T' ELSE " +
        "'17-200-G-A' END AS variant_key, 'heterozygous' AS zygosity " +
        `FROM range(${String(d.individuals)}) t(i) WHERE i % 5 IN (2, 4)`,
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
}, 120_000);
/** Notes the terms of every dataset as the app does when it loads one (datasets.ts). */
async function noteLoaded(extra: readonly string[] = []): Promise<void> {
  resetCacheTerms();
  for (const d of DATASETS)
    noteCacheTerms(
      (await rows({ sql: CACHE_SQL.layoutTerms(datasetDatabaseName(d.id)), params: [] })).map((r) =>
        String(r.t),
      ),
    );
  noteCacheTerms(extra);
}

afterAll(() => {
  resetCacheTerms();
  conn.closeSync();
});

const ANY_PHENOTYPE: Record<string, CohortFiltersInput> = {
  any: { phenotypes: [{ id: 'HP:0000118' }] },
  anyTwoSexes: { phenotypes: [{ id: 'HP:0000118' }], sexes: ['female', 'male'] },
  combined: {
    phenotypes: [{ id: 'HP:0000118' }],
    sexes: ['female', 'male'],
    genotype: { gene: 'TP53', maxAf: 0.05 },
  },
  allOfAnyAndOneTerm: {
    phenotypes: [{ id: 'HP:0000118' }, { id: 'HP:0000152', includeDescendants: false }],
    phenotypeMatch: 'all',
    countries: ['FI'],
  },
};

/** Every statement of a cohort beside its reference over the public views. */
function statements(input: CohortFiltersInput): [string, BoundSql, BoundSql][] {
  const f = CohortFiltersSchema.parse(input);
  return [
    ['count', cohortCountSql(f, DATASETS), referenceSql.count(f)],
    ['rows', cohortRowsSql(f, 300, DATASETS), referenceSql.rows(f, 300)],
    ['byCountry', cohortByColumnSql(f, 'country', DATASETS), referenceSql.byColumn(f, 'country')],
    ['bySex', cohortByColumnSql(f, 'sex', DATASETS), referenceSql.byColumn(f, 'sex')],
    ['byPhenotype', cohortByPhenotypeSql(f, 1000, DATASETS), referenceSql.byPhenotype(f, 1000)],
    ['export', cohortExportSql(f, 300, DATASETS), referenceSql.export(f, 300)],
    ...(f.genotype === undefined
      ? []
      : ([['variants', cohortVariantsSql(f, 20, DATASETS), referenceSql.variants(f, 20)]] as [
          string,
          BoundSql,
          BoundSql,
        ][])),
  ];
}

describe('decision 0091: a criterion covering every term of the cache reads cd_phenotype_any', () => {
  it('cd_phenotype_any has the bit of each individual with a non-NULL phenotype term set, and no other', async () => {
    for (const d of DATASETS) {
      const db = datasetDatabaseName(d.id);
      const got = await rows({
        sql:
          `SELECT count(*)::INTEGER AS n, count_if(get_bit(a.bits, i.ix) = 1)::INTEGER AS set, ` +
          'count_if((get_bit(a.bits, i.ix) = 1) IS DISTINCT FROM coalesce(list_count(i.phenotypes) > 0, ' +
          `false))::INTEGER AS wrong, any_value(bit_length(a.bits))::INTEGER AS bits FROM ` +
          `${db}.cd_individuals i, ${db}.cd_phenotype_any a`,
        params: [],
      });
      expect(got).toEqual([
        { n: d.individuals, set: expect.any(Number) as number, wrong: 0, bits: d.individuals },
      ]);
      const set = Number(got[0]?.set);
      expect(set).toBeGreaterThan(d.individuals / 2);
      expect(set).toBeLessThan(d.individuals);
    }
  });

  for (const [name, input] of Object.entries(ANY_PHENOTYPE))
    it(`${name}: every statement equals the reference; the criterion reads cd_phenotype_any, not the term index`, async () => {
      await noteLoaded();
      expect(coversCacheTerms(TERMS_B)).toBe(true);
      expect(coversCacheTerms(TERMS_A)).toBe(false);
      for (const [what, q, ref] of statements(input)) {
        const got = await rows(q);
        expect(got.length, what).toBeGreaterThan(0);
        expect(canonicalRows(got), what).toBe(canonicalRows(await rows(ref)));
        const plan = await planOf(q);
        expect(plan, what).toMatch(/cd_phenotype_any/);
        // Before: every term's ix list unnested into a bitmap. `allOfAnyAndOneTerm` reads the
        // index for its exact term only.
        if (name !== 'allOfAnyAndOneTerm') expect(plan, what).not.toMatch(/cd_phenotype_index/);
      }
    });

  it('a term of the cache the criterion lacks keeps the term index, and the answers stay exact', async () => {
    await noteLoaded([OUTSIDE]);
    for (const input of [ANY_PHENOTYPE.any, ANY_PHENOTYPE.combined])
      for (const [what, q, ref] of statements(input ?? {})) {
        expect(canonicalRows(await rows(q)), what).toBe(canonicalRows(await rows(ref)));
        const plan = await planOf(q);
        expect(plan, what).toMatch(/cd_phenotype_index/);
        expect(plan, what).not.toMatch(/cd_phenotype_any/);
      }
    // Nothing noted (no pruning): no shortcut either.
    resetCacheTerms();
    expect(coversCacheTerms(TERMS_B)).toBe(false);
    expect(cohortCountSql(CohortFiltersSchema.parse(ANY_PHENOTYPE.any), DATASETS).sql).not.toMatch(
      /cd_phenotype_any/,
    );
  });
});

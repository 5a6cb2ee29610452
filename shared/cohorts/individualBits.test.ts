import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CachedDataset } from './cacheCatalog';
import { noteCacheTerms, resetCacheTerms } from './cacheTerms';
import { datasetPlan } from './cohortPlan';
import type { CohortFiltersInput } from './definition';
import { CohortFiltersSchema } from './definition';
import { AF_EDGES, layoutStatements } from './layout';
import { datasetDatabaseName, pendingMigrations, SCHEMA_TABLE_SQL, viewStatements } from './schema';
import type { BoundSql } from './sql';
import {
  cohortByColumnSql,
  cohortByPhenotypeSql,
  cohortCountSql,
  cohortExportCountSql,
  cohortExportSql,
  cohortRowsSql,
  cohortVariantsSql,
} from './sql';
import { canonicalRows } from './testing/querySuite';
import { referenceSql } from './testing/referenceSql';

/**
 * Decision 0103 (layout 8): a cohort's sex and country condition is ORed from the stored bitmaps
 * (or ix lists) of `cd_individual_bits`, its size per sex or country is a bit_count per stored row,
 * and a genotype criterion with a gene and no consequence ORs the dense gene × AF-bucket bitmaps of
 * `cd_gene_carrier_groups`, reading only its other variants' lists. Held to the public views and to
 * the reference SQL on hostile data (DATA-03, DATA-05): NULL sex and country, an 'unknown' sex, a
 * country held by a handful (a sparse group), individuals without phenotypes, NULL, NaN, negative
 * and edge AFs, a NULL gene, variants nobody carries, a gene whose buckets are dense in one dataset
 * and sparse in the other; two datasets of very different sizes.
 */

const DATASETS: CachedDataset[] = [
  { id: 'T-INDBITS-A', individuals: 40_000 },
  { id: 'T-INDBITS-B', individuals: 901 },
];
const AFS = [
  'NULL',
  '0',
  '0.0001',
  '0.00005',
  '0.003',
  '0.01',
  '0.015',
  '0.05',
  '0.2',
  "'NaN'",
  '-0.1',
  '1',
];
const VARIANTS = 2_400;
let conn: DuckDBConnection;

const rows = async (q: BoundSql) => (await conn.runAndReadAll(q.sql, q.params)).getRowObjectsJS();
const planOf = async (q: BoundSql): Promise<string> =>
  (await conn.runAndReadAll(`EXPLAIN ${q.sql}`, q.params))
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
    // Sex by i % 4 (female, male, 'unknown', NULL); country by i % 5 (FI, SE, NULL, IT, and 'IS'
    // for every 97th: a sparse group); a sixth without phenotypes, every 11th with a NULL list.
    await conn.run(
      `CREATE TABLE ${src('i')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('ind-%07d', i) AS individual_id, " +
        "CASE i % 4 WHEN 0 THEN 'female' WHEN 1 THEN 'male' WHEN 2 THEN 'unknown' END AS sex, " +
        "'30-39' AS age_band, CASE WHEN i % 97 = 0 THEN 'IS' ELSE [ 'FI', 'SE', NULL, 'IT', 'FI' ][1 + i % 5] END AS country, " +
        "['ORPHA:145'] AS diseases, CASE WHEN i % 11 = 0 THEN NULL WHEN i % 6 = 0 THEN []::VARCHAR[] " +
        "ELSE ['HP:0000152', CASE WHEN i % 2 = 0 THEN 'HP:0001250' END] END AS phenotypes " +
        `FROM range(${String(d.individuals)}) t(i)`,
    );
    // Variant j: gene by j % 5 (TP53, BRCA1, NULL, 'Apc', 'tp53': one gene in two cases),
    // consequence by j % 3, AF by j % 12 (NULL, 0, on and between edges, NaN, negative, 1).
    await conn.run(
      `CREATE TABLE ${src('v')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('1-%d-C-T', 100 + j) AS variant_key, '1' AS chrom, (100 + j)::INTEGER AS pos, 'C' AS ref, " +
        "'T' AS alt, [ 'TP53', 'BRCA1', NULL, 'Apc', 'tp53' ][1 + j % 5] AS gene, " +
        "[ 'stop_gained', 'missense_variant', NULL ][1 + j % 3] AS consequence, NULL AS hgvs_c, NULL AS hgvs_p, " +
        `NULL AS clin_sig, 1 AS ac, 2 AS an, [${AFS.map((a) => `CAST(${a} AS DOUBLE)`).join(', ')}][1 + j % 12] AS af ` +
        `FROM range(${String(VARIANTS)}) t(j)`,
    );
    // Nobody carries j % 10 = 9. Variants under j = 120 with an AF of the first six (buckets
    // NULL, 0, 0.0001, 0.005, 0.01) are carried by a seventh of the individuals (those gene
    // buckets dense), every other variant by eight (the buckets 0.02, 0.05 and +inf sparse in the
    // larger dataset, dense in the smaller one).
    const n = String(d.individuals);
    await conn.run(
      `CREATE TABLE ${src('g')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('ind-%07d', i) AS individual_id, printf('1-%d-C-T', 100 + j) AS variant_key, " +
        "CASE WHEN (i + j) % 7 = 0 THEN 'homozygous' ELSE 'heterozygous' END AS zygosity FROM (" +
        `SELECT i, j FROM range(${n}) a(i), range(120) b(j) WHERE j % 10 <> 9 AND j % 12 < 6 AND i % 7 = j % 7 ` +
        `UNION ALL SELECT (j * 37 + k * 3989) % ${n} AS i, j FROM range(${String(VARIANTS)}) b(j), ` +
        'range(8) c(k) WHERE j % 10 <> 9 AND NOT (j < 120 AND j % 12 < 6))',
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
  noteCacheTerms(['HP:0000152', 'HP:0001250']);
}, 180_000);
afterAll(() => {
  resetCacheTerms();
  conn.closeSync();
});
/** The ix of a stored row: its list, or the bits set in its bitmap. */
const ixsOf = (n: number): string =>
  `coalesce(ixs, (SELECT list(ix ORDER BY ix) FROM range(${String(n)}) t(ix) ` +
  'WHERE get_bit(k.bits, ix::INTEGER) = 1))';

describe('decision 0103: individuals per sex and country (cd_individual_bits)', () => {
  it('holds the individuals of every sex and country, NULL included, as a bitmap when dense, else a list', async () => {
    for (const d of DATASETS) {
      const db = datasetDatabaseName(d.id);
      const want = await rows({
        sql:
          `SELECT kind, value, list(ix ORDER BY ix) AS ixs FROM (SELECT 'sex' AS kind, sex AS value, ix ` +
          `FROM ${db}.cd_individuals UNION ALL SELECT 'country', country, ix FROM ${db}.cd_individuals) ` +
          'GROUP BY ALL ORDER BY ALL',
        params: [],
      });
      const got = await rows({
        sql:
          `SELECT kind, value, ${ixsOf(d.individuals)} AS ixs, members, ixs IS NULL AS dense, ` +
          `bit_length(bits) AS width FROM ${db}.cd_individual_bits k ORDER BY kind, value`,
        params: [],
      });
      expect(canonicalRows(got.map(({ kind, value, ixs }) => ({ kind, value, ixs })))).toBe(
        canonicalRows(want),
      );
      for (const g of got) {
        expect(g.members).toBe((g.ixs as unknown[]).length);
        expect(g.dense).toBe((g.members as number) * 32 >= d.individuals);
        if (g.dense === true) expect(Number(g.width)).toBe(d.individuals);
      }
      expect(got.some((g) => g.value === null && g.kind === 'sex')).toBe(true);
      expect(got.some((g) => g.value === null && g.kind === 'country')).toBe(true);
      if (d.individuals > 10_000)
        expect(got.some((g) => g.value === 'IS' && g.dense === false)).toBe(true);
    }
  });
});

describe('decision 0103: carriers per gene and AF bucket where dense (cd_gene_carrier_groups)', () => {
  it('holds exactly the dense gene × bucket groups of the distinct carriers', async () => {
    const stored: number[] = [];
    for (const d of DATASETS) {
      const db = datasetDatabaseName(d.id);
      const bucket = `CASE WHEN v.af IS NULL THEN NULL ${AF_EDGES.map((e) => `WHEN v.af <= ${String(e)} THEN ${String(e)}`).join(' ')} ELSE 'inf'::DOUBLE END`;
      const want = await rows({
        sql:
          `SELECT upper(v.gene) AS gene_key, ${bucket}::DOUBLE AS af_hi, list_sort(list_distinct(list(i.ix))) AS ixs ` +
          `FROM ${db}.genotypes g JOIN ${db}.variants v USING (variant_key) ` +
          `JOIN ${db}.cd_individuals i USING (individual_id) WHERE v.gene IS NOT NULL GROUP BY ALL ` +
          `HAVING len(list_distinct(list(i.ix))) * 32 >= ${String(d.individuals)} ORDER BY ALL`,
        params: [],
      });
      const got = await rows({
        sql:
          `SELECT gene_key, af_hi, ${ixsOf(d.individuals)} AS ixs, carriers, bit_length(bits) AS width ` +
          `FROM (SELECT *, NULL::INTEGER[] AS ixs FROM ${db}.cd_gene_carrier_groups) k ORDER BY gene_key, af_hi`,
        params: [],
      });
      expect(want.length).toBeGreaterThan(0);
      stored.push(got.length);
      expect(canonicalRows(got.map(({ gene_key, af_hi, ixs }) => ({ gene_key, af_hi, ixs })))).toBe(
        canonicalRows(want),
      );
      for (const g of got) {
        expect(g.carriers).toBe((g.ixs as unknown[]).length);
        expect(Number(g.width)).toBe(d.individuals);
      }
    }
    // The smaller dataset has dense groups the larger one lacks (its sparse buckets).
    expect(stored[1]).toBeGreaterThan(stored[0] ?? Infinity);
  });

  const GENES = ['TP53', 'brca1', 'APC', 'NOPE'];
  const BOUNDS = [undefined, 0, 0.00005, 0.0001, 0.004, 0.01, 0.012, 0.05, 0.3, 1];
  it('every gene criterion without a consequence: the carriers’ bitmap equals the plain scan', async () => {
    let nonEmpty = 0;
    for (const gene of GENES)
      for (const maxAf of BOUNDS)
        for (const d of DATASETS) {
          const genotype = { gene, ...(maxAf === undefined ? {} : { maxAf }) };
          const p = datasetPlan(CohortFiltersSchema.parse({ genotype, sexes: ['female'] }), d);
          const db = datasetDatabaseName(d.id);
          const plain = {
            sql:
              `(SELECT bitstring_agg(ix, 0, ${String(d.individuals - 1)}) FROM (SELECT unnest(v.carriers) ` +
              `AS ix FROM ${db}.cd_variants v WHERE ${p.variant?.sql ?? 'TRUE'}))`,
            params: p.variant?.params ?? [],
          };
          const set = p.genotypeSet;
          expect(set?.sql).toMatch(/cd_gene_carrier_groups/);
          const [r] = await rows({
            sql: `SELECT ${set?.sql ?? ''} IS NOT DISTINCT FROM ${plain.sql} AS same, bit_count(${plain.sql}) AS n`,
            params: [...(set?.params ?? []), ...plain.params, ...plain.params],
          });
          expect(r?.same, `${d.id} ${JSON.stringify(genotype)}`).toBe(true);
          if ((r?.n ?? 0) !== 0) nonEmpty++;
        }
    expect(nonEmpty).toBeGreaterThan(40);
    // A gene with a consequence reads its variants as before.
    const withConsequence = datasetPlan(
      CohortFiltersSchema.parse({
        genotype: { gene: 'TP53', consequence: 'stop_gained' },
        sexes: ['male'],
      }),
      DATASETS[0]!,
    ).genotypeSet;
    expect(withConsequence?.sql).not.toMatch(/cd_gene_carrier_groups/);
  });
});

describe('decision 0103: every statement of cohorts with sex, country and a gene equals the reference', () => {
  const COHORTS: Record<string, CohortFiltersInput> = {
    combined: {
      phenotypes: [{ id: 'HP:0000152' }],
      sexes: ['female', 'male'],
      genotype: { gene: 'TP53', maxAf: 0.05 },
    },
    unknownSexSparseCountry: {
      sexes: ['unknown'],
      countries: ['IS', 'SE'],
      genotype: { gene: 'brca1' },
    },
    countryTerm: { countries: ['FI', 'IT'], phenotypes: [{ id: 'HP:0001250' }] },
    sexBetweenEdges: { sexes: ['male'], genotype: { gene: 'APC', maxAf: 0.012 } },
    nobodyOfThatSexAndCountry: {
      sexes: ['unknown'],
      countries: ['ZZ'],
      genotype: { gene: 'TP53' },
    },
    nobodyOfThatCountry: { countries: ['ZZ'], phenotypes: [{ id: 'HP:0000152' }] },
    geneNobodyCarries: { sexes: ['female'], genotype: { gene: 'NOPE', maxAf: 0.05 } },
    diseaseWithGene: {
      diseases: ['ORPHA:145'],
      countries: ['SE'],
      genotype: { gene: 'TP53', maxAf: 0.01 },
    },
  };
  const EMPTY = new Set(['nobodyOfThatSexAndCountry', 'nobodyOfThatCountry', 'geneNobodyCarries']);
  for (const [name, input] of Object.entries(COHORTS))
    it(`${name}: count, rows, per country, per sex, per phenotype, export and variants`, async () => {
      const f = CohortFiltersSchema.parse(input);
      const statements: [string, BoundSql, BoundSql][] = [
        ['count', cohortCountSql(f, DATASETS), referenceSql.count(f)],
        ['rows', cohortRowsSql(f, 300, DATASETS), referenceSql.rows(f, 300)],
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
        ['byPhenotype', cohortByPhenotypeSql(f, 100, DATASETS), referenceSql.byPhenotype(f, 100)],
        ['export', cohortExportSql(f, 500, DATASETS), referenceSql.export(f, 500)],
        ['exportCount', cohortExportCountSql(f, DATASETS), referenceSql.export(f, 500, true)],
        ['variants', cohortVariantsSql(f, 200, DATASETS), referenceSql.variants(f, 200)],
      ];
      for (const [what, q, ref] of statements) {
        const got = await rows(q);
        if (
          !EMPTY.has(name) &&
          what !== 'exportCount' &&
          !(what === 'variants' && f.genotype === undefined)
        )
          expect(got.length, what).toBeGreaterThan(0);
        expect(canonicalRows(got), what).toBe(canonicalRows(await rows(ref)));
      }
      // Count, per country and per sex read the stored bitmaps, never a scan of the individuals.
      for (const q of [
        cohortCountSql(f, DATASETS),
        cohortByColumnSql(f, 'country', DATASETS),
        cohortByColumnSql(f, 'sex', DATASETS),
      ]) {
        expect(q.sql).toMatch(/cd_individual_bits/);
        expect(await planOf(q), name).not.toMatch(/cd_individuals/);
      }
    });
});

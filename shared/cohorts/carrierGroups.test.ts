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
 * Decision 0098 (layout 7): a genotype criterion without a gene reads the carriers of its whole
 * consequence and AF buckets from `cd_carrier_groups` (bitmaps for dense groups, ix lists for
 * sparse ones) and only the variants of the bucket its AF bound cuts from their lists. Held to the
 * plain scan of every matching variant's carriers and to the reference SQL over the public views,
 * on hostile data: NULL, NaN, negative, zero, above-1 and edge AFs, NULL and multiple ('&')
 * consequences, NULL genes, variants nobody carries, dense and sparse groups, two datasets of very
 * different sizes (so a group dense in one is sparse in the other).
 */

const DATASETS: CachedDataset[] = [
  { id: 'T-CARRIERS-A', individuals: 40_000 },
  { id: 'T-CARRIERS-B', individuals: 901 },
];
const CONSEQUENCES = [
  "'stop_gained'",
  "'missense_variant'",
  "'missense_variant&splice_region_variant'",
  'NULL',
  "'synonymous_variant'",
];
const AFS = [
  'NULL',
  '0',
  '0.0001',
  '0.00005',
  '0.001',
  '0.003',
  '0.01',
  '0.015',
  '0.05',
  '0.2',
  '1.5',
  "'NaN'",
  '-0.1',
  '1',
];
const VARIANTS = 3_000;
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
    await conn.run(
      `CREATE TABLE ${src('i')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('ind-%07d', i) AS individual_id, CASE i % 3 WHEN 0 THEN 'female' WHEN 1 THEN 'male' END AS sex, " +
        "'30-39' AS age_band, CASE i % 4 WHEN 0 THEN 'FI' WHEN 1 THEN 'SE' WHEN 2 THEN 'IT' END AS country, " +
        "['ORPHA:145'] AS diseases, CASE WHEN i % 5 = 0 THEN []::VARCHAR[] " +
        "ELSE ['HP:0000152', CASE WHEN i % 2 = 0 THEN 'HP:0001250' END] END AS phenotypes " +
        `FROM range(${String(d.individuals)}) t(i)`,
    );
    // Variant j: consequence by j % 5, AF by j % 14 (NULL, 0, on and between the edges, NaN,
    // negative, 1 and above), gene by j % 3 (TP53, BRCA1, NULL).
    await conn.run(
      `CREATE TABLE ${src('v')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('1-%d-C-T', 100 + j) AS variant_key, '1' AS chrom, (100 + j)::INTEGER AS pos, 'C' AS ref, " +
        "'T' AS alt, [ 'TP53', 'BRCA1', NULL ][1 + j % 3] AS gene, " +
        `[${CONSEQUENCES.join(', ')}][1 + j % 5] AS consequence, NULL AS hgvs_c, NULL AS hgvs_p, ` +
        `NULL AS clin_sig, 1 AS ac, 2 AS an, [${AFS.map((a) => `CAST(${a} AS DOUBLE)`).join(', ')}][1 + j % 14] AS af ` +
        `FROM range(${String(VARIANTS)}) t(j)`,
    );
    // Nobody carries j % 10 = 9. Stop-gained and missense variants under j = 70 are carried by a
    // seventh of the individuals (their groups dense), every other variant by ten (the groups of
    // the other consequences sparse in the larger dataset, dense in the smaller one); an
    // individual may carry several variants of one group.
    const n = String(d.individuals);
    await conn.run(
      `CREATE TABLE ${src('g')} AS SELECT '${d.id}' AS dataset_id, 'FI' AS node_id, ` +
        "printf('ind-%07d', i) AS individual_id, printf('1-%d-C-T', 100 + j) AS variant_key, " +
        "CASE WHEN (i + j) % 7 = 0 THEN 'homozygous' ELSE 'heterozygous' END AS zygosity FROM (" +
        `SELECT i, j FROM range(${n}) a(i), range(70) b(j) WHERE j % 5 < 2 AND i % 7 = j % 7 ` +
        `UNION ALL SELECT (j * 37 + k * 3989) % ${n} AS i, j FROM range(${String(VARIANTS)}) b(j), ` +
        'range(10) c(k) WHERE j % 10 <> 9 AND NOT (j < 70 AND j % 5 < 2))',
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

const CONSEQUENCE_CRITERIA = [
  undefined,
  'stop_gained',
  'missense_variant',
  'missense_variant&splice_region_variant',
];
const BOUNDS = [undefined, 0, 0.00005, 0.0001, 0.0007, 0.01, 0.012, 0.05, 0.3, 1];
const CRITERIA = CONSEQUENCE_CRITERIA.flatMap((consequence) =>
  BOUNDS.filter((maxAf) => consequence !== undefined || maxAf !== undefined).map((maxAf) => ({
    ...(consequence === undefined ? {} : { consequence }),
    ...(maxAf === undefined ? {} : { maxAf }),
  })),
);

describe('decision 0098: carriers per consequence and AF bucket (cd_carrier_groups)', () => {
  it('holds the distinct carriers of every consequence and bucket, as a bitmap when dense, else a list', async () => {
    for (const d of DATASETS) {
      const db = datasetDatabaseName(d.id);
      const bucket = `CASE WHEN v.af IS NULL THEN NULL ${AF_EDGES.map((e) => `WHEN v.af <= ${String(e)} THEN ${String(e)}`).join(' ')} ELSE 'inf'::DOUBLE END`;
      // From the public views: every carrier (individual) per consequence and bucket.
      const want = await rows({
        sql:
          `SELECT v.consequence, ${bucket}::DOUBLE AS af_hi, list_sort(list_distinct(list(i.ix))) AS ixs ` +
          `FROM ${db}.genotypes g JOIN ${db}.variants v USING (variant_key) ` +
          `JOIN ${db}.cd_individuals i USING (individual_id) GROUP BY ALL ORDER BY ALL`,
        params: [],
      });
      const got = await rows({
        sql:
          'SELECT consequence, af_hi, coalesce(ixs, (SELECT list(ix ORDER BY ix) FROM ' +
          `range(${String(d.individuals)}) t(ix) WHERE get_bit(c.bits, ix::INTEGER) = 1)) AS ixs, ` +
          'carriers, ixs IS NULL AS dense, bit_length(bits) AS width ' +
          `FROM ${db}.cd_carrier_groups c ORDER BY consequence, af_hi`,
        params: [],
      });
      expect(
        canonicalRows(got.map(({ consequence, af_hi, ixs }) => ({ consequence, af_hi, ixs }))),
      ).toBe(canonicalRows(want));
      for (const g of got) {
        expect(g.carriers).toBe((g.ixs as unknown[]).length);
        expect(g.dense).toBe((g.carriers as number) * 32 >= d.individuals);
        if (g.dense === true) expect(Number(g.width)).toBe(d.individuals);
      }
      // The hostile cases are in the groups: a NULL consequence, a NULL AF, NaN and above-1 AFs
      // (+inf), a multiple consequence; both representations.
      expect(got.some((g) => g.consequence === null)).toBe(true);
      expect(got.some((g) => g.af_hi === null)).toBe(true);
      expect(got.some((g) => g.af_hi === Infinity)).toBe(true);
      expect(got.some((g) => g.consequence === 'missense_variant&splice_region_variant')).toBe(
        true,
      );
      if (d.individuals > 10_000) {
        expect(got.some((g) => g.dense === true)).toBe(true);
        expect(got.some((g) => g.dense === false)).toBe(true);
      }
    }
  });

  it('every criterion without a gene: the carriers’ bitmap equals the plain scan of the matching variants', async () => {
    expect(CRITERIA.length).toBeGreaterThan(30);
    let nonEmpty = 0;
    for (const genotype of CRITERIA)
      for (const d of DATASETS) {
        const f = CohortFiltersSchema.parse({ genotype });
        const p = datasetPlan(f, d);
        const db = datasetDatabaseName(d.id);
        const plain = {
          sql:
            `(SELECT bitstring_agg(ix, 0, ${String(d.individuals - 1)}) FROM (SELECT unnest(v.carriers) ` +
            `AS ix FROM ${db}.cd_variants v WHERE ${p.variant?.sql ?? 'TRUE'}))`,
          params: p.variant?.params ?? [],
        };
        const set = p.genotypeSet;
        expect(set?.sql, JSON.stringify(genotype)).toMatch(/cd_carrier_groups/);
        const [r] = await rows({
          sql: `SELECT ${set?.sql ?? ''} IS NOT DISTINCT FROM ${plain.sql} AS same, bit_count(${plain.sql}) AS n`,
          params: [...(set?.params ?? []), ...plain.params, ...plain.params],
        });
        expect(r?.same, `${d.id} ${JSON.stringify(genotype)}`).toBe(true);
        if ((r?.n ?? 0) !== 0) nonEmpty++;
      }
    expect(nonEmpty).toBeGreaterThan(40);
  });

  it('a bound on an edge reads no variant list; a bound between edges reads the variants of its bucket only', () => {
    const d = DATASETS[0]!;
    const onEdge = datasetPlan(
      CohortFiltersSchema.parse({ genotype: { consequence: 'stop_gained', maxAf: 0.01 } }),
      d,
    ).genotypeSet;
    expect(onEdge?.sql).not.toMatch(/cd_variants/);
    const between = datasetPlan(
      CohortFiltersSchema.parse({ genotype: { consequence: 'stop_gained', maxAf: 0.012 } }),
      d,
    ).genotypeSet;
    expect(between?.sql).toMatch(/cd_variants v WHERE .* AND v\.af > \?/);
    expect(between?.params.at(-1)).toBe(0.01);
    // A gene criterion reads its variants as before (the layout keeps them together).
    const gene = datasetPlan(
      CohortFiltersSchema.parse({ genotype: { gene: 'TP53', maxAf: 0.01 } }),
      d,
    ).genotypeSet;
    expect(gene?.sql).not.toMatch(/cd_carrier_groups/);
  });

  const COHORTS: Record<string, CohortFiltersInput> = {
    rareStopGained: { genotype: { consequence: 'stop_gained', maxAf: 0.01 } },
    betweenEdges: { genotype: { consequence: 'missense_variant', maxAf: 0.012 } },
    multiple: { genotype: { consequence: 'missense_variant&splice_region_variant' } },
    afOnlyFemale: { genotype: { maxAf: 0.0007 }, sexes: ['female'] },
    zeroBoundTerm: { genotype: { maxAf: 0 }, phenotypes: [{ id: 'HP:0001250' }] },
    nobody: { genotype: { consequence: 'frameshift_variant', maxAf: 0.05 } },
  };
  for (const [name, input] of Object.entries(COHORTS))
    it(`${name}: every statement equals the reference over the views`, async () => {
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
        ['byPhenotype', cohortByPhenotypeSql(f, 100, DATASETS), referenceSql.byPhenotype(f, 100)],
        ['export', cohortExportSql(f, 500, DATASETS), referenceSql.export(f, 500)],
        ['exportCount', cohortExportCountSql(f, DATASETS), referenceSql.export(f, 500, true)],
        ['variants', cohortVariantsSql(f, 200, DATASETS), referenceSql.variants(f, 200)],
      ];
      for (const [what, q, ref] of statements) {
        const got = await rows(q);
        if (name !== 'nobody' && what !== 'exportCount')
          expect(got.length, what).toBeGreaterThan(0);
        expect(canonicalRows(got), what).toBe(canonicalRows(await rows(ref)));
      }
      expect(cohortCountSql(f, DATASETS).sql).toMatch(/cd_carrier_groups/);
      // A bound on an edge (or none): the count reads no variant's list.
      const max = f.genotype?.maxAf;
      if (max === undefined || AF_EDGES.includes(max))
        expect(await planOf(cohortCountSql(f, DATASETS))).not.toMatch(/cd_variants/);
    });
});

import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CachedDataset } from './cacheCatalog';
import { CohortFiltersSchema } from './definition';
import { layoutStatements } from './layout';
import { datasetDatabaseName, pendingMigrations, SCHEMA_TABLE_SQL, viewStatements } from './schema';
import { cohortExportSql, cohortRowsSql } from './sql';
import { canonicalRows } from './testing/querySuite';
import { referenceSql } from './testing/referenceSql';

/**
 * Decision 0083: a cohort's first rows are picked with the bitmap tested as a column of the scan,
 * and, for sex and country alone, with a LIMIT over `cd_individuals` in its stored (ix) order
 * instead of ranking every member. These tests hold them to the reference SQL over the views where
 * order could go wrong: a dataset of three row groups (122,880 rows each), members scattered over
 * all of them, native DuckDB on four threads.
 */

const ID = 'T-SPARSE';
const N = 300_000;
const catalog: CachedDataset[] = [{ id: ID, individuals: N }];
let conn: DuckDBConnection;

const rows = async (q: { sql: string; params: (string | number)[] }) =>
  (await conn.runAndReadAll(q.sql, q.params)).getRowObjectsJS();

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run('SET threads = 4');
  await conn.run(SCHEMA_TABLE_SQL);
  for (const s of pendingMigrations(0)) await conn.run(s);
  // Individual i carries the rare stop-gain when i % 5021 = 5 (60 carriers, the 50th at ix
  // 246,034, in the third row group), a common missense when i % 7 = 0; one in 4,999 has
  // HP:0000152. Ids are zero-padded, so ix = i.
  await conn.run(
    `CREATE TABLE src_i AS SELECT '${ID}' AS dataset_id, 'FI' AS node_id, ` +
      "printf('ind-%07d', i) AS individual_id, CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END AS sex, " +
      "'30-39' AS age_band, CASE WHEN i % 3 = 0 THEN 'FI' ELSE 'SE' END AS country, " +
      '[]::VARCHAR[] AS diseases, ' +
      "CASE WHEN i % 4999 = 11 THEN ['HP:0000152'] ELSE []::VARCHAR[] END AS phenotypes " +
      `FROM range(${String(N)}) t(i)`,
  );
  await conn.run(
    `CREATE TABLE src_v AS SELECT '${ID}' AS dataset_id, 'FI' AS node_id, * FROM (VALUES ` +
      "('1-100-C-T', '1', 100, 'C', 'T', 'BRCA1', 'stop_gained', NULL, NULL, NULL, 1, 600000, 0.0001), " +
      "('1-200-G-A', '1', 200, 'G', 'A', 'TP53', 'missense_variant', NULL, NULL, NULL, 1, 600000, 0.07)) " +
      'v(variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, ac, an, af)',
  );
  await conn.run(
    `CREATE TABLE src_g AS SELECT '${ID}' AS dataset_id, 'FI' AS node_id, ` +
      "printf('ind-%07d', i) AS individual_id, '1-100-C-T' AS variant_key, 'heterozygous' AS zygosity " +
      `FROM range(${String(N)}) t(i) WHERE i % 5021 = 5 UNION ALL SELECT '${ID}', 'FI', ` +
      "printf('ind-%07d', i), '1-200-G-A', 'homozygous' " +
      `FROM range(${String(N)}) t(i) WHERE i % 7 = 0`,
  );
  const db = datasetDatabaseName(ID);
  await conn.run(`CREATE SCHEMA ${db}`);
  for (const s of layoutStatements(
    { individuals: 'src_i', variants: 'src_v', genotypes: 'src_g' },
    db,
  ))
    await conn.run(s);
  for (const s of viewStatements([ID])) await conn.run(s);
}, 120_000);
afterAll(() => {
  conn.closeSync();
});

const FILTERS: Record<string, object> = {
  rareStopGained: { genotype: { consequence: 'stop_gained', maxAf: 0.01 } },
  stopGainedFemale: { genotype: { consequence: 'stop_gained' }, sexes: ['female'] },
  headNeck: { phenotypes: [{ id: 'HP:0000152', includeDescendants: false }] },
  femaleFi: { sexes: ['female'], countries: ['FI'] },
  missense: { genotype: { consequence: 'missense_variant' } },
};

describe('decision 0083: the first members of a cohort, read in stored order', () => {
  for (const [name, input] of Object.entries(FILTERS))
    it(`${name}: the first rows and the export equal the reference across row groups`, async () => {
      const f = CohortFiltersSchema.parse(input);
      for (const limit of [50, 20_000]) {
        const got = await rows(cohortRowsSql(f, limit, catalog));
        expect(got.length, `rows, limit ${String(limit)}`).toBeGreaterThan(0);
        expect(canonicalRows(got), `rows, limit ${String(limit)}`).toBe(
          canonicalRows(await rows(referenceSql.rows(f, limit))),
        );
      }
      expect(canonicalRows(await rows(cohortExportSql(f, 50, catalog))), 'export').toBe(
        canonicalRows(await rows(referenceSql.export(f, 50))),
      );
    }, 60_000);

  const planOf = async (name: string): Promise<string> => {
    const q = cohortRowsSql(CohortFiltersSchema.parse(FILTERS[name]), 50, catalog);
    return (await conn.runAndReadAll(`EXPLAIN ${q.sql}`, q.params))
      .getRows()
      .map((r) => String(r.at(-1)))
      .join('\n');
  };

  for (const name of ['rareStopGained', 'headNeck', 'stopGainedFemale'])
    it(`${name}: the bitmap is tested as a column of the scan, not as a nested-loop join`, async () => {
      // As a join condition the test cost several times the scan in both engines.
      expect(await planOf(name)).not.toMatch(/NL_JOIN/);
    });

  it('femaleFi: sex and country alone stop at the first members (a LIMIT, no ranking of every member)', async () => {
    const plan = await planOf('femaleFi');
    // One TOP_N: the final order by dataset and id over at most 50 rows (before: a second one
    // over every member's ix).
    expect(plan.match(/TOP_N/g)?.length).toBe(1);
    expect(plan).toMatch(/\bLIMIT\b|STREAMING_LIMIT/);
  });
});

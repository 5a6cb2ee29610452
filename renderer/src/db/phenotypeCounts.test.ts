import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CohortFiltersInput } from '../../../shared/cohorts/definition';
import { CohortFiltersSchema } from '../../../shared/cohorts/definition';
import { layoutStatements } from '../../../shared/cohorts/layout';
import { datasetDatabaseName } from '../../../shared/cohorts/schema';
import type { BoundSql } from '../../../shared/cohorts/sql';
import { cohortByPhenotypeSql } from '../../../shared/cohorts/sql';
import { canonicalRows } from '../../../shared/cohorts/testing/querySuite';
import { referenceSql } from '../../../shared/cohorts/testing/referenceSql';
import type { InProcessEngine } from './testing/inProcessEngine';
import { boundRows, openInProcessEngine } from './testing/inProcessEngine';

// Issue 20 in duckdb-wasm itself (the build the app ships): the phenotype counts of a cohort with a
// bitmap (decision 0107 measured other forms and kept the scan) equal the reference over the
// public views, with NULL and empty lists, a NULL term, a term listed twice and ties at the limit
// (DATA-03, DATA-05).
let e: InProcessEngine;
const D = { id: 'W-PHCOUNT', individuals: 3_000 };
const db = datasetDatabaseName(D.id);

const all = (q: BoundSql): Promise<Record<string, unknown>[]> => boundRows(e.conn, q.sql, q.params);

beforeAll(async () => {
  e = await openInProcessEngine();
  const ind =
    "SELECT 'W-PHCOUNT' AS dataset_id, 'FI' AS node_id, printf('ind-%05d', i) AS individual_id, " +
    "CASE i % 3 WHEN 0 THEN 'female' WHEN 1 THEN 'male' END AS sex, NULL::VARCHAR AS age_band, " +
    "'FI' AS country, []::VARCHAR[] AS diseases, CASE WHEN i % 9 = 0 THEN NULL " +
    "WHEN i % 9 = 1 THEN []::VARCHAR[] ELSE ['HP:0000152', printf('HP:99%05d', i % 40)] " +
    "|| CASE WHEN i % 13 = 0 THEN ['HP:0000118', 'HP:0000118'] ELSE [] END " +
    '|| CASE WHEN i % 17 = 0 THEN [NULL::VARCHAR] ELSE [] END END AS phenotypes ' +
    `FROM range(${String(D.individuals)}) t(i)`;
  const variants =
    "SELECT 'W-PHCOUNT' AS dataset_id, 'FI' AS node_id, printf('1-%d-C-T', 100 + j) AS variant_key, " +
    "'1' AS chrom, (100 + j)::INTEGER AS pos, 'C' AS ref, 'T' AS alt, ['EVERY', 'TP53', 'NOPE'][1 + j] AS gene, " +
    "'missense_variant' AS consequence, NULL::VARCHAR AS hgvs_c, NULL::VARCHAR AS hgvs_p, NULL::VARCHAR AS clin_sig, " +
    '1 AS ac, 2 AS an, 0.01::DOUBLE AS af FROM range(3) t(j)';
  const genotypes =
    "SELECT 'W-PHCOUNT' AS dataset_id, 'FI' AS node_id, printf('ind-%05d', i) AS individual_id, " +
    "printf('1-%d-C-T', 100 + j) AS variant_key, 'het' AS zygosity FROM " +
    `range(${String(D.individuals)}) a(i), range(2) b(j) WHERE j = 0 OR i % 3 = 0`;
  for (const s of [
    `CREATE TABLE src_i AS ${ind}`,
    `CREATE TABLE src_v AS ${variants}`,
    `CREATE TABLE src_g AS ${genotypes}`,
    `CREATE SCHEMA ${db}`,
    ...layoutStatements({ individuals: 'src_i', variants: 'src_v', genotypes: 'src_g' }, db),
    `CREATE VIEW individuals AS SELECT * FROM ${db}.individuals`,
    `CREATE VIEW variants AS SELECT * FROM ${db}.variants`,
    `CREATE VIEW genotypes AS SELECT * FROM ${db}.genotypes`,
  ])
    await e.conn.query(s);
}, 120_000);

afterAll(async () => {
  await e.close();
});

describe('issue 20 in duckdb-wasm: phenotype counts of a cohort with a bitmap (decision 0107)', () => {
  const COHORTS: Record<string, CohortFiltersInput> = {
    genotype: { genotype: { gene: 'TP53' } },
    sexAndGenotype: { sexes: ['female', 'male'], genotype: { gene: 'TP53' } },
    everyone: { genotype: { gene: 'EVERY' } },
    nobody: { genotype: { gene: 'NOPE' } },
  };
  for (const [name, input] of Object.entries(COHORTS))
    it(`${name}: per phenotype equals the reference over the views at every limit`, async () => {
      const f = CohortFiltersSchema.parse(input);
      for (const limit of [1, 3, 4, 10, 42, 43, 100]) {
        const q = cohortByPhenotypeSql(f, limit, [D]);
        const got = await all(q);
        if (name === 'nobody') expect(got).toEqual([]);
        else expect(got.length, `limit ${String(limit)}`).toBe(Math.min(limit, 43));
        expect(canonicalRows(got), `limit ${String(limit)}`).toBe(
          canonicalRows(await all(referenceSql.byPhenotype(f, limit))),
        );
      }
    });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetPlan } from '../../../shared/cohorts/cohortPlan';
import { CohortFiltersSchema } from '../../../shared/cohorts/definition';
import { layoutStatements } from '../../../shared/cohorts/layout';
import { datasetDatabaseName } from '../../../shared/cohorts/schema';
import type { InProcessEngine } from './testing/inProcessEngine';
import { boundRows, openInProcessEngine } from './testing/inProcessEngine';

// Decision 0098 in duckdb-wasm itself (the build the app ships): the renderer lays an older cache
// out in memory with layout.ts's statements, so the width variable, bitstring_agg over it and
// bit_or of BIT values must work there, and a criterion without a gene must find the carriers
// the plain scan of the matching variants finds.
let e: InProcessEngine;
const D = { id: 'W-CARRIERS', individuals: 2_000 };
const db = datasetDatabaseName(D.id);

async function one(sql: string, params: (string | number)[]): Promise<Record<string, unknown>> {
  return (await boundRows(e.conn, sql, params))[0] ?? {};
}

beforeAll(async () => {
  e = await openInProcessEngine();
  const ind =
    "SELECT 'W-CARRIERS' AS dataset_id, 'FI' AS node_id, printf('ind-%05d', i) AS individual_id, " +
    "'female' AS sex, NULL::VARCHAR AS age_band, 'FI' AS country, []::VARCHAR[] AS diseases, " +
    `['HP:0000152'] AS phenotypes FROM range(${String(D.individuals)}) t(i)`;
  const variants =
    "SELECT 'W-CARRIERS' AS dataset_id, 'FI' AS node_id, printf('1-%d-C-T', 100 + j) AS variant_key, " +
    "'1' AS chrom, (100 + j)::INTEGER AS pos, 'C' AS ref, 'T' AS alt, NULL::VARCHAR AS gene, " +
    "['stop_gained', 'missense_variant', NULL][1 + j % 3] AS consequence, NULL::VARCHAR AS hgvs_c, " +
    'NULL::VARCHAR AS hgvs_p, NULL::VARCHAR AS clin_sig, 1 AS ac, 2 AS an, ' +
    "[NULL, 0.00005, 0.001, 0.007, 0.03, 0.4, CAST('NaN' AS DOUBLE)][1 + j % 7]::DOUBLE AS af " +
    'FROM range(600) t(j)';
  // Stop-gained variants under 42 carried by a fifth of the individuals (dense groups), the rest
  // by one each (sparse groups), odd variants by nobody.
  const genotypes =
    "SELECT 'W-CARRIERS' AS dataset_id, 'FI' AS node_id, printf('ind-%05d', i) AS individual_id, " +
    "printf('1-%d-C-T', 100 + j) AS variant_key, 'het' AS zygosity FROM (SELECT i, j FROM " +
    `range(${String(D.individuals)}) a(i), range(42) b(j) WHERE j % 3 = 0 AND i % 5 = j % 5 ` +
    `UNION ALL SELECT (j * 13) % ${String(D.individuals)}, j FROM range(600) b(j) ` +
    'WHERE j % 2 = 0 AND NOT (j < 42 AND j % 3 = 0))';
  for (const s of [
    `CREATE TABLE src_i AS ${ind}`,
    `CREATE TABLE src_v AS ${variants}`,
    `CREATE TABLE src_g AS ${genotypes}`,
    `CREATE SCHEMA ${db}`,
    ...layoutStatements({ individuals: 'src_i', variants: 'src_v', genotypes: 'src_g' }, db),
  ])
    await e.conn.query(s);
}, 120_000);

afterAll(async () => {
  await e.close();
});

describe('decision 0098 in duckdb-wasm: carriers per consequence and AF bucket', () => {
  it('builds both kinds of group and answers every criterion as the plain scan', async () => {
    const kinds = await one(
      `SELECT count(bits)::INTEGER AS dense, count(ixs)::INTEGER AS sparse FROM ${db}.cd_carrier_groups`,
      [],
    );
    expect(kinds.dense).toBeGreaterThan(0);
    expect(kinds.sparse).toBeGreaterThan(0);
    let nonEmpty = 0;
    for (const consequence of [undefined, 'stop_gained', 'missense_variant'])
      for (const maxAf of [undefined, 0.00005, 0.0001, 0.005, 0.01, 0.02, 1]) {
        if (consequence === undefined && maxAf === undefined) continue;
        const genotype = {
          ...(consequence === undefined ? {} : { consequence }),
          ...(maxAf === undefined ? {} : { maxAf }),
        };
        const p = datasetPlan(CohortFiltersSchema.parse({ genotype }), D);
        const set = p.genotypeSet;
        expect(set?.sql).toMatch(/cd_carrier_groups/);
        const plain =
          `(SELECT bitstring_agg(ix, 0, ${String(D.individuals - 1)}) FROM (SELECT unnest(v.carriers) ` +
          `AS ix FROM ${db}.cd_variants v WHERE ${p.variant?.sql ?? 'TRUE'}))`;
        const r = await one(
          `SELECT (${set?.sql ?? ''} IS NOT DISTINCT FROM ${plain})::INTEGER AS same, ` +
            `bit_count(${plain})::INTEGER AS n`,
          [...(set?.params ?? []), ...(p.variant?.params ?? []), ...(p.variant?.params ?? [])],
        );
        expect(r.same, JSON.stringify(genotype)).toBe(1);
        if ((r.n ?? 0) !== 0) nonEmpty++;
      }
    expect(nonEmpty).toBeGreaterThan(10);
  });
});

import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsSql, caseRowsSql } from './filterSql';
import { genesAbsentSql } from './geneListSql';
import { queryLayoutSql } from './queryLayout';
import { generatedCaseSql } from './testing/generatedCase';

// Issue 16: a clinician types the gene list as it comes ("scn1a kcnq2", a symbol the case has no
// variant in). Symbols are matched without regard to case, as HGNC symbols are unique that way,
// and the symbols no variant of the case carries are named rather than silently keeping nothing.

let conn: DuckDBConnection;
const DB = 'case_genes';
const plain: CaseSqlContext = { db: DB, panelGenes: () => [] };
const laid: CaseSqlContext = { ...plain, pageTable: true, filterTable: true };
const all = { limit: 100_000, offset: 0 };

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${DB}`);
  for (const s of generatedCaseSql(DB, 600)) await conn.run(s);
  for (const s of queryLayoutSql(DB)) await conn.run(s);
  // An annotation that wrote its symbol in lower case (as some pipelines do for orfs).
  await conn.run(`UPDATE ${DB}.main.variant_genes SET gene = 'c1orf9' WHERE gene = 'G9'`);
});
afterAll(() => conn.closeSync());

describe('issue 16: the custom gene list is matched without regard to case', () => {
  for (const [name, ctx] of [
    ['plain query', plain],
    ['filter table', laid],
  ] as const)
    it(`${name}: "g1 G2" keeps what "G1 G2" keeps, "C1ORF9" finds the lower-case annotation`, async () => {
      const upper: CaseFilter = { genes: ['G1', 'G2'] };
      const mixed: CaseFilter = { genes: ['g1', 'G2'] };
      const want = await rows(caseRowsSql(upper, ctx, all));
      expect(want.length).toBeGreaterThan(0);
      expect(await rows(caseRowsSql(mixed, ctx, all))).toEqual(want);
      expect(await rows(caseCountsSql(mixed, ctx).sql)).toEqual(
        await rows(caseCountsSql(upper, ctx).sql),
      );
      const orf = await rows(caseRowsSql({ genes: ['C1ORF9'] }, ctx, all));
      expect(orf.length).toBeGreaterThan(0);
    });

  it('names the listed symbols no variant of the case is in, as they were typed', async () => {
    const absent = await rows(genesAbsentSql(DB, ['g1', 'NOTAGENE', 'C1orf9', 'kcnq2', "O'X"]));
    expect(absent.map((r) => r.gene)).toEqual(['NOTAGENE', 'kcnq2', "O'X"]);
    expect(await rows(genesAbsentSql(DB, ['G1']))).toEqual([]);
  });
});

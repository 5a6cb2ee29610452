import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsAndRowsSql, caseCountsSql, caseRowsSql } from './filterSql';
import type { LayoutPanel } from './queryLayout';
import { queryLayoutSql } from './queryLayout';
import { caseChangeSql, caseSortedRowsSql, filterChangeOf } from './reviewSql';
import { caseSqlContext } from './sqlContext';
import { generatedCaseSql } from './testing/generatedCase';

// Issue 16 (decision 0062): a filter change runs the counts and the first window in ONE statement
// (the steps once, not twice). Its counts and rows must be the two separate queries' exactly, in
// main's page (caseCountsAndRowsSql) and the table's default order with gene ranks (caseChangeSql),
// including a filter that keeps nothing (one row of counts, no kept row).

let conn: DuckDBConnection;
const DB = 'case_change';
const PANELS: LayoutPanel[] = [
  { id: 'acmg-sf', genes: ['G1', 'G4', 'G9', 'G28'] },
  { id: 'cancer', genes: ['G4', 'G5', 'G12', 'G13', 'G21'] },
  { id: 'epilepsy', genes: ['G3', 'G7', 'G11', 'G19'] },
];
const RANKS = new Map([
  ['G3', 1],
  ['G7', 2],
  ['G4', 3],
]);

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS();
const COUNT_COLUMNS = /^(total|kept|after_.*)$/;
const withoutCounts = (rs: Record<string, unknown>[]): Record<string, unknown>[] =>
  rs.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !COUNT_COLUMNS.test(k))));

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${DB}`);
  for (const s of generatedCaseSql(DB, 1500)) await conn.run(s);
  for (const s of queryLayoutSql(DB, PANELS)) await conn.run(s);
});
afterAll(() => conn.closeSync());

const FILTERS: [string, CaseFilter][] = [
  ['no filter', {}],
  ['panel', { panels: ['epilepsy'] }],
  ['frequency', { maxPopAf: 0.001 }],
  ['inheritance', { inheritance: ['autosomal_dominant', 'homozygous_recessive', 'compound_het'] }],
  [
    'panel + frequency + inheritance',
    { panels: ['epilepsy', 'cancer'], maxPopAf: 0.01, inheritance: ['compound_het'] },
  ],
  ['impact + genes + quality', { impacts: ['HIGH'], genes: ['G2', 'G4'], minGq: 20 }],
  ['nothing kept', { genes: [] }],
];

describe('issue 16: counts and the first window in one statement (decision 0062)', () => {
  for (const [name, filter] of FILTERS)
    it(`${name}: counts and rows equal the separate queries`, async () => {
      const ctx: CaseSqlContext = await caseSqlContext(rows, DB, PANELS);
      const counts = caseCountsSql(filter, ctx);
      const [c] = await rows(counts.sql);
      for (const page of [
        { limit: 200, offset: 0 },
        { limit: 7, offset: 11 },
      ]) {
        const both = caseCountsAndRowsSql(filter, ctx, page);
        expect(both.steps).toEqual(counts.steps);
        const got = filterChangeOf(await rows(both.sql), both.steps);
        expect(got.total).toBe(c?.total);
        expect(got.kept).toBe(c?.kept);
        for (const s of got.steps) expect(s.remaining).toBe(c?.[`after_${s.step}`]);
        expect(withoutCounts(got.rows)).toEqual(await rows(caseRowsSql(filter, ctx, page)));
      }
      const change = caseChangeSql(filter, ctx, { limit: 50, ranks: RANKS });
      const table = filterChangeOf(await rows(change.sql), change.steps);
      expect(table.kept).toBe(c?.kept);
      const sorted = await rows(
        caseSortedRowsSql(filter, ctx, {
          sort: { key: 'default', dir: 'asc' },
          kept: table.kept,
          limit: 50,
          ranks: RANKS,
        }),
      );
      expect(withoutCounts(table.rows)).toEqual(sorted);
      if (name === 'nothing kept') expect(table.rows).toEqual([]);
      else expect(table.rows.length).toBeGreaterThan(0);
    });
});

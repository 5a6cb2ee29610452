import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsSql } from './filterSql';
import { KEPT_SET, keptSetSql, keptWindowSql } from './keptSet';
import type { LayoutPanel } from './queryLayout';
import { queryLayoutSql } from './queryLayout';
import type { RowSort } from './reviewSql';
import { caseSortedRowsSql } from './reviewSql';
import { caseSqlContext } from './sqlContext';
import { generatedCaseSql } from './testing/generatedCase';

// Issue 16 (decision 0066): the table's later windows and its other orders page through the kept
// set materialised once per filter (keptSet.ts) instead of running the whole filter per window.
// Every window must be the one the plain query gives (caseSortedRowsSql, which runs the filter
// again): at the start, in the middle, at the end and past it, in the default order and in the
// orders a person can pick, with and without the filter table, and within a capped kept set.

let conn: DuckDBConnection;
const DB = 'case_kept';
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
  ['impact + genes + quality', { impacts: ['HIGH', 'MODERATE'], genes: ['G2', 'G4'], minGq: 20 }],
  ['nothing kept', { genes: [] }],
];

const SORTS: RowSort[] = [
  { key: 'default', dir: 'asc' },
  { key: 'gene', dir: 'desc' },
  { key: 'pop_af', dir: 'asc' },
  { key: 'rank', dir: 'asc' },
  { key: 'modes', dir: 'desc' },
  { key: 'chrom', dir: 'desc' },
];

/** Every window of the kept set of `f` in `sort` equals the plain query's window. */
async function expectWindows(f: CaseFilter, ctx: CaseSqlContext, sort: RowSort, cap: number) {
  const kept = Number((await rows(caseCountsSql(f, ctx).sql))[0]?.kept);
  await conn.run(keptSetSql(f, ctx, { sort, cap, ranks: RANKS }));
  const size = Number((await rows(`SELECT count(*) AS n FROM ${KEPT_SET}`))[0]?.n);
  expect(size).toBe(Math.min(kept, cap));
  const offsets = [0, 7, Math.floor(size / 2), Math.max(0, size - 5), size];
  for (const offset of offsets) {
    const limit = Math.min(13, Math.max(0, size - offset));
    const plain = await rows(
      caseSortedRowsSql(f, ctx, { sort, kept, offset, limit, ranks: RANKS }),
    );
    const window = await rows(keptWindowSql(f, ctx, { offset, limit, ranks: RANKS }));
    expect(window).toEqual(limit === 0 ? [] : plain);
  }
  return size;
}

describe('issue 16: windows and sorts page through the kept set (decision 0066)', () => {
  for (const [name, filter] of FILTERS)
    it(`${name}: every window equals the plain query's, in every order`, async () => {
      const laid = await caseSqlContext(rows, DB, PANELS);
      expect(laid.filterTable).toBe(true);
      // A schema-2 case's context: the steps and pages read `variants`.
      const plain: CaseSqlContext = {
        db: DB,
        panelGenes: (id) => PANELS.find((p) => p.id === id)?.genes ?? [],
      };
      for (const sort of SORTS) {
        const size = await expectWindows(filter, laid, sort, 100_000);
        await expectWindows(filter, plain, sort, 100_000);
        if (name === 'nothing kept') expect(size).toBe(0);
        else expect(size).toBeGreaterThan(20);
      }
    });

  it('a capped kept set holds the first rows of the order, and its windows equal the plain ones', async () => {
    const laid = await caseSqlContext(rows, DB, PANELS);
    for (const sort of SORTS) expect(await expectWindows({}, laid, sort, 40)).toBe(40);
  });
});

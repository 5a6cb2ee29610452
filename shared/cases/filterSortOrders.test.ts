import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter } from './filters';
import type { CaseSqlContext } from './filterSql';
import { caseCountsSql } from './filterSql';
import { derivedColumnsSql } from './inheritanceSql';
import { KEPT_SET, keptSetCapFor, keptSetSql, keptWindowSql } from './keptSet';
import type { LayoutPanel } from './queryLayout';
import {
  FILTER_TABLE,
  KEPT_FIRST,
  ORDER_COLUMNS,
  PAGE_TABLE,
  TABLE_ROWS,
  queryLayoutSql,
} from './queryLayout';
import type { RowSort } from './reviewSql';
import { SORT_KEYS, caseSortedRowsSql } from './reviewSql';
import { caseSqlContext } from './sqlContext';
import { generatedCaseSql } from './testing/generatedCase';

// Issue 16 (decision 0082): a change of the table's order builds the kept set as a top-N of
// integer keys over the filter table (the text columns by their dense rank `o_<column>`, case
// schema 6) instead of sorting every kept allele's page columns. The rows on screen and their
// order must stay exactly those of the full sort (caseSortedRowsSql: every kept row sorted by
// the column, missing values last, ties in the default order), ties included: here every sortable
// column has many ties and missing values, and every window of every order in both directions is
// compared with the full sort, with the sort orders, without them (a schema-5 case) and without
// the filter table (the steps over `variants`).

let conn: DuckDBConnection;
const DB = 'case_orders';
const N = 1200;
const PANELS: LayoutPanel[] = [
  { id: 'acmg-sf', genes: ['G1', 'G4', 'G9', 'G28'] },
  { id: 'cancer', genes: ['G4', 'G5', 'G12', 'G13', 'G21'] },
  { id: 'epilepsy', genes: ['G3', 'G7', 'G11', 'G19'] },
];
const RANKS = new Map([
  ['G3', 1],
  ['G7', 2],
  ['G4', 2],
]);

const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await conn.runAndReadAll(sql)).getRowObjectsJS();

// Ties and missing values in every sortable column (the generated case has one consequence, one
// GT and no HGVS or ClinVar): few distinct values, NULLs, and texts whose order is not their
// length's ('p.Arg10Ter' < 'p.Arg9Ter'); then `sort_key` again for the changed frequencies.
const h = (k: number, m: number): string =>
  `(hash(vid + ${String(k * 7919)}) % ${String(m)})::INTEGER`;
const VARIED = [
  `UPDATE ${DB}.main.variants SET
    gene = CASE WHEN ${h(1, 9)} = 0 THEN NULL ELSE gene END,
    consequence = ['missense_variant', 'stop_gained', 'synonymous_variant', NULL, 'frameshift_variant'][${h(2, 5)} + 1],
    hgvs_p = CASE WHEN ${h(3, 3)} = 0 THEN NULL ELSE 'p.Arg' || ${h(4, 12)} || 'Ter' END,
    p_gt = ['0/1', '1/1', '0|1', './.', NULL][${h(5, 5)} + 1],
    clinvar_sig = ['Pathogenic', 'Benign', 'Uncertain_significance', NULL, NULL][${h(6, 5)} + 1],
    pop_af = CASE WHEN ${h(7, 6)} = 0 THEN NULL ELSE ${h(8, 4)} / 1000.0 END,
    p_gq = CASE WHEN ${h(9, 8)} = 0 THEN NULL ELSE ${h(10, 5)} * 10 END,
    p_dp = CASE WHEN ${h(11, 8)} = 0 THEN NULL ELSE ${h(12, 4)} * 10 END,
    p_ab = CASE WHEN ${h(13, 8)} = 0 THEN NULL ELSE ${h(14, 3)} / 4.0 END,
    impact = CASE WHEN ${h(15, 11)} = 0 THEN NULL ELSE impact END`,
  `UPDATE ${DB}.main.variants SET impact_rank = CASE impact WHEN 'HIGH' THEN 4
    WHEN 'MODERATE' THEN 3 WHEN 'LOW' THEN 2 WHEN 'MODIFIER' THEN 1 ELSE 0 END`,
  derivedColumnsSql(DB),
];

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(`ATTACH ':memory:' AS ${DB}`);
  for (const s of generatedCaseSql(DB, N)) await conn.run(s);
  for (const s of VARIED) await conn.run(s);
  for (const s of queryLayoutSql(DB, PANELS)) await conn.run(s);
});
afterAll(() => conn.closeSync());

const FILTERS: [string, CaseFilter][] = [
  ['no filter', {}],
  ['panel', { panels: ['epilepsy', 'cancer'] }],
  ['frequency + quality', { maxPopAf: 0.002, minGq: 10 }],
  ['inheritance with compound hets', { inheritance: ['compound_het', 'autosomal_dominant'] }],
  [
    'panel + frequency + inheritance',
    { panels: ['acmg-sf', 'epilepsy'], maxPopAf: 0.01, inheritance: ['homozygous_recessive'] },
  ],
  ['nothing kept', { genes: [] }],
];

/** Every order the table offers, both ways. */
const SORTS: RowSort[] = SORT_KEYS.flatMap((key): RowSort[] =>
  key === 'default'
    ? [{ key, dir: 'asc' as const }]
    : [
        { key, dir: 'asc' as const },
        { key, dir: 'desc' as const },
      ],
);

/** The kept set of `f` in `sort` (capped at `cap`) as the table shows it: every window joined. */
async function shown(f: CaseFilter, ctx: CaseSqlContext, sort: RowSort, cap: number) {
  await conn.run(keptSetSql(f, ctx, { sort, cap, ranks: RANKS }));
  const size = Number((await rows(`SELECT count(*) AS n FROM ${KEPT_SET}`))[0]?.n);
  const out: Record<string, unknown>[] = [];
  for (let offset = 0; offset < size; offset += 300)
    out.push(...(await rows(keptWindowSql(f, ctx, { offset, limit: 300, ranks: RANKS }))));
  return out;
}

/** The full sort of every kept row (the reference), its first `cap`. */
async function fullSort(f: CaseFilter, ctx: CaseSqlContext, sort: RowSort, cap: number) {
  const kept = Number((await rows(caseCountsSql(f, ctx).sql))[0]?.kept);
  if (kept === 0) return [];
  return rows(caseSortedRowsSql(f, ctx, { sort, kept, limit: cap, offset: 0, ranks: RANKS }));
}

describe('issue 16: a change of order is a top-N over the filter table (decision 0082)', () => {
  it('the filter table holds each text column dense-ranked in DuckDB order, NULL kept NULL', async () => {
    for (const c of ORDER_COLUMNS) {
      const bad = await rows(`SELECT count(*)::INTEGER AS n FROM ${DB}.main.variants a
        JOIN ${DB}.main.${FILTER_TABLE} fa ON fa.vid = a.vid
        JOIN ${DB}.main.variants b ON true JOIN ${DB}.main.${FILTER_TABLE} fb ON fb.vid = b.vid
        WHERE a.vid < 300 AND b.vid < 300 AND NOT (
          (a.${c} IS NULL) = (fa.o_${c} IS NULL)
          AND (a.${c} < b.${c}) IS NOT DISTINCT FROM (fa.o_${c} < fb.o_${c})
          AND (a.${c} = b.${c}) IS NOT DISTINCT FROM (fa.o_${c} = fb.o_${c}))`);
      expect(bad[0]?.n, c).toBe(0);
      const [d] = await rows(
        `SELECT count(DISTINCT ${c})::INTEGER AS v, max(o_${c})::INTEGER AS o FROM ${DB}.main.variants JOIN ${DB}.main.${FILTER_TABLE} USING (vid)`,
      );
      expect(d?.o, c).toBe(d?.v);
    }
  });

  it('the orders of the case own columns read neither the page table nor every kept row', async () => {
    const ctx = await caseSqlContext(rows, DB, PANELS);
    expect(ctx.sortOrders).toBe(true);
    const own = SORTS.filter((s) => !['rank', 'cohort_max_freq', 'modes'].includes(s.key));
    for (const sort of own) {
      const sql = keptSetSql({ maxPopAf: 0.01 }, ctx, { sort, cap: 500 });
      expect(sql, sort.key).not.toContain(PAGE_TABLE);
      expect(sql, sort.key).not.toContain('.main.variants ');
      expect(sql, sort.key).toMatch(/ORDER BY [^)]*LIMIT 500\)/);
      const plan = JSON.stringify(await rows(`EXPLAIN ${sql.replace(/^CREATE[^\n]*\n/, '')}`));
      expect(plan, sort.key).toContain('TOP_N');
    }
  });

  for (const [name, filter] of FILTERS)
    it(`${name}: every order, both ways, shows the full sort's rows in its order`, async () => {
      const laid = await caseSqlContext(rows, DB, PANELS);
      // A schema-5 case: the filter table without the sort orders.
      const schema5: CaseSqlContext = { ...laid, sortOrders: false };
      // A schema-2 case: the steps and pages read `variants`.
      const plain: CaseSqlContext = {
        db: DB,
        panelGenes: (id) => PANELS.find((p) => p.id === id)?.genes ?? [],
      };
      for (const sort of SORTS)
        for (const [ctx, label] of [
          [laid, 'schema 6'],
          [schema5, 'schema 5'],
          [plain, 'no filter table'],
        ] as const) {
          const want = await fullSort(filter, ctx, sort, 100_000);
          expect(
            await shown(filter, ctx, sort, 100_000),
            `${sort.key} ${sort.dir} ${label}`,
          ).toEqual(want);
          if (name !== 'nothing kept') expect(want.length).toBeGreaterThan(20);
        }
    }, 120_000);

  it('a capped kept set is the first rows of the full sort, ties at the cut included', async () => {
    const laid = await caseSqlContext(rows, DB, PANELS);
    for (const sort of SORTS)
      for (const cap of [1, 37, 200]) {
        const want = await fullSort({}, laid, sort, cap);
        expect(want).toHaveLength(cap);
        expect(await shown({}, laid, sort, cap), `${sort.key} ${sort.dir} ${String(cap)}`).toEqual(
          want,
        );
      }
  }, 120_000);

  it('the kept set is built with its first KEPT_FIRST rows, and again with TABLE_ROWS for a window past them', () => {
    expect(KEPT_FIRST).toBeLessThan(TABLE_ROWS);
    // None built (a change of order, the first scroll of a filter, an export of 10,000 rows).
    expect(keptSetCapFor(200, undefined)).toBe(KEPT_FIRST);
    expect(keptSetCapFor(KEPT_FIRST, undefined)).toBe(KEPT_FIRST);
    expect(keptSetCapFor(KEPT_FIRST + 1, undefined)).toBe(TABLE_ROWS);
    // The first build holds the windows within it; one past it builds every row the table shows.
    expect(keptSetCapFor(KEPT_FIRST, KEPT_FIRST)).toBeUndefined();
    expect(keptSetCapFor(KEPT_FIRST + 200, KEPT_FIRST)).toBe(TABLE_ROWS);
    expect(keptSetCapFor(TABLE_ROWS, TABLE_ROWS)).toBeUndefined();
    expect(keptSetCapFor(400, TABLE_ROWS)).toBeUndefined();
  });
});

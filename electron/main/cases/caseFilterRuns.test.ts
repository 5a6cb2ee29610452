import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilter } from '../../../shared/cases/filters';
import type { FilterRun, FilterRunArgs, RunSql } from '../../../shared/cases/filterRuns';
import { caseFilterRuns } from '../../../shared/cases/filterRuns';
import type { LayoutPanel } from '../../../shared/cases/queryLayout';
import { FILTER_TABLE, queryLayoutSql } from '../../../shared/cases/queryLayout';
import type { RowSort } from '../../../shared/cases/reviewSql';
import { caseChangeSql, filterChangeOf } from '../../../shared/cases/reviewSql';
import { caseSqlContext } from '../../../shared/cases/sqlContext';
import { generatedCaseSql } from '../../../shared/cases/testing/generatedCase';
import type { WasmDuckDb } from './testing/wasmDuckDb';
import { openWasmDuckDb } from './testing/wasmDuckDb';

// Issue 16 (decision 0086): a change of the table's order keeps the kept alleles, so the page
// (renderer caseQueries.ts → shared/cases/filterRuns.ts) does not count them again: its statements
// are the kept set in the new order and its first window, nothing else. Run in duckdb-wasm, the
// page's engine, on a generated case; every statement the runs send is recorded.

const DB = 'case_runs';
const PANELS: LayoutPanel[] = [
  { id: 'acmg-sf', genes: ['G1', 'G4', 'G9', 'G28'] },
  { id: 'epilepsy', genes: ['G3', 'G7', 'G11', 'G19'] },
];
const FILTERS: [string, CaseFilter][] = [
  [
    'panel + frequency + inheritance',
    { panels: ['epilepsy'], maxPopAf: 0.01, inheritance: ['homozygous_recessive', 'compound_het'] },
  ],
  ['frequency', { maxPopAf: 0.001 }],
];
const BY_GENE: RowSort = { key: 'gene', dir: 'asc' };
const DEFAULT: RowSort = { key: 'default', dir: 'asc' };
let wasm: WasmDuckDb;
let sent: string[];
const run: RunSql = (sql) => {
  sent.push(sql);
  return Promise.resolve(wasm.query(sql));
};
const COUNTS = /count\(\*\)::INTEGER AS total/;
// The change statement's rows also carry the counts (decision 0062); the page reads the row
// columns only (CaseVariantRowSchema).
const COUNT_COLUMNS = /^(total|kept|after_.*)$/;
const plain = (r: FilterRun): FilterRun => ({
  ...r,
  rows: r.rows.map((x) =>
    Object.fromEntries(Object.entries(x).filter(([k]) => !COUNT_COLUMNS.test(k))),
  ),
});

beforeAll(async () => {
  wasm = await openWasmDuckDb();
  wasm.query(`ATTACH ':memory:' AS ${DB}`);
  for (const s of [...generatedCaseSql(DB, 1500), ...queryLayoutSql(DB, PANELS)]) wasm.query(s);
}, 120_000);
afterAll(() => wasm.close());

async function argsOf(filter: CaseFilter, sort: RowSort): Promise<FilterRunArgs> {
  const ctx = await caseSqlContext((sql) => Promise.resolve(wasm.query(sql)), DB, PANELS);
  return { ctx, filter, panels: PANELS, sort, ranks: undefined };
}

describe('issue 16: a change of order does not count the kept alleles again (decision 0086)', () => {
  for (const [name, filter] of FILTERS)
    it(`${name}: by gene, then back to the default order, without a count`, async () => {
      const runs = caseFilterRuns(run);
      sent = [];
      const first = plain(await runs.filter(await argsOf(filter, DEFAULT), { recount: true }));
      // The filter change itself: counts and the first window in one statement (decision 0062).
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(COUNTS);

      sent = [];
      const byGene = await runs.filter(await argsOf(filter, BY_GENE), { recount: false });
      // The kept set by gene and its first window; no statement counts.
      expect(sent).toHaveLength(2);
      expect(sent[0]).toMatch(/^CREATE OR REPLACE TEMP TABLE/);
      expect(sent.some((s) => COUNTS.test(s))).toBe(false);
      // What a run that counts gives (a fresh connection's state: nothing remembered).
      const fresh = await caseFilterRuns(run).filter(await argsOf(filter, BY_GENE), {
        recount: true,
      });
      expect(byGene).toEqual(fresh);
      expect({ ...byGene, rows: [] }).toEqual({ ...first, rows: [] });

      sent = [];
      const back = await runs.filter(await argsOf(filter, DEFAULT), { recount: false });
      expect(sent).toHaveLength(1);
      expect(sent[0]).not.toMatch(COUNTS);
      expect(plain(back)).toEqual(first);
      const change = caseChangeSql(filter, (await argsOf(filter, DEFAULT)).ctx, { limit: 200 });
      expect(back.rows).toEqual(
        plain({ ...first, rows: filterChangeOf(wasm.query(change.sql), change.steps).rows }).rows,
      );
    });

  it('counts again when asked to (a new cohort cache) or when the filter is another', async () => {
    const runs = caseFilterRuns(run);
    const [, a] = FILTERS[0] ?? ['', {}];
    const [, b] = FILTERS[1] ?? ['', {}];
    await runs.filter(await argsOf(a, BY_GENE), { recount: true });
    sent = [];
    await runs.filter(await argsOf(a, BY_GENE), { recount: true });
    expect(sent.filter((s) => COUNTS.test(s))).toHaveLength(1);
    sent = [];
    const other = await runs.filter(await argsOf(b, BY_GENE), { recount: false });
    expect(sent.filter((s) => COUNTS.test(s))).toHaveLength(1);
    expect(other).toEqual(
      await caseFilterRuns(run).filter(await argsOf(b, BY_GENE), { recount: true }),
    );
  });
});

/** How many scans of `table` the plan of `sql` has (EXPLAIN in duckdb-wasm, JSON plan). */
function scansOf(sql: string, table: string): number {
  const [row] = wasm.query(`EXPLAIN (FORMAT json) ${sql}`);
  interface Op {
    extra_info?: { Table?: string };
    children?: Op[];
  }
  const count = (op: Op): number =>
    (op.extra_info?.Table === table ? 1 : 0) +
    (op.children ?? []).reduce((n, c) => n + count(c), 0);
  const plan = JSON.parse(String(Object.values(row ?? {}).at(-1))) as Op[];
  return plan.reduce((n, op) => n + count(op), 0);
}

// Issue 16 (decision 0093): from case schema 7 the compound-het sides carry the filter table's
// columns, so the page's pairing tests the other steps on the sides of the page's genes instead
// of a second scan of the filter table (`pre`) for the alleles they keep. The filters below pair
// the page's compound hets over the other steps (not every allele, not compound hets as a step).
const PAGE_PAIRED: [string, CaseFilter][] = [
  ['panel', { panels: ['epilepsy'] }],
  ['panel + frequency', { panels: ['epilepsy'], maxPopAf: 0.02 }],
  [
    'panel + frequency + inheritance',
    { panels: ['acmg-sf', 'epilepsy'], maxPopAf: 0.02, inheritance: ['homozygous_recessive'] },
  ],
  ['frequency', { maxPopAf: 0.001 }],
  ['gene list + quality + pass', { genes: ['G2', 'g5'], minGq: 20, minDp: 10, passOnly: true }],
  [
    'regions + consequence + allele balance',
    {
      regions: [
        { chrom: 'chr5', start: 0, end: 40_000 },
        { chrom: '7', start: 10_000, end: 60_000 },
      ],
      impacts: ['HIGH', 'MODERATE'],
      consequences: ['missense_variant'],
      minAb: 0.2,
      maxAb: 0.9,
    },
  ],
];

describe('issue 16: the page pairs compound hets over the sides alone (decision 0093)', () => {
  for (const [name, filter] of PAGE_PAIRED)
    it(`${name}: no scan of the filter table to pair, the rows and counts of the pairing over it`, async () => {
      const ctx = (await argsOf(filter, DEFAULT)).ctx;
      expect(ctx.laidSides).toBe(true);
      sent = [];
      const got = await caseFilterRuns(run).filter(await argsOf(filter, DEFAULT), {
        recount: true,
      });
      expect(sent).toHaveLength(1);
      // The filter table is read twice, for the steps' counts and for the page (a top-N over
      // it, decision 0086); the pairing reads comphet_sides alone, not the alleles `pre` keeps.
      expect(scansOf(sent[0] ?? '', FILTER_TABLE)).toBe(2);
      expect(sent[0]).not.toMatch(/SELECT vid FROM pre\b/);
      // The statement of a schema-6 case (the sides without the filter table's columns) pairs
      // over a third scan of the filter table, and gives the same counts and rows.
      const old = caseChangeSql(filter, { ...ctx, laidSides: false }, { limit: 200 });
      expect(scansOf(old.sql, FILTER_TABLE)).toBe(3);
      expect(old.sql).toMatch(/SELECT vid FROM pre WHERE ch_all > 0/);
      const want = filterChangeOf(wasm.query(old.sql), old.steps);
      expect({ ...got, rows: [] }).toMatchObject({ ...want, rows: [] });
      expect(plain(got).rows).toEqual(plain({ ...got, rows: want.rows }).rows);
      expect(got.rows.length).toBeGreaterThan(0);
    });

  it('the page pairs real compound hets there (the equality above is not over empty pairings)', async () => {
    const paired = await Promise.all(
      PAGE_PAIRED.slice(0, 3).map(async ([, filter]) => {
        const r = await caseFilterRuns(run).filter(await argsOf(filter, DEFAULT), {
          recount: true,
        });
        return r.rows.filter((x) => String(x.modes).includes('compound_het')).length;
      }),
    );
    for (const n of paired) expect(n).toBeGreaterThan(0);
  });
});

/**
 * Issue 16's filter-change timings on one decrypted case database (bench/case-import.ts): native
 * DuckDB attached once (counts + a page of 200: runCaseQuery, what main and the CLI run), and
 * duckdb-wasm (the page's engine) with the SQL the page runs per filter change (the catalog check,
 * then counts + the first window of the table in one statement, decision 0062) and per later
 * window (a scroll far down: the filter run again as before decision 0066, and the kept set's
 * build once per filter, its first KEPT_FIRST rows and all TABLE_ROWS (decision 0082), and a
 * window read from it), and per change of the table's order. Wall
 * p50/p95 and the CPU time of this process per change (each engine runs in it), since the machine
 * is shared: over every call and per filter combination (`byFilter`, so the slow one is visible).
 * Each path runs each filter `rounds` times (before, the wasm paths ran at most 5 rounds: n = 25,
 * a p95 that was the second-worst call).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Panel } from '../../shared/cases/channels';
import type { CaseFilter } from '../../shared/cases/filters';
import type { CaseSqlContext } from '../../shared/cases/filterSql';
import { caseCountsSql, caseRowsSql } from '../../shared/cases/filterSql';
import { keptSetSql, keptWindowSql } from '../../shared/cases/keptSet';
import { KEPT_FIRST, TABLE_ROWS, TABLE_WINDOW } from '../../shared/cases/queryLayout';
import { caseSqlContext } from '../../shared/cases/sqlContext';
import { caseChangeSql, caseSortedRowsSql, filterChangeOf } from '../../shared/cases/reviewSql';
import { runCaseQuery } from '../../electron/main/cases/caseQuery';
import { openWasmDuckDb } from '../../electron/main/cases/testing/wasmDuckDb';
import { SCHEMA_TABLE_SQL, pendingMigrations, viewStatements } from '../../shared/cohorts/schema';

export const FILTERS: [string, CaseFilter][] = [
  ['panel', { panels: ['epilepsy'] }],
  ['frequency', { maxPopAf: 0.001 }],
  ['inheritance', { inheritance: ['autosomal_dominant', 'homozygous_recessive', 'compound_het'] }],
  [
    'panel + frequency + inheritance',
    { panels: ['epilepsy'], maxPopAf: 0.01, inheritance: ['homozygous_recessive'] },
  ],
  [
    'impact + frequency + inheritance',
    { impacts: ['HIGH', 'MODERATE'], maxPopAf: 0.001, inheritance: ['compound_het'] },
  ],
];

/** Wall p50/p95 (ms), the number of calls and the mean CPU ms per call. */
interface Sample {
  p50: number;
  p95: number;
  n: number;
  cpuMsPerChange: number;
}

/** Over every filter, and per filter combination (FILTERS' names): the slow one is visible. */
interface Stats extends Sample {
  byFilter: Record<string, Sample>;
}

const pct = (xs: number[], p: number): number =>
  Number(
    (
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0
    ).toFixed(1),
  );

/** Wall percentiles and the mean CPU time of `wall.length` calls that took `cpuMs` in all. */
const sampleOf = (wall: number[], cpuMs: number): Sample => ({
  p50: pct(wall, 0.5),
  p95: pct(wall, 0.95),
  n: wall.length,
  cpuMsPerChange: Math.round(cpuMs / Math.max(1, wall.length)),
});

/** The wall and CPU ms of each call, per filter name. */
type Calls = Map<string, { wall: number[]; cpu: number[] }>;

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Every call's stats, and each filter's (issue 16: the p95 over all hides which one is slow). */
function statsOf(calls: Calls): Stats {
  const all = [...calls.values()];
  const byFilter: Record<string, Sample> = {};
  for (const [name, c] of calls) byFilter[name] = sampleOf(c.wall, sum(c.cpu));
  return {
    ...sampleOf(
      all.flatMap((c) => c.wall),
      sum(all.flatMap((c) => c.cpu)),
    ),
    byFilter,
  };
}

/**
 * Times `run` once per filter per round (`rounds` calls of each filter, the filters interleaved):
 * wall and CPU time (process.cpuUsage: every engine runs in this process) of each call. `before`
 * runs untimed ahead of each call.
 */
async function timed(
  rounds: number,
  run: (f: CaseFilter) => Promise<void> | void,
  before?: (f: CaseFilter) => void,
): Promise<Stats> {
  const calls: Calls = new Map(FILTERS.map(([name]) => [name, { wall: [], cpu: [] }]));
  for (let r = 0; r < rounds; r++)
    for (const [name, filter] of FILTERS) {
      before?.(filter);
      const c0 = process.cpuUsage();
      const t = performance.now();
      await run(filter);
      const wall = performance.now() - t;
      const c = process.cpuUsage(c0);
      const own = calls.get(name);
      own?.wall.push(wall);
      own?.cpu.push((c.user + c.system) / 1000);
    }
  return statsOf(calls);
}

const cohortViews = [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([])];

/** Filter timings on the case database `bytes` (written to `plainFile` for native DuckDB a while). */
export async function filterTimes(opts: {
  bytes: Uint8Array;
  plainFile: string;
  panels: readonly Panel[];
  rounds: number;
  wasm: boolean;
  say: (m: string) => void;
}): Promise<Record<string, Stats | boolean | null>> {
  const { panels, rounds } = opts;
  const alias = 'case_bench';
  opts.say('filters: native DuckDB');
  writeFileSync(opts.plainFile, opts.bytes, { mode: 0o600 });
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  let native: Stats;
  let ctx: CaseSqlContext;
  try {
    await conn.run(`ATTACH '${opts.plainFile}' AS ${alias} (READ_ONLY)`);
    for (const s of cohortViews) await conn.run(s);
    ctx = await caseSqlContext(
      async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS(),
      alias,
      panels,
      { individuals: 'individuals', genotypes: 'genotypes' },
    );
    native = await timed(rounds, async (filter) => {
      await runCaseQuery(conn, alias, { filter, panels, page: { limit: 200, offset: 0 } });
    });
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(opts.plainFile, { force: true });
  }
  const { pageTable = false, filterTable = false } = ctx;
  const panelBits = (ctx.panelBits?.size ?? 0) > 0;
  if (!opts.wasm)
    return {
      pageTable,
      filterTable,
      panelBits,
      native,
      wasm: null,
      wasmTableChange: null,
      wasmWindowRerun: null,
      wasmKeptSet: null,
      wasmKeptSetFull: null,
      wasmWindow: null,
      wasmSortChange: null,
      wasmSortChangePage: null,
      wasmSortKeptSetFull: null,
    };

  opts.say('filters: duckdb-wasm');
  const db = await openWasmDuckDb();
  const file = `/vault/${alias}.duckdb`;
  db.registerFile(file, opts.bytes);
  db.query(`ATTACH '${file}' AS ${alias} (READ_ONLY)`);
  for (const s of cohortViews) db.query(s);
  const sort = { key: 'default', dir: 'asc' } as const;
  const kept = new Map<CaseFilter, number>();
  try {
    // The same SQL as native: counts and a page of 200.
    const wasm = await timed(rounds, (filter) => {
      db.query(caseCountsSql(filter, ctx).sql);
      db.query(caseRowsSql(filter, ctx, { limit: 200, offset: 0 }));
      return Promise.resolve();
    });
    // What the page runs per filter change in the default order (caseQueries.ts runCaseFilter):
    // the catalog and panel-bit check, then counts and the first window in one statement.
    const wasmTableChange = await timed(rounds, async (filter) => {
      const page = await caseSqlContext((sql) => Promise.resolve(db.query(sql)), alias, panels, {
        individuals: 'individuals',
        genotypes: 'genotypes',
      });
      const change = caseChangeSql(filter, page, { limit: TABLE_WINDOW });
      kept.set(filter, filterChangeOf(db.query(change.sql), change.steps).kept);
    });
    // A window far down the table (the middle of the kept rows, at most TABLE_ROWS), as scrolling
    // loaded it before decision 0066: the whole filter again for the window.
    const middle = (filter: CaseFilter): number =>
      Math.floor(Math.min(kept.get(filter) ?? 0, TABLE_ROWS) / 2);
    const wasmWindowRerun = await timed(rounds, (filter) => {
      const offset = middle(filter);
      db.query(caseSortedRowsSql(filter, ctx, { sort, kept: 0, limit: TABLE_WINDOW, offset }));
      return Promise.resolve();
    });
    // Decision 0066: the first later window builds the kept set once per filter (keptSetSql),
    // its first KEPT_FIRST rows (decision 0082) ...
    const wasmKeptSet = await timed(rounds, (filter) => {
      db.query(keptSetSql(filter, ctx, { sort, cap: KEPT_FIRST }));
      return Promise.resolve();
    });
    // ... and a window past them builds it again with TABLE_ROWS (a scroll far down) ...
    const wasmKeptSetFull = await timed(rounds, (filter) => {
      db.query(keptSetSql(filter, ctx, { sort, cap: TABLE_ROWS }));
      return Promise.resolve();
    });
    // ... and every window reads it (the kept set of the last filter: the window of each filter
    // is timed right after its kept set is built, untimed).
    const wasmWindow = await timed(
      rounds,
      (filter) => {
        db.query(keptWindowSql(filter, ctx, { offset: middle(filter), limit: TABLE_WINDOW }));
      },
      (filter) => {
        db.query(keptSetSql(filter, ctx, { sort, cap: TABLE_ROWS }));
      },
    );
    // A change of the table's order (by gene), as runCaseFilter runs it: counts, the sorted kept
    // set (its first KEPT_FIRST rows, a top-N over the filter table, decision 0082), its first
    // window; and the same build with TABLE_ROWS (a scroll past KEPT_FIRST rows in that order).
    const bySort = { key: 'gene', dir: 'asc' } as const;
    const wasmSortChange = await timed(rounds, (filter) => {
      db.query(caseCountsSql(filter, ctx).sql);
      db.query(keptSetSql(filter, ctx, { sort: bySort, cap: KEPT_FIRST }));
      db.query(keptWindowSql(filter, ctx, { offset: 0, limit: TABLE_WINDOW }));
      return Promise.resolve();
    });
    // ... as the page runs it since decision 0086: the counts of the filter are kept (a change of
    // order keeps the kept alleles), so the kept set and its first window alone.
    const wasmSortChangePage = await timed(rounds, (filter) => {
      db.query(keptSetSql(filter, ctx, { sort: bySort, cap: KEPT_FIRST }));
      db.query(keptWindowSql(filter, ctx, { offset: 0, limit: TABLE_WINDOW }));
      return Promise.resolve();
    });
    const wasmSortKeptSetFull = await timed(rounds, (filter) => {
      db.query(keptSetSql(filter, ctx, { sort: bySort, cap: TABLE_ROWS }));
      return Promise.resolve();
    });
    for (const [path, stats] of [
      ['native', native],
      ['wasmTableChange', wasmTableChange],
    ] as const)
      for (const [name, b] of Object.entries(stats.byFilter))
        opts.say(
          `${path} ${name}: p50 ${String(b.p50)} p95 ${String(b.p95)} ms, CPU ${String(b.cpuMsPerChange)} ms (n ${String(b.n)})`,
        );
    return {
      pageTable,
      filterTable,
      panelBits,
      native,
      wasm,
      wasmTableChange,
      wasmWindowRerun,
      wasmKeptSet,
      wasmKeptSetFull,
      wasmWindow,
      wasmSortChange,
      wasmSortChangePage,
      wasmSortKeptSetFull,
    };
  } finally {
    db.close();
  }
}

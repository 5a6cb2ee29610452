/**
 * Issue 16's filter-change timings on one decrypted case database (bench/case-import.ts): native
 * DuckDB attached once (counts + a page of 200: runCaseQuery, what main and the CLI run), and
 * duckdb-wasm (the page's engine) with the SQL the page runs per filter change (the catalog check,
 * then counts + the first window of the table in one statement, decision 0062) and per later
 * window (a scroll far down: the filter run again as before decision 0066, and the kept set's
 * build once per filter, its first KEPT_FIRST rows and all TABLE_ROWS (decision 0082), and a
 * window read from it), and per change of the table's order. Wall
 * p50/p95 and the CPU time of
 * this process per change (each engine runs in it), since the machine is shared.
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

interface Stats {
  p50: number;
  p95: number;
  n: number;
  cpuMsPerChange: number;
}

const pct = (xs: number[], p: number): number =>
  Number(
    (
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0
    ).toFixed(1),
  );

/** Times `run` once per filter per round: wall percentiles and mean CPU time per call. */
async function timed(rounds: number, run: (f: CaseFilter) => Promise<void>): Promise<Stats> {
  const wall: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++)
    for (const [, filter] of FILTERS) {
      const t = performance.now();
      await run(filter);
      wall.push(performance.now() - t);
    }
  const cpu = process.cpuUsage(cpu0);
  return statsOf(wall, (cpu.user + cpu.system) / 1000);
}

/** Wall percentiles and the mean CPU time of `wall.length` calls that took `cpuMs` in all. */
const statsOf = (wall: number[], cpuMs: number): Stats => ({
  p50: pct(wall, 0.5),
  p95: pct(wall, 0.95),
  n: wall.length,
  cpuMsPerChange: Math.round(cpuMs / Math.max(1, wall.length)),
});

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
    const wasmTableChange = await timed(Math.min(rounds, 5), async (filter) => {
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
    const wasmWindowRerun = await timed(Math.min(rounds, 5), (filter) => {
      const offset = middle(filter);
      db.query(caseSortedRowsSql(filter, ctx, { sort, kept: 0, limit: TABLE_WINDOW, offset }));
      return Promise.resolve();
    });
    // Decision 0066: the first later window builds the kept set once per filter (keptSetSql),
    // its first KEPT_FIRST rows (decision 0082) ...
    const wasmKeptSet = await timed(Math.min(rounds, 5), (filter) => {
      db.query(keptSetSql(filter, ctx, { sort, cap: KEPT_FIRST }));
      return Promise.resolve();
    });
    // ... and a window past them builds it again with TABLE_ROWS (a scroll far down) ...
    const wasmKeptSetFull = await timed(Math.min(rounds, 5), (filter) => {
      db.query(keptSetSql(filter, ctx, { sort, cap: TABLE_ROWS }));
      return Promise.resolve();
    });
    // ... and every window reads it (the kept set of the last filter: the window of each filter
    // is timed right after its kept set is built).
    const windowCpu: number[] = [];
    const windowWall: number[] = [];
    for (let r = 0; r < Math.min(rounds, 5); r++)
      for (const [, filter] of FILTERS) {
        db.query(keptSetSql(filter, ctx, { sort, cap: TABLE_ROWS }));
        const c0 = process.cpuUsage();
        const t = performance.now();
        db.query(keptWindowSql(filter, ctx, { offset: middle(filter), limit: TABLE_WINDOW }));
        windowWall.push(performance.now() - t);
        const c = process.cpuUsage(c0);
        windowCpu.push((c.user + c.system) / 1000);
      }
    const wasmWindow = statsOf(
      windowWall,
      windowCpu.reduce((a, b) => a + b, 0),
    );
    // A change of the table's order (by gene), as runCaseFilter runs it: counts, the sorted kept
    // set (its first KEPT_FIRST rows, a top-N over the filter table, decision 0082), its first
    // window; and the same build with TABLE_ROWS (a scroll past KEPT_FIRST rows in that order).
    const bySort = { key: 'gene', dir: 'asc' } as const;
    const wasmSortChange = await timed(Math.min(rounds, 5), (filter) => {
      db.query(caseCountsSql(filter, ctx).sql);
      db.query(keptSetSql(filter, ctx, { sort: bySort, cap: KEPT_FIRST }));
      db.query(keptWindowSql(filter, ctx, { offset: 0, limit: TABLE_WINDOW }));
      return Promise.resolve();
    });
    // ... as the page runs it since decision 0086: the counts of the filter are kept (a change of
    // order keeps the kept alleles), so the kept set and its first window alone.
    const wasmSortChangePage = await timed(Math.min(rounds, 5), (filter) => {
      db.query(keptSetSql(filter, ctx, { sort: bySort, cap: KEPT_FIRST }));
      db.query(keptWindowSql(filter, ctx, { offset: 0, limit: TABLE_WINDOW }));
      return Promise.resolve();
    });
    const wasmSortKeptSetFull = await timed(Math.min(rounds, 5), (filter) => {
      db.query(keptSetSql(filter, ctx, { sort: bySort, cap: TABLE_ROWS }));
      return Promise.resolve();
    });
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

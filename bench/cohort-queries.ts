/**
 * Cohort queries at ≥ 5,000,000 genotype rows (issues 6 and 20): the suite of
 * shared/cohorts/testing/querySuite.ts in duckdb-wasm (headless Chromium via playwright-core) and in native
 * DuckDB over the same DuckDB file the vault serves (query layout of decision 0027), plus each
 * query's "floor" (bench/cohort/floors.ts: the same answer, native, from tables laid out for that
 * query), all in one run. Per query p50 and p95 of runs 2..N and CPU ms per run (Chromium's process
 * tree for wasm, this process for native: contention on a shared machine inflates wall time far
 * more than CPU time); then the Cohorts page's whole evaluation per filter (runCohort's statements).
 * BENCH_BUNDLE picks duckdb-wasm's bundle: eh (one thread, default), coi (threads, cross-origin
 * isolated page) or both: one Chromium per bundle, each query timed in both, alternating which
 * goes first, in the same window; the coi figures go in a second set of columns (issue 20, 0102).
 * Run: npx tsx bench/cohort-queries.ts [genotypeRows]   (BENCH_REPS=21, BENCH_WARMUP=0 by default)
 *   → bench/results/cohort-queries.json + a markdown table.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDuckDbFile } from '../electron/main/vault/duckdbFile';
import { noteCacheTerms } from '../shared/cohorts/cacheTerms';
import { CohortFiltersSchema } from '../shared/cohorts/definition';
import { canonicalRows, SUITE_FILTERS, suiteQueries } from '../shared/cohorts/testing/querySuite';
import {
  datasetDatabaseName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../shared/cohorts/schema';
import { cohortPageStatements, PAGE_DELIVERY } from '../shared/cohorts/pageStatements';
import { buildFloorTables, floorSql } from './cohort/floors';
import { call, openPage, startPageServer } from './cohort/pageHost';
import { machineLoad, percentile, round, selfCpuMs, treeCpuMs } from './cohort/stats';
import { BENCH_DATASET_ID, benchDataset } from './cohort/benchDataset';

const GENOTYPES = Number(process.argv[2] ?? 5_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 21);
/**
 * Untimed wasm runs of every suite query before the timed ones (decision 0040): V8 compiles
 * duckdb-wasm's functions with its baseline compiler and optimises those that turn hot later, in
 * the background, which a loaded machine delays for minutes; 0 keeps the earlier (cold) figures.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 0);
const BUNDLE = process.env.BENCH_BUNDLE ?? 'eh';
if (!['eh', 'coi', 'both'].includes(BUNDLE))
  throw new Error(`BENCH_BUNDLE must be eh, coi or both, not ${BUNDLE}`);
const ID = BENCH_DATASET_ID;
const log = (m: string): void => void process.stderr.write(`[cohort-queries] ${m}\n`);
const loadAtStart = machineLoad();

log(`generating ${String(GENOTYPES)} genotype rows; ${loadAtStart}`);
const data = benchDataset(GENOTYPES);
const work = mkdtempSync(join(tmpdir(), 'cohort-bench-'));
let t0 = performance.now();
const database = await buildDuckDbFile(join(work, 'scratch'), data, data);
const buildMs = performance.now() - t0;
log(`DuckDB file: ${(database.length / 1e6).toFixed(1)} MB in ${buildMs.toFixed(0)} ms`);
const catalog = [{ id: ID, individuals: data.individuals.individual_id.length }];

const { origin, server } = await startPageServer(new Map([[`/data/${ID}/data.duckdb`, database]]));
/** One Chromium per bundle: its page, what init reported, its RSS and load time. */
async function startBundle(bundle: 'eh' | 'coi') {
  const p = await openPage(origin);
  const started = await call(p.tab, 'init', bundle);
  if (bundle === 'coi' && (!started.crossOriginIsolated || started.threads < 2))
    throw new Error(`coi did not start threaded: ${JSON.stringify(started)}`);
  const rssBeforeMB = p.rss() / 1_048_576;
  const loadMs = await call(p.tab, 'attach', ID);
  const rssReadyMB = p.rss() / 1_048_576;
  log(`wasm ${bundle} (${String(started.threads)} threads) attach ${loadMs.toFixed(0)} ms`);
  return { page: p, started, rssBeforeMB, rssReadyMB, loadMs };
}
const first = await startBundle(BUNDLE === 'coi' ? 'coi' : 'eh');
const second = BUNDLE === 'both' ? await startBundle('coi') : undefined;
const page = first.page;
const { rssBeforeMB, rssReadyMB, loadMs: wasmLoadMs } = first;

const file = join(work, 'data.duckdb');
writeFileSync(file, database);
const native = await (await DuckDBInstance.create(':memory:')).connect();
t0 = performance.now();
await native.run(`ATTACH '${file}' AS ${datasetDatabaseName(ID)} (READ_ONLY)`);
for (const s of [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([ID])])
  await native.run(s);
const nativeLoadMs = performance.now() - t0;
const floor = await (await DuckDBInstance.create(':memory:')).connect();
await floor.run(`ATTACH '${file}' AS src (READ_ONLY)`);
await buildFloorTables(floor, 'src');
// As db/ does on load: HPO expansions keep only the terms the cache carries.
noteCacheTerms(
  (await native.runAndReadAll(`SELECT term FROM ${datasetDatabaseName(ID)}.cd_term_counts`))
    .getRows()
    .map((r) => String(r[0])),
);

interface Timing {
  p50: number;
  p95: number;
  cpuMs: number;
}
const timing = (ms: number[], cpuMs: number): Timing => ({
  p50: round(percentile(ms.slice(1), 50)),
  p95: round(percentile(ms.slice(1), 95)),
  cpuMs: round(cpuMs / ms.length),
});
async function nativeRuns(conn: typeof native, q: { sql: string; params: (string | number)[] }) {
  const ms: number[] = [];
  let out: Record<string, unknown>[] = [];
  const c0 = selfCpuMs();
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    out = (await conn.runAndReadAll(q.sql, q.params)).getRowObjectsJS();
    ms.push(performance.now() - t);
  }
  return { t: timing(ms, selfCpuMs() - c0), rows: out };
}

if (WARMUP > 0)
  for (const q of suiteQueries(catalog))
    for (const p of [page, second?.page])
      if (p !== undefined)
        await call(p.tab, 'time', q.bound.sql, q.bound.params, WARMUP, q.delivery);

/** A query's wasm runs in one page: times, CPU of that Chromium's process tree, rows. */
async function wasmRuns(p: typeof page, q: ReturnType<typeof suiteQueries>[number]) {
  const c0 = treeCpuMs(p.pid);
  const w = await call(p.tab, 'time', q.bound.sql, q.bound.params, REPS, q.delivery);
  return { t: timing(w.ms, treeCpuMs(p.pid) - c0), rows: w.rows };
}

const rows: {
  query: string;
  rows: number;
  wasm: Timing;
  coi?: Timing;
  native: Timing;
  floor: Timing;
}[] = [];
for (const [i, q] of suiteQueries(catalog).entries()) {
  // With both bundles, which runs first alternates per query (drift of the machine's load).
  let coi: Awaited<ReturnType<typeof wasmRuns>> | undefined;
  if (second !== undefined && i % 2 === 1) coi = await wasmRuns(second.page, q);
  const w = await wasmRuns(page, q);
  if (second !== undefined && i % 2 === 0) coi = await wasmRuns(second.page, q);
  const wasm = w.t;
  const n = await nativeRuns(native, q.bound);
  const [name = '', kind = ''] = q.name.split('.');
  const filters = CohortFiltersSchema.parse(SUITE_FILTERS[name]);
  const fl = await nativeRuns(floor, {
    sql: floorSql(filters, kind, catalog[0]!.individuals),
    params: [],
  });
  if (w.rows !== n.rows.length)
    throw new Error(`${q.name}: wasm ${String(w.rows)} rows, native ${String(n.rows.length)}`);
  if (coi !== undefined && coi.rows !== n.rows.length)
    throw new Error(`${q.name}: coi ${String(coi.rows)} rows, native ${String(n.rows.length)}`);
  if (canonicalRows(fl.rows) !== canonicalRows(n.rows))
    throw new Error(`${q.name}: the floor answers differently`);
  rows.push({
    query: q.name,
    rows: n.rows.length,
    wasm,
    ...(coi !== undefined ? { coi: coi.t } : {}),
    native: n.t,
    floor: fl.t,
  });
  log(
    `${q.name}: wasm p50 ${String(wasm.p50)} ms${coi !== undefined ? `, coi ${String(coi.t.p50)}` : ''}, native ${String(n.t.p50)}, floor ${String(fl.t.p50)}`,
  );
}
const rssAfterSuiteMB = page.rss() / 1_048_576;
const coiRssAfterSuiteMB = second !== undefined ? second.page.rss() / 1_048_576 : undefined;

// The Cohorts page's evaluation (runCohort: the statements of shared/cohorts/pageStatements.ts), per filter.
const page20k: {
  filter: string;
  p50: number;
  p95: number;
  coi?: { p50: number; p95: number };
}[] = [];
for (const [i, [name, input]] of Object.entries(SUITE_FILTERS).entries()) {
  const f = CohortFiltersSchema.parse(input);
  const statements = cohortPageStatements(f, catalog).map((s) => s.bound);
  const evaluate = async (p: typeof page) => {
    const ms = await call(
      p.tab,
      'timeAll',
      statements,
      Math.max(3, Math.ceil(REPS / 4)),
      PAGE_DELIVERY,
    );
    return { p50: round(percentile(ms.slice(1), 50)), p95: round(percentile(ms.slice(1), 95)) };
  };
  let coi: { p50: number; p95: number } | undefined;
  if (second !== undefined && i % 2 === 1) coi = await evaluate(second.page);
  const eh = await evaluate(page);
  if (second !== undefined && i % 2 === 0) coi = await evaluate(second.page);
  page20k.push({ filter: name, ...eh, ...(coi !== undefined ? { coi } : {}) });
}
const outside = [...page.outside, ...(second?.page.outside ?? [])];
await page.close();
await second?.page.close();
server.close();
native.closeSync();
floor.closeSync();
rmSync(work, { recursive: true, force: true });

const ratio = (a: number, b: number): number => round(a / b, 2);
const queries = rows.map((r) => ({
  ...r,
  wasmOverNative: ratio(r.wasm.p50, r.native.p50),
  nativeOverFloor: ratio(r.native.p50, r.floor.p50),
  wasmOverFloor: ratio(r.wasm.p50, r.floor.p50),
}));
const count = (ok: (q: (typeof queries)[number]) => boolean): string =>
  `${String(queries.filter(ok).length)}/${String(queries.length)}`;
const result = {
  when: new Date().toISOString(),
  machine: { atStart: loadAtStart, atEnd: machineLoad(), node: process.versions.node },
  genotypeRows: data.genotypes.individual_id.length,
  individuals: catalog[0]!.individuals,
  variants: data.variants.variant_key.length,
  databaseMB: round(database.length / 1_048_576, 2),
  buildMs: round(buildMs),
  reps: REPS,
  wasmWarmupRunsPerQuery: WARMUP,
  statistic: 'p50 and p95 (nearest rank) of runs 2..N; cpuMs: CPU per run over all N',
  engines: `duckdb-wasm 1.32 (${first.started.bundle}, Chromium, ${String(first.started.threads)} thread(s))${second !== undefined ? ` and (coi, ${String(second.started.threads)} threads)` : ''} vs native @duckdb/node-api 1.4.4 (default threads)`,
  wasmLoadMs: round(wasmLoadMs),
  nativeLoadMs: round(nativeLoadMs),
  rssMB: {
    beforeAttach: round(rssBeforeMB),
    ready: round(rssReadyMB),
    afterSuite: round(rssAfterSuiteMB),
  },
  ...(second !== undefined
    ? {
        coi: {
          threads: second.started.threads,
          wasmLoadMs: round(second.loadMs),
          rssMB: {
            beforeAttach: round(second.rssBeforeMB),
            ready: round(second.rssReadyMB),
            afterSuite: round(coiRssAfterSuiteMB ?? NaN),
          },
          coiWithinTwoXNative: count((q) => q.coi !== undefined && q.coi.p50 / q.native.p50 <= 2),
        },
      }
    : {}),
  outsideRequests: outside,
  wasmWithinTwoXNative: count((q) => q.wasmOverNative <= 2),
  nativeWithinThreeXFloor: count((q) => q.nativeOverFloor <= 3),
  wasmP95Under300ms: count((q) => q.wasm.p95 < 300),
  queries,
  cohortPage: page20k,
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'cohort-queries.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
const lines = [
  `${String(result.genotypeRows)} genotype rows, ${String(result.individuals)} individuals; file ${String(result.databaseMB)} MiB (built in ${String(result.buildMs)} ms); ${result.engines}; ${result.statistic}`,
  `machine at start: ${loadAtStart}; at end: ${result.machine.atEnd}; wasm warm-up runs per query: ${String(WARMUP)}`,
  '',
  '| query | rows | wasm p50 / p95 ms | wasm cpu ms | native p50 / p95 ms | native cpu ms | floor p50 ms | wasm/native | native/floor | wasm/floor |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...queries.map(
    (q) =>
      `| ${q.query} | ${String(q.rows)} | ${String(q.wasm.p50)} / ${String(q.wasm.p95)} | ${String(q.wasm.cpuMs)} | ${String(q.native.p50)} / ${String(q.native.p95)} | ${String(q.native.cpuMs)} | ${String(q.floor.p50)} | ${String(q.wasmOverNative)} | ${String(q.nativeOverFloor)} | ${String(q.wasmOverFloor)} |`,
  ),
  '',
  '| Cohorts page evaluation (count, 20,000 rows, by country, by sex, by phenotype, variants) | wasm p50 ms | p95 ms |',
  '|---|---:|---:|',
  ...page20k.map((p) => `| ${p.filter} | ${String(p.p50)} | ${String(p.p95)} |`),
  ...(second !== undefined
    ? [
        '',
        '| query (coi, same run) | coi p50 / p95 ms | coi cpu ms | eh p50 ms | eh cpu ms | native p50 ms | coi/native | coi/eh cpu |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        ...queries.map(
          (q) =>
            `| ${q.query} | ${String(q.coi?.p50)} / ${String(q.coi?.p95)} | ${String(q.coi?.cpuMs)} | ${String(q.wasm.p50)} | ${String(q.wasm.cpuMs)} | ${String(q.native.p50)} | ${String(ratio(q.coi?.p50 ?? NaN, q.native.p50))} | ${String(ratio(q.coi?.cpuMs ?? NaN, q.wasm.cpuMs))} |`,
        ),
        '',
        '| Cohorts page evaluation, coi | coi p50 ms | coi p95 ms | eh p50 ms |',
        '|---|---:|---:|---:|',
        ...page20k.map(
          (p) =>
            `| ${p.filter} | ${String(p.coi?.p50)} | ${String(p.coi?.p95)} | ${String(p.p50)} |`,
        ),
        `coi within 2× native: ${result.coi?.coiWithinTwoXNative ?? ''}; coi ${String(second.started.threads)} threads; coi attach ${String(result.coi?.wasmLoadMs)} ms; coi Chromium RSS MB before attach / ready / after suite: ${String(result.coi?.rssMB.beforeAttach)} / ${String(result.coi?.rssMB.ready)} / ${String(result.coi?.rssMB.afterSuite)}`,
      ]
    : []),
  '',
  `wasm within 2× native: ${result.wasmWithinTwoXNative}; native within 3× floor: ${result.nativeWithinThreeXFloor}; wasm p95 under 300 ms: ${result.wasmP95Under300ms}`,
  `ready: wasm attach ${String(result.wasmLoadMs)} ms, native ${String(result.nativeLoadMs)} ms; Chromium RSS MB before attach / ready / after suite: ${String(result.rssMB.beforeAttach)} / ${String(result.rssMB.ready)} / ${String(result.rssMB.afterSuite)}; outside requests: ${String(outside.length)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);

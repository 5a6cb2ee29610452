/**
 * Cohort queries at ≥ 5,000,000 genotype rows (issues 6 and 20): the suite of
 * shared/cohorts/testing/querySuite.ts in duckdb-wasm (headless Chromium via playwright-core) and in native
 * DuckDB over the same DuckDB file the vault serves (query layout of decision 0027), plus each
 * query's "floor" (bench/cohort/floors.ts: the same answer, native, from tables laid out for that
 * query), all in one run. Per query p50 and p95 of runs 2..N and CPU ms per run (Chromium's process
 * tree for wasm, this process for native: contention on a shared machine inflates wall time far
 * more than CPU time); then the Cohorts page's whole evaluation per filter (runCohort's statements).
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
const page = await openPage(origin);
await call(page.tab, 'init');
const rssBeforeMB = page.rss() / 1_048_576;
const wasmLoadMs = await call(page.tab, 'attach', ID);
const rssReadyMB = page.rss() / 1_048_576;
log(`wasm attach ${wasmLoadMs.toFixed(0)} ms`);

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
    await call(page.tab, 'time', q.bound.sql, q.bound.params, WARMUP, q.delivery);

const rows: { query: string; rows: number; wasm: Timing; native: Timing; floor: Timing }[] = [];
for (const q of suiteQueries(catalog)) {
  const c0 = treeCpuMs(page.pid);
  const w = await call(page.tab, 'time', q.bound.sql, q.bound.params, REPS, q.delivery);
  const wasm = timing(w.ms, treeCpuMs(page.pid) - c0);
  const n = await nativeRuns(native, q.bound);
  const [name = '', kind = ''] = q.name.split('.');
  const filters = CohortFiltersSchema.parse(SUITE_FILTERS[name]);
  const fl = await nativeRuns(floor, {
    sql: floorSql(filters, kind, catalog[0]!.individuals),
    params: [],
  });
  if (w.rows !== n.rows.length)
    throw new Error(`${q.name}: wasm ${String(w.rows)} rows, native ${String(n.rows.length)}`);
  if (canonicalRows(fl.rows) !== canonicalRows(n.rows))
    throw new Error(`${q.name}: the floor answers differently`);
  rows.push({ query: q.name, rows: n.rows.length, wasm, native: n.t, floor: fl.t });
  log(
    `${q.name}: wasm p50 ${String(wasm.p50)} ms, native ${String(n.t.p50)}, floor ${String(fl.t.p50)}`,
  );
}
const rssAfterSuiteMB = page.rss() / 1_048_576;

// The Cohorts page's evaluation (runCohort: the statements of shared/cohorts/pageStatements.ts), per filter.
const page20k: { filter: string; p50: number; p95: number }[] = [];
for (const [name, input] of Object.entries(SUITE_FILTERS)) {
  const f = CohortFiltersSchema.parse(input);
  const statements = cohortPageStatements(f, catalog).map((s) => s.bound);
  const ms = await call(
    page.tab,
    'timeAll',
    statements,
    Math.max(3, Math.ceil(REPS / 4)),
    PAGE_DELIVERY,
  );
  page20k.push({
    filter: name,
    p50: round(percentile(ms.slice(1), 50)),
    p95: round(percentile(ms.slice(1), 95)),
  });
}
const outside = page.outside;
await page.close();
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
  engines:
    'duckdb-wasm 1.32 (eh, Chromium, 1 thread) vs native @duckdb/node-api 1.4.4 (default threads)',
  wasmLoadMs: round(wasmLoadMs),
  nativeLoadMs: round(nativeLoadMs),
  rssMB: {
    beforeAttach: round(rssBeforeMB),
    ready: round(rssReadyMB),
    afterSuite: round(rssAfterSuiteMB),
  },
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
  '',
  `wasm within 2× native: ${result.wasmWithinTwoXNative}; native within 3× floor: ${result.nativeWithinThreeXFloor}; wasm p95 under 300 ms: ${result.wasmP95Under300ms}`,
  `ready: wasm attach ${String(result.wasmLoadMs)} ms, native ${String(result.nativeLoadMs)} ms; Chromium RSS MB before attach / ready / after suite: ${String(result.rssMB.beforeAttach)} / ${String(result.rssMB.ready)} / ${String(result.rssMB.afterSuite)}; outside requests: ${String(outside.length)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);

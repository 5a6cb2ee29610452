/**
 * Why one suite query costs what it does (issue 20): EXPLAIN ANALYZE of the query in duckdb-wasm
 * (one thread) and in native DuckDB with one thread and with its default threads, over the same
 * file bench/cohort-queries.ts builds, plus p50 wall time of each engine. Wasm runs single-threaded,
 * so native with one thread shows the work itself; native's parallelism is the rest of the ratio.
 * Run: npx tsx bench/cohort-explain.ts <genotypeRows> <query-name regex> [BENCH_REPS=9, BENCH_PLAN=1]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDuckDbFile } from '../electron/main/vault/duckdbFile';
import { noteCacheTerms } from '../shared/cohorts/cacheTerms';
import {
  datasetDatabaseName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../shared/cohorts/schema';
import { suiteQueries } from '../shared/cohorts/testing/querySuite';
import { call, openPage, startPageServer } from './cohort/pageHost';
import { machineLoad, percentile, round, selfCpuMs, treeCpuMs } from './cohort/stats';
import { BENCH_DATASET_ID, benchDataset } from './cohort/benchDataset';

const GENOTYPES = Number(process.argv[2] ?? 1_000_000);
const PATTERN = new RegExp(process.argv[3] ?? '.');
const REPS = Number(process.env.BENCH_REPS ?? 9);
const PLAN = process.env.BENCH_PLAN !== '0';
const ID = BENCH_DATASET_ID;
const out = (m: string): void => void process.stdout.write(`${m}\n`);

out(machineLoad());
const data = benchDataset(GENOTYPES);
const work = mkdtempSync(join(tmpdir(), 'cohort-explain-'));
const database = await buildDuckDbFile(join(work, 'scratch'), data, data);
const catalog = [{ id: ID, individuals: data.individuals.individual_id.length }];
const file = join(work, 'data.duckdb');
writeFileSync(file, database);

const { origin, server } = await startPageServer(new Map([[`/data/${ID}/data.duckdb`, database]]));
const page = await openPage(origin);
await call(page.tab, 'init');
await call(page.tab, 'attach', ID);

const open = async (threads?: number) => {
  const c = await (await DuckDBInstance.create(':memory:')).connect();
  if (threads !== undefined) await c.run(`SET threads = ${String(threads)}`);
  await c.run(`ATTACH '${file}' AS ${datasetDatabaseName(ID)} (READ_ONLY)`);
  for (const s of [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([ID])])
    await c.run(s);
  return c;
};
const one = await open(1);
const many = await open();
noteCacheTerms(
  (await many.runAndReadAll(`SELECT term FROM ${datasetDatabaseName(ID)}.cd_term_counts`))
    .getRows()
    .map((r) => String(r[0])),
);
const p50 = (ms: number[]): number => round(percentile(ms.slice(1), 50), 2);
for (const q of suiteQueries(catalog).filter((x) => PATTERN.test(x.name))) {
  out(`\n## ${q.name}\n${q.bound.sql}`);
  const c0 = treeCpuMs(page.pid);
  const w = await call(page.tab, 'time', q.bound.sql, q.bound.params, REPS, q.delivery);
  const wasmCpu = round((treeCpuMs(page.pid) - c0) / REPS, 2);
  const native: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  for (const [name, c] of [
    ['1 thread', one],
    ['default threads', many],
  ] as const) {
    const ms: number[] = [];
    const n0 = selfCpuMs();
    for (let i = 0; i < REPS; i++) {
      const t = performance.now();
      await c.runAndReadAll(q.bound.sql, q.bound.params);
      ms.push(performance.now() - t);
    }
    native[name] = p50(ms);
    cpu[name] = round((selfCpuMs() - n0) / REPS, 2);
  }
  out(
    `p50 ms: wasm ${String(p50(w.ms))}, native 1 thread ${String(native['1 thread'])}, default ${String(native['default threads'])}; ` +
      `CPU ms per run: wasm ${String(wasmCpu)}, native 1 thread ${String(cpu['1 thread'])}, default ${String(cpu['default threads'])}`,
  );
  if (!PLAN) continue;
  const ex = `EXPLAIN ANALYZE ${q.bound.sql}`;
  const wr = await call(page.tab, 'rows', ex, q.bound.params);
  const plan = wr.at(-1)?.explain_value;
  out(`### wasm\n${typeof plan === 'string' ? plan : JSON.stringify(wr)}`);
  const nr = (await one.runAndReadAll(ex, q.bound.params)).getRows();
  out(`### native, 1 thread\n${String(nr.at(-1)?.at(-1))}`);
}
await page.close();
server.close();
one.closeSync();
many.closeSync();
rmSync(work, { recursive: true, force: true });
out(machineLoad());
process.exit(0);

/**
 * Cohort queries in duckdb-wasm (headless Chromium via playwright-core) vs native DuckDB on the same
 * generated data (>= 5,000,000 genotype rows), per query, with the wasm/native ratio. Both engines
 * read the same DuckDB database file the vault serves (decision 0010): duckdb-wasm 1.32 (DuckDB
 * 1.4.3) attaches it read-only from a registered buffer, native @duckdb/node-api 1.4.4 from disk.
 * Run: npx tsx bench/cohort-queries.ts [genotypeRows]  → bench/results/cohort-queries.json + a table.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildDuckDbFile } from '../electron/main/vault/duckdbFile';
import { noteCacheTerms } from '../shared/cohorts/cacheTerms';
import { suiteQueries } from '../shared/cohorts/testing/querySuite';
import { sampleDataset } from '../shared/cohorts/testing/sampleCache';
import {
  datasetDatabaseName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../shared/cohorts/schema';
import { call, openPage, startPageServer } from './cohort/pageHost';

const GENOTYPES = Number(process.argv[2] ?? 5_000_000);
const PER_IND = 20;
const REPS = Number(process.env.BENCH_REPS ?? 3);
const ID = 'BENCH-01';
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const log = (m: string): void => void process.stderr.write(`${m}\n`);

log(`generating ${String(GENOTYPES)} genotype rows…`);
const data = sampleDataset({
  datasetId: ID,
  nodeId: 'FI',
  countries: ['FI', 'SE', 'IT', 'ES', 'PT'],
  individuals: Math.ceil(GENOTYPES / PER_IND) + 1000,
  variants: 200_000,
  genotypesPerIndividual: PER_IND,
  seed: 7,
});
const genotypeRows = data.genotypes.individual_id.length;
const work = mkdtempSync(join(tmpdir(), 'cohort-bench-'));
const database = await buildDuckDbFile(join(work, 'scratch'), data, data);
log(`DuckDB file: ${(database.length / 1e6).toFixed(1)} MB`);

const { origin, server } = await startPageServer(new Map([[`/data/${ID}/data.duckdb`, database]]));
const page = await openPage(origin);
await call(page.tab, 'init');
const wasmLoadMs = await call(page.tab, 'attach', ID);
log(`wasm attach ${wasmLoadMs.toFixed(0)} ms`);

const file = join(work, 'data.duckdb');
writeFileSync(file, database);
const native = await (await DuckDBInstance.create(':memory:')).connect();
let t0 = performance.now();
await native.run(`ATTACH '${file}' AS ${datasetDatabaseName(ID)} (READ_ONLY)`);
for (const s of [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([ID], [ID])])
  await native.run(s);
const nativeLoadMs = performance.now() - t0;
log(`native attach ${nativeLoadMs.toFixed(0)} ms`);

// As the app's db/ does on load: HPO expansions keep only the terms the cache carries.
noteCacheTerms(
  (
    await native.runAndReadAll(
      `SELECT DISTINCT unnest(phenotypes) FROM ${datasetDatabaseName(ID)}.individuals`,
    )
  )
    .getRows()
    .map((r) => String(r[0])),
);

const rows: { query: string; wasmMs: number; nativeMs: number; ratio: number; rows: number }[] = [];
for (const q of suiteQueries()) {
  const w = await call(page.tab, 'time', q.bound.sql, q.bound.params, REPS);
  const nms: number[] = [];
  let nrows = 0;
  for (let i = 0; i < REPS; i++) {
    t0 = performance.now();
    nrows = (await native.runAndReadAll(q.bound.sql, q.bound.params)).getRows().length;
    nms.push(performance.now() - t0);
  }
  if (nrows !== w.rows)
    throw new Error(`${q.name}: wasm ${String(w.rows)} rows, native ${String(nrows)}`);
  const wasmMs = median(w.ms.slice(1));
  const nativeMs = median(nms.slice(1));
  rows.push({ query: q.name, wasmMs, nativeMs, ratio: wasmMs / nativeMs, rows: nrows });
  log(`${q.name}: wasm ${wasmMs.toFixed(1)} ms, native ${nativeMs.toFixed(1)} ms`);
}
const outside = page.outside;
await page.close();
server.close();
native.closeSync();
rmSync(work, { recursive: true, force: true });

const r2 = (x: number): number => Math.round(x * 100) / 100;
const within = rows.filter((r) => r.ratio <= 2).length;
const result = {
  when: new Date().toISOString(),
  genotypeRows,
  individuals: data.individuals.individual_id.length,
  variants: data.variants.variant_key.length,
  databaseMB: r2(database.length / 1_048_576),
  reps: REPS,
  statistic: 'median of runs 2..N',
  wasmLoadMs: r2(wasmLoadMs),
  nativeLoadMs: r2(nativeLoadMs),
  outsideRequests: outside,
  withinTwoX: `${String(within)}/${String(rows.length)}`,
  queries: rows.map((r) => ({
    ...r,
    wasmMs: r2(r.wasmMs),
    nativeMs: r2(r.nativeMs),
    ratio: r2(r.ratio),
  })),
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'cohort-queries.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(
  `\n${String(genotypeRows)} genotype rows (one attached DuckDB file); duckdb-wasm 1.32 (eh, Chromium) vs native DuckDB 1.4.4; median of ${String(REPS - 1)} runs\n`,
);
console.log('| query | rows | wasm ms | native ms | wasm/native |\n|---|---:|---:|---:|---:|');
for (const r of result.queries)
  console.log(
    `| ${r.query} | ${String(r.rows)} | ${String(r.wasmMs)} | ${String(r.nativeMs)} | ${String(r.ratio)} |`,
  );
console.log(
  `\nwithin 2x: ${result.withinTwoX}; ready: wasm attach ${String(result.wasmLoadMs)} ms, native attach ${String(result.nativeLoadMs)} ms; outside requests: ${String(outside.length)}`,
);

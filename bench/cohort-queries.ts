/**
 * Cohort queries in duckdb-wasm (headless Chromium via playwright-core) vs native DuckDB 1.4.3 on
 * the same generated data (>= 5,000,000 genotype rows), per query, with the wasm/native ratio.
 * Run: npx tsx bench/cohort-queries.ts [genotypeRows]  → bench/results/cohort-queries.json + a table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { arrowBytes } from '../e2e/fixtures/cohortData';
import { chromiumArgs, chromiumPath } from '../e2e/fixtures/chromium';
import { suiteQueries } from '../shared/cohorts/querySuite';
import { sampleDataset } from '../shared/cohorts/sampleCache';
import { CACHE_TABLES } from '../shared/cohorts/schema';
import { loadNative } from './cohort/nativeLoad';

const root = join(import.meta.dirname, '..');
const GENOTYPES = Number(process.argv[2] ?? 5_000_000);
const PER_IND = 20;
const REPS = Number(process.env.BENCH_REPS ?? 3);
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const log = (m: string): void => void process.stderr.write(`${m}\n`);

log(`generating ${String(GENOTYPES)} genotype rows…`);
const data = sampleDataset({
  datasetId: 'BENCH-01',
  nodeId: 'FI',
  countries: ['FI', 'SE', 'IT', 'ES', 'PT'],
  individuals: Math.ceil(GENOTYPES / PER_IND) + 1000,
  variants: 200_000,
  genotypesPerIndividual: PER_IND,
  seed: 7,
});
const genotypeRows = data.genotypes.individual_id.length;
const arrow = new Map(CACHE_TABLES.map((t) => [t, arrowBytes(data, t)]));
log(
  `arrow bytes: ${[...arrow].map(([t, b]) => `${t} ${(b.length / 1e6).toFixed(1)} MB`).join(', ')}`,
);

const page = (
  await build({
    entryPoints: [join(import.meta.dirname, 'cohort', 'wasmPage.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    target: 'chrome120',
  })
).outputFiles[0]!.text;
const dist = join(root, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist');
const { readFileSync } = await import('node:fs');
const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const send = (type: string, body: string | Uint8Array): void => {
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Security-Policy': "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:",
    });
    res.end(body);
  };
  if (url === '/')
    send('text/html', '<!doctype html><script type="module" src="/page.js"></script>');
  else if (url === '/page.js') send('text/javascript', page);
  else if (url.startsWith('/duckdb/'))
    send(
      url.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
      readFileSync(join(dist, url.slice(8))),
    );
  else if (url.startsWith('/data/BENCH-01/'))
    send(
      'application/vnd.apache.arrow.stream',
      arrow.get(url.slice(15).replace('.arrow', '') as 'genotypes')!,
    );
  else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const tab = await browser.newPage();
const outside: string[] = [];
tab.on('request', (r) => {
  if (!r.url().startsWith(origin)) outside.push(r.url());
});
await tab.goto(origin);
await tab.waitForFunction(() => 'bench' in globalThis);
type Bench = {
  init(): Promise<void>;
  load(id: string): Promise<number>;
  time(sql: string, p: (string | number)[], n: number): Promise<{ ms: number[]; rows: number }>;
};
await tab.evaluate(() => (globalThis as unknown as { bench: Bench }).bench.init());
const wasmLoadMs = await tab.evaluate(() =>
  (globalThis as unknown as { bench: Bench }).bench.load('BENCH-01'),
);
log(`wasm load ${wasmLoadMs.toFixed(0)} ms`);

const instance = await DuckDBInstance.create(':memory:');
const native = await instance.connect();
const nativeLoadMs = await loadNative(native, data);
log(`native load ${nativeLoadMs.toFixed(0)} ms`);

const rows: { query: string; wasmMs: number; nativeMs: number; ratio: number; rows: number }[] = [];
for (const q of suiteQueries()) {
  const w = await tab.evaluate(
    ([sql, params, n]) => (globalThis as unknown as { bench: Bench }).bench.time(sql, params, n),
    [q.bound.sql, q.bound.params, REPS] as const,
  );
  const nms: number[] = [];
  let nrows = 0;
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
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
await browser.close();
server.close();
native.closeSync();

const r2 = (x: number): number => Math.round(x * 100) / 100;
const within = rows.filter((r) => r.ratio <= 2).length;
const result = {
  when: new Date().toISOString(),
  genotypeRows,
  individuals: data.individuals.individual_id.length,
  variants: data.variants.variant_key.length,
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
  `\n${String(genotypeRows)} genotype rows; duckdb-wasm 1.32 (eh, Chromium) vs native DuckDB 1.4.3; median of ${String(REPS - 1)} runs\n`,
);
console.log('| query | rows | wasm ms | native ms | wasm/native |\n|---|---:|---:|---:|---:|');
for (const r of result.queries)
  console.log(
    `| ${r.query} | ${String(r.rows)} | ${String(r.wasmMs)} | ${String(r.nativeMs)} | ${String(r.ratio)} |`,
  );
console.log(
  `\nwithin 2x: ${result.withinTwoX}; load: wasm ${String(result.wasmLoadMs)} ms, native ${String(result.nativeLoadMs)} ms; outside requests: ${String(outside.length)}`,
);

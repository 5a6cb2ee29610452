/**
 * Ready-to-query and memory for a ≥ 5,000,000-genotype cache (decisions 0010 and 0027, issue 20):
 * the dataset's DuckDB file (query layout of 0027) sealed by the product's writeDatasetFolder and
 * read by its readPart (unwrap + decrypt + GCM verify + sha256) vs the same file read unencrypted;
 * the page's ready time (fetch, registerFileBuffer, ATTACH, views) in headless Chromium with the
 * app's duckdb-wasm configuration; Chromium's RSS (summed process tree) before the attach, when
 * ready and after the query suite. The vault read is timed in a fresh process (vault-read-timing.ts),
 * as main holds no generated rows. A cache written before 0027 (layout-1 file: the three public
 * tables) is rewritten once natively as main does (relayoutDuckDbFile) and attached in a fresh
 * Chromium; BENCH_WASM_LEGACY=1 also times the renderer's fallback (layout built in duckdb-wasm).
 * Run: NODE_OPTIONS=--max-old-space-size=12000 npx tsx bench/vault-duckdb.ts [genotypeRows]
 *   → bench/results/vault-duckdb.json + a markdown table.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sampleManifest } from '../e2e/fixtures/plantedVault';
import { readPart, unwrapDataKey, writeDatasetFolder } from '../electron/main/vault/datasetFolder';
import {
  buildDuckDbFile,
  DUCKDB_STORAGE_VERSION,
  relayoutDuckDbFile,
} from '../electron/main/vault/duckdbFile';
import { noteCacheTerms } from '../shared/cohorts/cacheTerms';
import { suiteQueries } from '../shared/cohorts/testing/querySuite';
import { CACHE_TABLES } from '../shared/cohorts/schema';
import type { VaultManifest } from '../shared/vault/vault';
import { call, openPage, startPageServer } from './cohort/pageHost';
import { machineLoad, percentile, round } from './cohort/stats';
import { BENCH_DATASET_ID, benchDataset } from './cohort/benchDataset';

const GENOTYPES = Number(process.argv[2] ?? 5_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const ID = BENCH_DATASET_ID;
const log = (m: string): void => void process.stderr.write(`[vault-duckdb] ${m}\n`);
const mb = (b: number): number => round(b / 1_048_576);
const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));
const loadAtStart = machineLoad();

log(`generating ${String(GENOTYPES)} genotype rows; ${loadAtStart}`);
const data = benchDataset(GENOTYPES);
let t = performance.now();
const database = await buildDuckDbFile(tmp('bench-scratch-'), data, data);
const buildMs = performance.now() - t;
log(`DuckDB file ${String(mb(database.length))} MB in ${String(round(buildMs))} ms`);

// The same rows as a layout-1 file (0010: the public tables only), as caches pulled before 0027.
const work = tmp('bench-vault-duckdb-');
const plainFile = join(work, 'data.duckdb');
writeFileSync(plainFile, database);
const legacyFile = join(work, 'legacy.duckdb');
{
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run(`ATTACH '${plainFile}' AS s (READ_ONLY)`);
  await conn.run(`ATTACH '${legacyFile}' AS o (STORAGE_VERSION '${DUCKDB_STORAGE_VERSION}')`);
  for (const tb of CACHE_TABLES) await conn.run(`CREATE TABLE o.${tb} AS SELECT * FROM s.${tb}`);
  await conn.run(`CREATE TABLE o.cd_meta AS SELECT 1 AS schema_version, '${ID}' AS dataset_id`);
  await conn.run('DETACH o');
  noteCacheTerms(
    (await conn.runAndReadAll('SELECT term FROM s.cd_term_counts'))
      .getRows()
      .map((r) => String(r[0])),
  );
  conn.closeSync();
}
const legacy = readFileSync(legacyFile);

// Sealed the product's way (chunked AES-256-GCM, manifest-bound AAD, wrapped data key).
const user = { sub: 'bench', iss: 'http://bench' };
const masterKey = randomBytes(32);
const base = { ...sampleManifest(data, new Uint8Array()) } as Partial<VaultManifest>;
delete base.sha256;
delete base.bytes;
const dir = join(tmp('bench-sealed-'), ID);
t = performance.now();
const manifest = writeDatasetFolder({
  outDir: dir,
  user,
  masterKey,
  manifest: { ...(base as VaultManifest), schemaVersion: 2, format: 'duckdb' },
  parts: { database },
});
const sealMs = performance.now() - t;
// In this process (millions of generated rows on the JS heap) and in a fresh one, as main is.
const vaultMs: number[] = [];
for (let i = 0; i < 3; i++) {
  t = performance.now();
  readPart(dir, manifest, 'database', unwrapDataKey(dir, user, ID, masterKey));
  vaultMs.push(performance.now() - t);
}
const manifestFile = join(work, 'manifest.json');
writeFileSync(manifestFile, JSON.stringify(manifest));
const fresh = JSON.parse(
  execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      join(import.meta.dirname, 'vault-read-timing.ts'),
      dir,
      manifestFile,
      plainFile,
    ],
    { env: { ...process.env, NODE_OPTIONS: '', BENCH_MASTER_KEY: masterKey.toString('hex') } },
  ).toString('utf8'),
) as { vaultMs: number[]; plainMs: number[] };
const decrypt = {
  vault: percentile(fresh.vaultMs.slice(1), 50),
  plain: percentile(fresh.plainMs.slice(1), 50),
  vaultInBenchProcess: percentile(vaultMs, 50),
};
log(
  `decrypt ${String(round(decrypt.vault))} ms (in this process ${String(round(decrypt.vaultInBenchProcess))}), plain read ${String(round(decrypt.plain))} ms`,
);

// Main rewrites a layout-1 copy once, natively (cacheUpgrade.ts): the same builder, timed here.
t = performance.now();
const rewritten = await relayoutDuckDbFile(tmp('bench-rewrite-'), legacy, data);
const legacyRewriteMs = performance.now() - t;
log(`layout-1 file rewritten natively in ${String(round(legacyRewriteMs))} ms`);

const { origin, server } = await startPageServer(
  new Map<string, Uint8Array>([
    [`/data/${ID}/data.duckdb`, database],
    [`/data/LEGACY/data.duckdb`, legacy],
    [`/data/REWRITTEN/data.duckdb`, rewritten],
  ]),
);
const catalog = [{ id: ID, individuals: data.individuals.individual_id.length }];

/** One fresh Chromium: ready time, RSS before / ready / after the suite, DuckDB memory. */
async function inPage(mode: 'attach' | 'upgrade', id: string) {
  const p = await openPage(origin);
  try {
    await call(p.tab, 'init');
    const rssBeforeMB = mb(p.rss());
    const readyMs = round(await call(p.tab, mode, id));
    const rssReadyMB = mb(p.rss());
    const m = await call(p.tab, 'memory');
    const queries: { query: string; p50: number }[] = [];
    for (const q of suiteQueries([{ ...catalog[0]!, id }])) {
      const w = await call(p.tab, 'time', q.bound.sql, q.bound.params, REPS, q.delivery);
      queries.push({ query: q.name, p50: round(percentile(w.ms.slice(1), 50)) });
    }
    log(`${mode}: ready ${String(readyMs)} ms, rss ${String(rssReadyMB)} MB`);
    return {
      readyMs,
      rssBeforeMB,
      rssReadyMB,
      rssAfterSuiteMB: mb(p.rss()),
      duckdbMemoryMB: mb(m.duckdbBytes),
      pageHeapMB: mb(m.pageHeapBytes),
      queries,
      outsideRequests: p.outside.length,
    };
  } finally {
    await p.close().catch(() => undefined);
  }
}
const current = await inPage('attach', ID);
const afterRewrite = await inPage('attach', 'REWRITTEN');
// The renderer's fallback when main cannot rewrite (the layout built by duckdb-wasm at load):
// minutes and gigabytes at 5M genotypes, so only on request.
const upgraded =
  process.env.BENCH_WASM_LEGACY === '1' ? await inPage('upgrade', 'LEGACY') : undefined;
server.close();
rmSync(work, { recursive: true, force: true });

const onDisk = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
const readyVault = decrypt.vault + current.readyMs;
const readyPlain = decrypt.plain + current.readyMs;
const result = {
  at: new Date().toISOString(),
  machine: { atStart: loadAtStart, atEnd: machineLoad(), node: process.versions.node },
  genotypeRows: data.genotypes.individual_id.length,
  individuals: catalog[0]!.individuals,
  storageVersion: DUCKDB_STORAGE_VERSION,
  writer: 'native @duckdb/node-api 1.4.4-r.3',
  reader: 'duckdb-wasm 1.32.0 (DuckDB 1.4.3, eh bundle) in Chromium',
  fileMB: mb(database.length),
  sealedOnDiskMB: mb(onDisk),
  legacyFileMB: mb(legacy.length),
  buildMs: round(buildMs),
  sealMs: round(sealMs),
  mainDecryptMs: round(decrypt.vault),
  mainPlainReadMs: round(decrypt.plain),
  decryptInBenchProcessMs: round(decrypt.vaultInBenchProcess),
  legacyRewriteNativeMs: round(legacyRewriteMs),
  readyToQuery: {
    vaultMs: round(readyVault),
    unencryptedMs: round(readyPlain),
    ratio: round(readyVault / readyPlain, 2),
  },
  page: current,
  afterRewrite,
  legacyUpgradeInWasm: upgraded ?? 'not run (BENCH_WASM_LEGACY=1 runs it)',
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'vault-duckdb.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
const row = (k: string, v: unknown, w: unknown = ''): string =>
  `| ${k} | ${String(v)} | ${String(w)} |`;
const rss = (p: typeof current): string =>
  `${String(p.rssBeforeMB)} / ${String(p.rssReadyMB)} / ${String(p.rssAfterSuiteMB)}`;
const lines = [
  `${String(result.genotypeRows)} genotype rows; machine at start: ${loadAtStart}; at end: ${result.machine.atEnd}`,
  '',
  '| measurement | query layout file (0027) | layout-1 file (0010), rewritten once by main |',
  '|---|---:|---:|',
  row(
    'file MB (sealed on disk MB)',
    `${String(result.fileMB)} (${String(result.sealedOnDiskMB)})`,
    result.legacyFileMB,
  ),
  row(
    'build at pull ms / encrypt + write ms',
    `${String(result.buildMs)} / ${String(result.sealMs)}`,
    `rewrite (once) ${String(result.legacyRewriteNativeMs)}`,
  ),
  row(
    'main unwrap+decrypt+verify ms, fresh process (plain read ms; in the bench process ms)',
    `${String(result.mainDecryptMs)} (${String(result.mainPlainReadMs)}; ${String(result.decryptInBenchProcessMs)})`,
  ),
  row('page ready-to-query ms', current.readyMs, afterRewrite.readyMs),
  row(
    'ready-to-query, vault vs unencrypted ms',
    `${String(result.readyToQuery.vaultMs)} vs ${String(result.readyToQuery.unencryptedMs)} = ${String(result.readyToQuery.ratio)}×`,
  ),
  row('Chromium RSS MB before attach / ready / after suite', rss(current), rss(afterRewrite)),
  row(
    'duckdb_memory() MB / page JS heap MB',
    `${String(current.duckdbMemoryMB)} / ${String(current.pageHeapMB)}`,
    `${String(afterRewrite.duckdbMemoryMB)} / ${String(afterRewrite.pageHeapMB)}`,
  ),
  row('outside requests', current.outsideRequests, afterRewrite.outsideRequests),
  ...(upgraded === undefined
    ? []
    : [
        row(
          'fallback: layout built by duckdb-wasm at load, ms / RSS',
          upgraded.readyMs,
          rss(upgraded),
        ),
      ]),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);

/**
 * Decision 0010's measurement (on demand): the same ≥ 5,000,000-genotype dataset stored (a) the
 * 0006 way, three Arrow IPC tables inserted into duckdb-wasm, and (b) as one DuckDB database file
 * written by native DuckDB (@duckdb/node-api 1.4.4, storage v1.0.0) and attached read-only in
 * duckdb-wasm 1.32 (DuckDB 1.4.3) from a registered buffer. Per format: sealed bytes on disk,
 * main's unwrap + decrypt + verify time (vs reading the same plaintext unencrypted), ready-to-query
 * time in headless Chromium, memory, and the cohort query suite vs native DuckDB in the same run.
 * Run: NODE_OPTIONS=--max-old-space-size=12000 npx tsx bench/vault-duckdb.ts [genotypeRows]
 *   → bench/results/vault-duckdb.json + a markdown table.
 */
import { randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { arrowBytes } from '../e2e/fixtures/cohortData';
import { sampleManifest } from '../e2e/fixtures/plantedVault';
import { buildDuckDbFile, DUCKDB_STORAGE_VERSION } from '../electron/main/vault/duckdbFile';
import { readPart, unwrapDataKey, writeDatasetFolder } from '../electron/main/vault/datasetFolder';
import { suiteQueries } from '../shared/cohorts/testing/querySuite';
import { sampleDataset } from '../shared/cohorts/testing/sampleCache';
import {
  CACHE_TABLES,
  datasetDatabaseName,
  pendingMigrations,
  SCHEMA_TABLE_SQL,
  viewStatements,
} from '../shared/cohorts/schema';
import type { VaultManifest, VaultPart } from '../shared/vault/vault';
import { call, openPage, startPageServer } from './cohort/pageHost';

const GENOTYPES = Number(process.argv[2] ?? 5_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const ID = 'BENCH-01';
const log = (m: string): void => void process.stderr.write(`[vault-duckdb] ${m}\n`);
const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mb = (b: number): number => Math.round((b / 1_048_576) * 10) / 10;
const r1 = (x: number): number => Math.round(x * 10) / 10;
const tmp = (p: string): string => mkdtempSync(join(tmpdir(), p));

log(`generating ${String(GENOTYPES)} genotype rows…`);
const data = sampleDataset({
  datasetId: ID,
  nodeId: 'FI',
  countries: ['FI', 'SE', 'IT', 'ES', 'PT'],
  individuals: Math.ceil(GENOTYPES / 20) + 1000,
  variants: 200_000,
  genotypesPerIndividual: 20,
  seed: 7,
});
const genotypeRows = data.genotypes.individual_id.length;

let t = performance.now();
const arrow = new Map(CACHE_TABLES.map((tb) => [tb, arrowBytes(data, tb)] as const));
const arrowBuildMs = performance.now() - t;
log(`Arrow IPC built in ${r1(arrowBuildMs)} ms`);
t = performance.now();
const database = await buildDuckDbFile(tmp('bench-scratch-'), data, data);
const duckdbBuildMs = performance.now() - t;
const arrowPlainBytes = [...arrow.values()].reduce((n, b) => n + b.length, 0);
log(
  `arrow ${String(mb(arrowPlainBytes))} MB in ${r1(arrowBuildMs)} ms; duckdb ${String(mb(database.length))} MB in ${r1(duckdbBuildMs)} ms`,
);

// Seal both the product's way (chunked AES-256-GCM, manifest-bound AAD, wrapped data key).
const user = { sub: 'bench', iss: 'http://bench' };
const masterKey = randomBytes(32);
const base = { ...sampleManifest(data, new Uint8Array()) } as Partial<VaultManifest>;
delete base.sha256;
delete base.bytes;
function seal(format: 'arrow' | 'duckdb'): { dir: string; manifest: VaultManifest; ms: number } {
  const dir = join(tmp(`bench-${format}-`), ID);
  const t0 = performance.now();
  const manifest = writeDatasetFolder({
    outDir: dir,
    user,
    masterKey,
    manifest: { ...(base as VaultManifest), schemaVersion: format === 'arrow' ? 1 : 2, format },
    parts: format === 'arrow' ? Object.fromEntries(arrow) : { database },
  });
  return { dir, manifest, ms: performance.now() - t0 };
}
const sealed = { arrow: seal('arrow'), duckdb: seal('duckdb') };
const onDisk = (dir: string): number =>
  readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

/** Main's read per request: unwrap, decrypt, GCM verify, sha256 of every part; vs plain reads. */
function decrypt(format: 'arrow' | 'duckdb'): { vaultMs: number; plainMs: number } {
  const { dir, manifest } = sealed[format];
  const parts: VaultPart[] = format === 'arrow' ? [...CACHE_TABLES] : ['database'];
  const plainDir = tmp(`bench-plain-${format}-`);
  for (const p of parts)
    writeFileSync(join(plainDir, p), p === 'database' ? database : arrow.get(p)!);
  const vault: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    const key = unwrapDataKey(dir, user, ID, masterKey);
    for (const p of parts) readPart(dir, manifest, p, key);
    vault.push(performance.now() - t0);
    t0 = performance.now();
    for (const p of parts) readFileSync(join(plainDir, p));
    plain.push(performance.now() - t0);
  }
  return { vaultMs: median(vault), plainMs: median(plain) };
}
const dec = { arrow: decrypt('arrow'), duckdb: decrypt('duckdb') };
log(`decrypt arrow ${r1(dec.arrow.vaultMs)} ms, duckdb ${r1(dec.duckdb.vaultMs)} ms`);

// Native DuckDB 1.4.4 over the same plaintext file, attached read-only: the baseline engine.
const nativeFile = join(tmp('bench-native-'), 'data.duckdb');
writeFileSync(nativeFile, database);
const native = await (await DuckDBInstance.create(':memory:')).connect();
t = performance.now();
await native.run(`ATTACH '${nativeFile}' AS ${datasetDatabaseName(ID)} (READ_ONLY)`);
for (const s of [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([ID], [ID])])
  await native.run(s);
const nativeReadyMs = performance.now() - t;
const nativeMs = new Map<string, { ms: number; rows: number }>();
for (const q of suiteQueries()) {
  const ms: number[] = [];
  let rows = 0;
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    rows = (await native.runAndReadAll(q.bound.sql, q.bound.params)).getRows().length;
    ms.push(performance.now() - t0);
  }
  nativeMs.set(q.name, { ms: median(ms.slice(1)), rows });
}
native.closeSync();
log('native suite done');

const files = new Map<string, Uint8Array>([
  ...CACHE_TABLES.map((tb) => [`/data/${ID}/${tb}.arrow`, arrow.get(tb)!] as const),
  [`/data/${ID}/data.duckdb`, database],
]);
const { origin, server } = await startPageServer(files);

interface PageRun {
  readyMs?: number;
  error?: string;
  rssBeforeMB: number;
  rssReadyMB?: number;
  rssAfterSuiteMB?: number;
  duckdbMemoryMB?: number;
  pageHeapMB?: number;
  queries: { query: string; ms: number; nativeMs: number; ratio: number; rows: number }[];
  outsideRequests: number;
}
async function inPage(mode: 'load' | 'attach'): Promise<PageRun> {
  const p = await openPage(origin);
  const run: PageRun = { rssBeforeMB: 0, queries: [], outsideRequests: 0 };
  try {
    await call(p.tab, 'init');
    run.rssBeforeMB = mb(p.rss());
    run.readyMs = r1(await call(p.tab, mode, ID));
    run.rssReadyMB = mb(p.rss());
    const m = await call(p.tab, 'memory');
    run.duckdbMemoryMB = mb(m.duckdbBytes);
    run.pageHeapMB = mb(m.pageHeapBytes);
    log(`${mode}: ready in ${String(run.readyMs)} ms, rss ${String(run.rssReadyMB)} MB`);
    for (const q of suiteQueries()) {
      const w = await call(p.tab, 'time', q.bound.sql, q.bound.params, REPS);
      const n = nativeMs.get(q.name)!;
      if (w.rows !== n.rows)
        throw new Error(`${q.name}: wasm ${String(w.rows)} rows, native ${String(n.rows)}`);
      const ms = median(w.ms.slice(1));
      run.queries.push({
        query: q.name,
        ms: r1(ms),
        nativeMs: r1(n.ms),
        ratio: Math.round((ms / n.ms) * 100) / 100,
        rows: n.rows,
      });
    }
    run.rssAfterSuiteMB = mb(p.rss());
  } catch (error: unknown) {
    run.error = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    log(`${mode} failed: ${run.error ?? ''}`);
  } finally {
    run.outsideRequests = p.outside.length;
    await p.close().catch(() => undefined);
  }
  return run;
}
const pages = { arrow: await inPage('load'), duckdb: await inPage('attach') };
server.close();

/** One format's figures for the JSON and the table. */
function summary(f: 'arrow' | 'duckdb') {
  const p = pages[f];
  return {
    plaintextMB: mb(f === 'arrow' ? arrowPlainBytes : database.length),
    sealedOnDiskMB: mb(onDisk(sealed[f].dir)),
    buildMs: r1(f === 'arrow' ? arrowBuildMs : duckdbBuildMs),
    sealMs: r1(sealed[f].ms),
    mainDecryptMs: r1(dec[f].vaultMs),
    mainPlainReadMs: r1(dec[f].plainMs),
    ...p,
    pageReadyPlusDecryptMs: p.readyMs === undefined ? undefined : r1(p.readyMs + dec[f].vaultMs),
  };
}
const result = {
  at: new Date().toISOString(),
  machine: `2 shared cores, Node ${process.versions.node}, load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end`,
  genotypeRows,
  individuals: data.individuals.individual_id.length,
  variants: data.variants.variant_key.length,
  reps: REPS,
  statistic: 'median of runs 2..N (queries), median of 3 (decrypt)',
  storageVersion: DUCKDB_STORAGE_VERSION,
  writer: 'native @duckdb/node-api 1.4.4-r.3',
  reader: 'duckdb-wasm 1.32.0 (DuckDB 1.4.3, eh bundle) in Chromium',
  nativeReadyMs: r1(nativeReadyMs),
  formats: { arrow: summary('arrow'), duckdb: summary('duckdb') },
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'vault-duckdb.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
const a = result.formats.arrow;
const d = result.formats.duckdb;
const row = (k: string, x: unknown, y: unknown): string => `| ${k} | ${String(x)} | ${String(y)} |`;
const lines = [
  `${String(genotypeRows)} genotype rows; ${result.machine}`,
  '',
  '| measurement | (a) Arrow IPC ×3 → insert (0006) | (b) DuckDB file → ATTACH (0010) |',
  '|---|---:|---:|',
  row('plaintext MB', a.plaintextMB, d.plaintextMB),
  row('sealed on disk MB', a.sealedOnDiskMB, d.sealedOnDiskMB),
  row('build at pull ms', a.buildMs, d.buildMs),
  row('encrypt + write ms', a.sealMs, d.sealMs),
  row(
    'main unwrap+decrypt+verify ms (plain read ms)',
    `${String(a.mainDecryptMs)} (${String(a.mainPlainReadMs)})`,
    `${String(d.mainDecryptMs)} (${String(d.mainPlainReadMs)})`,
  ),
  row('page ready-to-query ms', a.readyMs ?? a.error, d.readyMs ?? d.error),
  row('decrypt + page ready ms', a.pageReadyPlusDecryptMs, d.pageReadyPlusDecryptMs),
  row(
    'Chromium RSS after ready / after suite MB',
    `${String(a.rssReadyMB)} / ${String(a.rssAfterSuiteMB)}`,
    `${String(d.rssReadyMB)} / ${String(d.rssAfterSuiteMB)}`,
  ),
  row(
    'duckdb_memory() MB / page JS heap MB',
    `${String(a.duckdbMemoryMB)} / ${String(a.pageHeapMB)}`,
    `${String(d.duckdbMemoryMB)} / ${String(d.pageHeapMB)}`,
  ),
  '',
  `| query | rows | native ms | (a) wasm ms | (a)/native | (b) wasm ms | (b)/native |`,
  '|---|---:|---:|---:|---:|---:|---:|',
  ...d.queries.map((q) => {
    const qa = a.queries.find((x) => x.query === q.query);
    return `| ${q.query} | ${String(q.rows)} | ${String(q.nativeMs)} | ${String(qa?.ms ?? '–')} | ${String(qa?.ratio ?? '–')} | ${String(q.ms)} | ${String(q.ratio)} |`;
  }),
  '',
  `native attach + views: ${String(result.nativeReadyMs)} ms; outside requests: ${String(a.outsideRequests + d.outsideRequests)}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);

/**
 * Benchmark of issue 16's case import and filters (on demand; ratios in the same run):
 * - import: a generated single-sample GRCh38 BGZF VCF with VEP-style CSQ (bench/case/wgsVcf.ts;
 *   default 5,000,000 records, `--records 100000` for the exome goal) imported through the app's
 *   router and import worker, from "import" to "filterable" (sealed, listed), against
 *   `bcftools view -H FILE > /dev/null` on the same file; peak RSS (below);
 * - filters: panel + frequency + inheritance combinations on that case, p50/p95 of native DuckDB on
 *   the decrypted file attached once (counts + a page of 200), of `case:variants` (what the CLI pays
 *   per call: decrypt, attach, query), of duckdb-wasm (the page's engine, the same SQL), and of the
 *   page's own table load in duckdb-wasm per filter change (counts + the first window) and per
 *   later window (a scroll far down); with the CPU time each engine spent (both run in this process);
 *   each path runs each filter --rounds times (`case:variants` at most 3) and reports p50/p95/CPU
 *   over all its calls and per filter combination (`byFilter`: the slow combination is visible);
 * - the load average (os.loadavg) before, after the import and at the end: the machine is shared.
 * - the import's CPU time (process.cpuUsage: main, worker and DuckDB threads), far less sensitive
 *   to other engineers' load than wall time.
 * - peak RSS (issue 16's goal: ≤ 1.5 GB): the import worker, the second parse worker and DuckDB's
 *   native memory all live in this one process (worker threads; bcftools, the only child, ends
 *   before the import starts), so its resident memory is the whole tree's. `peakRssAfterImportMb`
 *   is the kernel's high-water mark (process.resourceUsage().maxRSS, VmHWM) once the case is
 *   listed, which includes everything before the import (`rssBeforeImportMb`: main, the harness,
 *   the panels); `rssByPhaseMb` the highest RSS sampled every 100 ms per import phase as the
 *   worker reports it (reading: both parses and the loads beside them; indexing: the second
 *   worker's last loads, the commit, inheritance, the query layout and the checkpoint; sealing),
 *   to tell where the peak is reached (decision 0081).
 * The import worker is the app's bundle (cases/testing/importWorkerBundle.ts, built at start);
 * `--worker tsx` starts the TypeScript source under tsx instead, as the tests and `npm run cli` do.
 * Run: npx tsx bench/case-import.ts [--records N] [--rounds N] [--no-wasm] [--import-only]
 *                                   [--keep-case FILE] [--worker bundle|tsx] [--cpu-prof DIR]
 *      npx tsx bench/case-import.ts --case-file FILE [--rounds N] [--upgrade [--keep-case OUT]]
 *                                   (filters only)
 *   → bench/results/case-import-<records>.json (-import with --import-only, case-filters- with
 *   --case-file) and stdout.
 * --keep-case writes the decrypted case database to FILE so later runs can skip the import (a 5M
 * import takes minutes); --case-file reads such a file (plaintext patient data: keep it in tmp).
 * --upgrade first brings a copy of an older case file to the current schema (the app's one-time
 * upgrade SQL, schemaUpgrade.ts), or builds a current one's query layout again with the shipped
 * panels' bits (decision 0062), and reports its CPU time and the file's growth: the import-time
 * cost of the query layout, without importing again; with --keep-case OUT the upgraded database is
 * written to OUT (plaintext patient data too: keep it in tmp, delete it after).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPanels } from '../electron/main/cases/genomeAssets';
import { openCaseHarness } from '../electron/main/cases/testing/caseHarness';
import { importWorkerSpec } from '../electron/main/cases/import/caseImports';
import { buildImportWorkerBundle } from '../electron/main/cases/testing/importWorkerBundle';
import { FILTERS, filterTimes } from './case/filterTimes';
import { upgradeCaseFile } from './case/upgradeCaseFile';
import { writeWgsVcf } from './case/wgsVcf';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '5000000' },
    rounds: { type: 'string', default: '20' },
    'no-wasm': { type: 'boolean', default: false },
    'import-only': { type: 'boolean', default: false },
    'case-file': { type: 'string' },
    'keep-case': { type: 'string' },
    upgrade: { type: 'boolean', default: false },
    worker: { type: 'string', default: 'bundle' },
    'cpu-prof': { type: 'string' },
  },
});
if (args.worker !== 'bundle' && args.worker !== 'tsx') throw new Error('--worker is bundle or tsx');
const dir = join(tmpdir(), 'cohort-desk-bench');
mkdirSync(dir, { recursive: true });
const rounds = Number(args.rounds);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const say = (m: string): void => {
  process.stderr.write(`[case-import] ${m} (load ${load()})\n`);
};
const panels = loadPanels();
const loadBefore = load();
const results = join(import.meta.dirname, 'results');
mkdirSync(results, { recursive: true });
const write = (name: string, result: object): void => {
  writeFileSync(join(results, name), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
};

if (args['case-file'] !== undefined) {
  // Filters only, on a case database kept by an earlier run (--keep-case): no import.
  const upgraded = args.upgrade
    ? await upgradeCaseFile(
        args['case-file'],
        join(dir, `case-upgrade-${String(process.pid)}`),
        panels,
        true,
      )
    : null;
  if (upgraded !== null) say(`upgraded: ${JSON.stringify(upgraded.report)}`);
  const bytes = upgraded?.bytes ?? readFileSync(args['case-file']);
  // --upgrade --keep-case FILE keeps the upgraded database, so later runs skip the upgrade too.
  if (upgraded !== null && args['keep-case'] !== undefined)
    writeFileSync(args['keep-case'], upgraded.bytes, { mode: 0o600 });
  const filterMs = await filterTimes({
    bytes,
    plainFile: join(dir, `case-filters-${String(process.pid)}.duckdb`),
    panels,
    rounds,
    wasm: !args['no-wasm'],
    say,
  });
  write(`case-filters-${args.records}.json`, {
    measured: new Date().toISOString(),
    note: 'wall times and CPU time of this process; label numbers taken on a shared machine as measured under load',
    caseFileMb: Number((bytes.length / 1e6).toFixed(1)),
    upgrade: upgraded?.report ?? null,
    filters: FILTERS.map(([name]) => name),
    loadAverage: { before: loadBefore, end: load() },
    filterMs,
  });
  process.exit(0);
}

const records = Number(args.records);
// v2: intergenic CSQ entries have the header's 20 fields (v1 wrote 22: a frequency read as CLIN_SIG).
const file = join(dir, `wgs-v2-${String(records)}.vcf.gz`);
if (!existsSync(file)) {
  say(`writing ${file}`);
  await writeWgsVcf(file, { records, seed: 1, sample: 'PATIENT' });
}
const mb = statSync(file).size / 1e6;
say(`bcftools view -H on ${mb.toFixed(1)} MB`);

const b0 = performance.now();
const bcf = spawnSync('sh', ['-c', `bcftools view -H '${file}' > /dev/null`]);
const bcftoolsMs = bcf.status === 0 ? performance.now() - b0 : null;

say(`importing through the router and the worker (${args.worker})`);
const spec = args.worker === 'bundle' ? await buildImportWorkerBundle('bench') : importWorkerSpec();
// --cpu-prof DIR: every import worker (both parse workers) writes a V8 CPU profile into DIR.
const profile = args['cpu-prof'];
const h = openCaseHarness({
  importWorker:
    profile === undefined
      ? spec
      : { ...spec, execArgv: [...spec.execArgv, '--cpu-prof', `--cpu-prof-dir=${profile}`] },
});
const rssBeforeImportMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
const i0 = performance.now();
const cpu0 = process.cpuUsage();
// The process's resident memory (main, both import workers and DuckDB's native memory: one
// process) sampled every 100 ms, kept per import phase, to tell where the peak is reached.
let phase = 'reading';
const rssByPhaseMb: Record<string, number> = {};
const sampleRss = (): void => {
  const mb = Math.round(process.memoryUsage.rss() / 2 ** 20);
  rssByPhaseMb[phase] = Math.max(rssByPhaseMb[phase] ?? 0, mb);
};
const sampler = setInterval(sampleRss, 100);
const end = await h.importCase(
  {
    caseId: 'BENCH',
    patientId: 'P',
    sex: 'female',
    vcf: h.handle(file),
  },
  (p) => {
    sampleRss();
    phase = p.phase;
  },
);
await h.call('case:list', undefined);
clearInterval(sampler);
const importMs = performance.now() - i0;
const cpu = process.cpuUsage(cpu0);
const importCpuSeconds = Number(((cpu.user + cpu.system) / 1e6).toFixed(2));
if (end.phase !== 'done') throw new Error(`import ${end.phase}: ${end.message ?? ''}`);
say(`imported in ${(importMs / 1000).toFixed(2)} s (CPU ${String(importCpuSeconds)} s)`);
const rssAfterImportMb = Math.round(process.resourceUsage().maxRSS / 1024);
const loadAfterImport = load();
const imported = {
  measured: new Date().toISOString(),
  note: 'wall times; label numbers taken on a shared machine as measured under load',
  records,
  worker: args.worker,
  fileMb: Number(mb.toFixed(1)),
  variants: end.variants,
  importSeconds: Number((importMs / 1000).toFixed(2)),
  importCpuSeconds,
  bcftoolsSeconds: bcftoolsMs === null ? null : Number((bcftoolsMs / 1000).toFixed(2)),
  ratio: bcftoolsMs === null ? null : Number((importMs / bcftoolsMs).toFixed(2)),
  peakRssAfterImportMb: rssAfterImportMb,
  rssBeforeImportMb,
  rssByPhaseMb,
};
/** The decrypted case database, written to --keep-case FILE when given (import-only runs too). */
function readCase(): Buffer {
  const read = h.services.cases.readDatabase('BENCH');
  if (!read.ok) throw new Error(read.message);
  if (args['keep-case'] !== undefined)
    writeFileSync(args['keep-case'], read.bytes, { mode: 0o600 });
  return read.bytes;
}
if (args['import-only']) {
  if (args['keep-case'] !== undefined) readCase();
  await h.close();
  write(`case-import-${String(records)}-import.json`, {
    ...imported,
    loadAverage: { before: loadBefore, afterImport: loadAfterImport },
  });
  process.exit(0);
}

const filterMs = await filterTimes({
  bytes: readCase(),
  plainFile: join(dir, `case-${String(records)}.duckdb`),
  panels,
  rounds,
  wasm: !args['no-wasm'],
  say,
});
const loadAfterFilters = load();

// What the command line pays per call: decrypt, attach, query, detach (`case:variants`).
const cli: number[] = [];
for (let r = 0; r < Math.min(rounds, 3); r++)
  for (const [, filter] of FILTERS) {
    const t = performance.now();
    await h.call('case:variants', { caseId: 'BENCH', filter, limit: 200 });
    cli.push(performance.now() - t);
  }
const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
await h.close();
const sorted = cli.sort((a, b) => a - b);
const at = (p: number): number =>
  Number((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0).toFixed(1));

write(`case-import-${String(records)}.json`, {
  ...imported,
  peakRssMb: rssMb,
  loadAverage: {
    before: loadBefore,
    afterImport: loadAfterImport,
    afterFilters: loadAfterFilters,
    end: load(),
  },
  filterMs: { ...filterMs, cliCaseVariants: { p50: at(0.5), p95: at(0.95), n: cli.length } },
});

/**
 * Benchmark of issue 16's case import and filters (on demand; ratios in the same run):
 * - import: a generated single-sample GRCh38 BGZF VCF with VEP-style CSQ (bench/case/wgsVcf.ts;
 *   default 5,000,000 records, `--records 100000` for the exome goal) imported through the app's
 *   router and import worker, from "import" to "filterable" (sealed, listed), against
 *   `bcftools view -H FILE > /dev/null` on the same file; peak RSS of this process (main + worker);
 * - filters: panel + frequency + inheritance combinations on that case, p50/p95 of native DuckDB on
 *   the decrypted file attached once (counts + a page of 200), of `case:variants` (what the CLI pays
 *   per call: decrypt, attach, query), of duckdb-wasm (the page's engine, the same SQL), and of the
 *   page's own table load in duckdb-wasm (counts + up to 10,000 rows);
 * - the load average (os.loadavg) before, after the import and at the end: the machine is shared.
 * - the import's CPU time (process.cpuUsage: main, worker and DuckDB threads), far less sensitive
 *   to other engineers' load than wall time;
 * Run: npx tsx bench/case-import.ts [--records N] [--rounds N] [--no-wasm] [--import-only]
 *   → bench/results/case-import-<records>.json and a summary on stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CaseFilter } from '../shared/cases/filters';
import type { CaseSqlContext } from '../shared/cases/filterSql';
import { caseCountsSql, caseRowsSql } from '../shared/cases/filterSql';
import { caseSortedRowsSql } from '../shared/cases/reviewSql';
import { runCaseQuery } from '../electron/main/cases/caseQuery';
import { loadPanels } from '../electron/main/cases/genomeAssets';
import { openCaseHarness } from '../electron/main/cases/testing/caseHarness';
import { openWasmDuckDb } from '../electron/main/cases/testing/wasmDuckDb';
import { SCHEMA_TABLE_SQL, pendingMigrations, viewStatements } from '../shared/cohorts/schema';
import { writeWgsVcf } from './case/wgsVcf';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '5000000' },
    rounds: { type: 'string', default: '20' },
    'no-wasm': { type: 'boolean', default: false },
    'import-only': { type: 'boolean', default: false },
  },
});
const records = Number(args.records);
const dir = join(tmpdir(), 'cohort-desk-bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `wgs-${String(records)}.vcf.gz`);
if (!existsSync(file)) {
  process.stderr.write(`[case-import] writing ${file}\n`);
  await writeWgsVcf(file, { records, seed: 1, sample: 'PATIENT' });
}
const mb = statSync(file).size / 1e6;
const loadBefore = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const say = (m: string): void => {
  process.stderr.write(`[case-import] ${m}\n`);
};
say(`bcftools view -H on ${mb.toFixed(1)} MB`);

const b0 = performance.now();
const bcf = spawnSync('sh', ['-c', `bcftools view -H '${file}' > /dev/null`]);
const bcftoolsMs = bcf.status === 0 ? performance.now() - b0 : null;

say('importing through the router and the worker');
const h = openCaseHarness();
const i0 = performance.now();
const cpu0 = process.cpuUsage();
const end = await h.importCase({
  caseId: 'BENCH',
  patientId: 'P',
  sex: 'female',
  vcf: h.handle(file),
});
await h.call('case:list', undefined);
const importMs = performance.now() - i0;
const cpu = process.cpuUsage(cpu0);
const importCpuSeconds = Number(((cpu.user + cpu.system) / 1e6).toFixed(2));
if (end.phase !== 'done') throw new Error(`import ${end.phase}: ${end.message ?? ''}`);

say(`imported in ${(importMs / 1000).toFixed(2)} s (CPU ${String(importCpuSeconds)} s)`);
const panels = loadPanels();
const FILTERS: [string, CaseFilter][] = [
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
const rounds = Number(args.rounds);
const pct = (xs: number[], p: number): number =>
  Number(
    (
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0
    ).toFixed(1),
  );
const stats = (xs: number[]): { p50: number; p95: number; n: number } | null =>
  xs.length === 0 ? null : { p50: pct(xs, 0.5), p95: pct(xs, 0.95), n: xs.length };
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const rssAfterImportMb = Math.round(process.resourceUsage().maxRSS / 1024);
const loadAfterImport = load();
const imported = {
  measured: new Date().toISOString(),
  note: 'wall times; label numbers taken on a shared machine as measured under load',
  records,
  fileMb: Number(mb.toFixed(1)),
  variants: end.variants,
  importSeconds: Number((importMs / 1000).toFixed(2)),
  importCpuSeconds,
  bcftoolsSeconds: bcftoolsMs === null ? null : Number((bcftoolsMs / 1000).toFixed(2)),
  ratio: bcftoolsMs === null ? null : Number((importMs / bcftoolsMs).toFixed(2)),
  peakRssAfterImportMb: rssAfterImportMb,
};
const writeResult = (name: string, result: object): void => {
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(
    join(import.meta.dirname, 'results', `${name}.json`),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(JSON.stringify(result, null, 2));
};
if (args['import-only']) {
  await h.close();
  writeResult(`case-import-${String(records)}-import`, {
    ...imported,
    loadAverage: { before: loadBefore, afterImport: loadAfterImport },
  });
  process.exit(0);
}

const read = h.services.cases.readDatabase('BENCH');
if (!read.ok) throw new Error(read.message);
const detail = await h.call('case:open', { caseId: 'BENCH' });
const sqlCtx = (alias: string): CaseSqlContext => ({
  db: alias,
  panelGenes: (id: string) => panels.find((p) => p.id === id)?.genes ?? [],
  cohort: { individuals: 'individuals', genotypes: 'genotypes' },
});
const cohortViews = [SCHEMA_TABLE_SQL, ...pendingMigrations(0), ...viewStatements([])];

// Native DuckDB on the same decrypted file, attached once (the engine's own time per filter change:
// counts per step and a page of 200 rows, the SQL the page runs).
say('filters: native DuckDB');
const plainFile = join(dir, `case-${String(records)}.duckdb`);
writeFileSync(plainFile, read.bytes, { mode: 0o600 });
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const conn = await instance.connect();
await conn.run(`ATTACH '${plainFile}' AS ${detail.database.alias} (READ_ONLY)`);
for (const s of cohortViews) await conn.run(s);
const native: number[] = [];
for (let r = 0; r < rounds; r++)
  for (const [, filter] of FILTERS) {
    const t = performance.now();
    await runCaseQuery(conn, detail.database.alias, {
      filter,
      panels,
      page: { limit: 200, offset: 0 },
    });
    native.push(performance.now() - t);
  }
conn.closeSync();
instance.closeSync();
rmSync(plainFile, { force: true });

// What the command line pays per call: decrypt, attach, query, detach (`case:variants`).
const cli: number[] = [];
for (let r = 0; r < Math.min(rounds, 3); r++)
  for (const [, filter] of FILTERS) {
    const t = performance.now();
    await h.call('case:variants', { caseId: 'BENCH', filter, limit: 200 });
    cli.push(performance.now() - t);
  }
const loadAfterNative = load();

// duckdb-wasm, the page's engine: counts and a page of 200; and what the page's table loads per
// change (caseQueries.ts: counts, then up to 10,000 rows in the default order).
const wasm: number[] = [];
const wasmTable: number[] = [];
if (!args['no-wasm']) {
  say('filters: duckdb-wasm');
  const db = await openWasmDuckDb();
  db.registerFile(detail.database.registeredFile, read.bytes);
  const alias = detail.database.alias;
  db.query(`ATTACH '${detail.database.registeredFile}' AS ${alias} (READ_ONLY)`);
  for (const s of cohortViews) db.query(s);
  const ctx = sqlCtx(alias);
  for (let r = 0; r < rounds; r++)
    for (const [, filter] of FILTERS) {
      const t = performance.now();
      db.query(caseCountsSql(filter, ctx).sql);
      db.query(caseRowsSql(filter, ctx, { limit: 200, offset: 0 }));
      wasm.push(performance.now() - t);
    }
  for (let r = 0; r < Math.min(rounds, 5); r++)
    for (const [, filter] of FILTERS) {
      const t = performance.now();
      const counts = db.query(caseCountsSql(filter, ctx).sql);
      const kept = Number(counts[0]?.kept ?? 0);
      db.query(
        caseSortedRowsSql(filter, ctx, {
          sort: { key: 'default', dir: 'asc' },
          kept,
          limit: 10_000,
        }),
      );
      wasmTable.push(performance.now() - t);
    }
  db.close();
}
const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
await h.close();

writeResult(`case-import-${String(records)}`, {
  ...imported,
  peakRssMb: rssMb,
  loadAverage: {
    before: loadBefore,
    afterImport: loadAfterImport,
    afterNative: loadAfterNative,
    end: load(),
  },
  filterMs: {
    native: stats(native),
    cliCaseVariants: stats(cli),
    wasm: stats(wasm),
    wasmTable10k: stats(wasmTable),
  },
});

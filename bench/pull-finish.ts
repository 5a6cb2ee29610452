/**
 * Benchmark of the pull's finish (issue 20, decision 0067), on demand: FI-RD-01's rows from the
 * large demo profile's Parquet (the records a pull of it receives) appended to a dataset build in
 * pages of PULL_PAGE_SIZE records, as the pull appends them, then the finish (layout + checkpoint
 * + read back), which runs after the last page while nothing else does. Reports wall and CPU ms
 * (all threads) of the appends and of the finish, median of BENCH_REPS runs, with the load.
 * Run: npx tsx bench/pull-finish.ts   (BENCH_REPS=5 by default) → stdout JSON
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PULL_PAGE_SIZE } from '../electron/main/pull/beaconPages';
import { openDatasetBuild } from '../electron/main/vault/datasetBuild';
import { ensureData } from '../federation/generator/index';
import { machineLoad, selfCpuMs } from './cohort/stats';

const DATASET = 'FI-RD-01';
const reps = Number(process.env.BENCH_REPS ?? 5);
const manifest = await ensureData({ profile: 'large', rootDir: 'federation/data' });
const dir = join(manifest.dir, 'FI').replaceAll("'", "''");
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const read = async (sql: string) => {
  const r = await c.runAndReadAll(sql);
  const names = r.columnNames();
  const cols = r.getColumns();
  return Object.fromEntries(names.map((n, i) => [n, cols[i] as unknown[]]));
};
const where = `WHERE dataset_id = '${DATASET}'`;
const individuals = await read(
  `SELECT individual_id, sex, birth_year_band AS age_band, NULL::VARCHAR AS country, diseases, phenotypes ` +
    `FROM read_parquet('${dir}/individuals.parquet') ${where} ORDER BY individual_id`,
);
const variants = await read(
  `SELECT variant_id AS variant_key, chrom, pos, ref, alt, gene, consequence, hgvs_c, hgvs_p, clin_sig, ac, an, af ` +
    `FROM read_parquet('${dir}/variants.parquet') ${where} ORDER BY variant_id`,
);
// Genotypes in variant order, as the g_variants pages carry them (carriers of each variant).
const genotypes = await read(
  `SELECT individual_id, variant_id AS variant_key, zygosity ` +
    `FROM read_parquet('${dir}/genotypes.parquet') ${where} ORDER BY variant_id, individual_id`,
);
c.closeSync();
// DuckDB returns lists as DuckDBListValue: the build takes plain string arrays.
for (const k of ['diseases', 'phenotypes'])
  individuals[k] = individuals[k]!.map((v) =>
    v === null ? null : (v as { items: string[] }).items.map(String),
  );
const count = (cols: Record<string, unknown[]>) => Object.values(cols)[0]!.length;
const slice = (cols: Record<string, unknown[]>, a: number, b: number) =>
  Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.slice(a, b)]));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs: {
  appendMs: number;
  appendCpuMs: number;
  finishMs: number;
  finishCpuMs: number;
  bytes: number;
}[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'bench-pull-finish-'));
const loadAtStart = machineLoad();
for (let r = 0; r < reps; r++) {
  let t = performance.now();
  let cpu = selfCpuMs();
  const build = await openDatasetBuild({ datasetId: DATASET, nodeId: 'FI' });
  for (let i = 0; i < count(individuals); i += PULL_PAGE_SIZE)
    build.append('individuals', slice(individuals, i, i + PULL_PAGE_SIZE));
  // Genotypes follow their variants' pages: cut at the variant page's last key.
  const keys = genotypes.variant_key!;
  let g = 0;
  for (let i = 0; i < count(variants); i += PULL_PAGE_SIZE) {
    const page = slice(variants, i, i + PULL_PAGE_SIZE);
    build.append('variants', page);
    const last = page.variant_key!.at(-1);
    let e = g;
    while (e < keys.length && (keys[e] as string) <= (last as string)) e++;
    build.append('genotypes', slice(genotypes, g, e));
    g = e;
  }
  const appendMs = performance.now() - t;
  const appendCpuMs = selfCpuMs() - cpu;
  t = performance.now();
  cpu = selfCpuMs();
  const bytes = (await build.finish(scratch)).length;
  runs.push({
    appendMs,
    appendCpuMs,
    finishMs: performance.now() - t,
    finishCpuMs: selfCpuMs() - cpu,
    bytes,
  });
  process.stderr.write(`[pull-finish] run ${String(r + 1)}: ${JSON.stringify(runs.at(-1))}\n`);
}
rmSync(scratch, { recursive: true, force: true });
const m = (k: keyof (typeof runs)[0]) => Math.round(median(runs.map((x) => x[k])));
process.stdout.write(
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: `at start: ${loadAtStart}; at end: ${machineLoad()}`,
      dataset: DATASET,
      rows: {
        individuals: count(individuals),
        variants: count(variants),
        genotypes: count(genotypes),
      },
      reps,
      medianMs: {
        append: m('appendMs'),
        appendCpu: m('appendCpuMs'),
        finish: m('finishMs'),
        finishCpu: m('finishCpuMs'),
      },
      fileBytes: runs[0]!.bytes,
    },
    null,
    2,
  )}\n`,
);

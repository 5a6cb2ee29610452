/**
 * Where a case import's time goes (issue 16 and 19's ratio goal against `bcftools view -H`), on the
 * case-import bench's generated VCF (bench/case/wgsVcf.ts), everything in one run and one process:
 * - bcftools view -H FILE > /dev/null (wall and the child's CPU);
 * - the app's import job (runImportJob, in this process so process.cpuUsage counts every thread:
 *   the worker's JavaScript, DuckDB's threads, the second parse worker) on one worker and on two
 *   (decision 0061), wall and CPU per step (importJob.ts ImportStep);
 * - what a body path would still pay (decision 0065): the app's reader checking every record with
 *   no rows built (the "lean JavaScript pass"), and DuckDB reading the same BGZF file itself
 *   (read_csv, every column VARCHAR) and splitting it into the case's shapes in SQL: one row per
 *   record, per CSQ entry, per sample call, each into an in-memory table.
 * The load average is recorded beside each number: the machine is shared.
 * Run: npx tsx bench/case-import-profile.ts [--records N] [--skip-import]
 *   → bench/results/case-import-profile-<records>.json and stdout. The file is the one
 *   bench/case-import.ts writes (tmpdir()/cohort-desk-bench/wgs-v2-<records>.vcf.gz), made once.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { readVcf } from '../shared/vcf';
import { nodeInflater } from '../electron/main/vcf/nodeVcf';
import { genomeAssetsDir } from '../electron/main/cases/genomeAssets';
import type { ImportStep } from '../electron/main/cases/import/importJob';
import { runImportJob } from '../electron/main/cases/import/importJob';
import type { ImportJob, WorkerMessage } from '../electron/main/cases/import/workerProtocol';
import { buildImportWorkerBundle } from '../electron/main/cases/testing/importWorkerBundle';
import { writeWgsVcf } from './case/wgsVcf';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    'skip-import': { type: 'boolean', default: false },
  },
});
const records = Number(args.records);
const dir = join(tmpdir(), 'cohort-desk-bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `wgs-v2-${String(records)}.vcf.gz`);
if (!existsSync(file)) await writeWgsVcf(file, { records, seed: 1, sample: 'PATIENT' });
const load = (): string => loadavg()[0]?.toFixed(2) ?? '';
const say = (m: string): void => {
  process.stderr.write(`[import-profile] ${m} (load ${load()})\n`);
};
const secs = (us: number): number => Number((us / 1e6).toFixed(2));

/** Wall and CPU of `run` in this process, with the 1-minute load average before. */
async function timed<T>(
  run: () => Promise<T>,
): Promise<{ value: T; wall: number; cpu: number; load: string }> {
  const l = load();
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await run();
  const u = process.cpuUsage(c);
  return {
    value,
    wall: secs((performance.now() - t) * 1000),
    cpu: secs(u.user + u.system),
    load: l,
  };
}

say(`bcftools view -H ${file}`);
const bl = load();
const b0 = performance.now();
// bash's `time` gives the child's CPU: bcftools' wall time moves with the machine's load.
const bcf = spawnSync('bash', [
  '-c',
  `TIMEFORMAT='%U %S'; time (bcftools view -H '${file}' > /dev/null)`,
]);
const [user, sys] = bcf.stderr.toString().trim().split(/\s+/).map(Number);
const bcftools = {
  wall: secs((performance.now() - b0) * 1000),
  cpu: Number(((user ?? Number.NaN) + (sys ?? Number.NaN)).toFixed(2)),
  status: bcf.status,
  load: bl,
};

/** The import job with its steps' wall and CPU (from the previous step's end). */
async function importSteps(parallel: boolean): Promise<Record<string, unknown>> {
  const root = mkdtempSync(join(dir, 'profile-'));
  const scratchDir = join(root, 'scratch');
  mkdirSync(scratchDir, { recursive: true, mode: 0o700 });
  const spec = parallel ? await buildImportWorkerBundle('bench') : undefined;
  const job: ImportJob = {
    source: { kind: 'file', path: file },
    name: 'bench.vcf.gz',
    size: statSync(file).size,
    members: [
      {
        sampleIdx: 0,
        column: 0,
        sample: 'PATIENT',
        member: 'PATIENT',
        role: 'proband',
        sex: 'female',
        affected: true,
        fatherIdx: null,
        motherIdx: null,
      },
    ],
    caseId: 'PROFILE',
    scratchDir,
    dbFile: join(scratchDir, 'case.duckdb'),
    sealedFile: join(root, 'sealed'),
    dataKey: randomBytes(32),
    binding: randomBytes(16),
    genomeDir: genomeAssetsDir(),
    meta: { created_at: new Date().toISOString(), vcf_name: 'bench.vcf.gz' },
    ...(spec && { parts: { url: spec.url.href, execArgv: spec.execArgv, minBytes: 0 } }),
  };
  const steps: Record<string, { wall: number; cpu: number; load: string }> = {};
  let t = performance.now();
  let c = process.cpuUsage();
  const mark = (step: ImportStep): void => {
    const u = process.cpuUsage(c);
    steps[step] = {
      wall: secs((performance.now() - t) * 1000),
      cpu: secs(u.user + u.system),
      load: load(),
    };
    t = performance.now();
    c = process.cpuUsage();
  };
  let end: WorkerMessage | undefined;
  const total = await timed(() =>
    runImportJob(
      job,
      (m) => (m.type === 'progress' ? undefined : (end = m)),
      { aborted: false },
      mark,
    ),
  );
  rmSync(root, { recursive: true, force: true });
  if (end?.type !== 'done') throw new Error(`the import ended ${JSON.stringify(end)}`);
  return {
    workers: end.stats.parseWorkers,
    variants: end.stats.variants,
    ...total,
    value: undefined,
    steps,
  };
}

const imports = [];
if (!args['skip-import'])
  for (const parallel of [false, true]) {
    say(`import job, ${parallel ? 'two workers' : 'one worker'}`);
    imports.push(await importSteps(parallel));
  }

say('the reader checking every record, no rows');
const check = await timed(async () => {
  let n = 0;
  const s = await readVcf(createReadStream(file, { highWaterMark: 1 << 20 }), {
    file: 'bench.vcf.gz',
    inflater: nodeInflater,
    stopAfter: 1,
    onRecord: () => {
      n++;
    },
  });
  return { records: n, problems: s.problemCount };
});

say('DuckDB reading and splitting the body');
const headerLines = Number(
  spawnSync('sh', ['-c', `bcftools view -h '${file}' | wc -l`])
    .stdout.toString()
    .trim(),
);
const body = `read_csv('${file}', delim = '\t', quote = '', escape = '', header = false, auto_detect = false, skip = ${String(headerLines)}, compression = 'gzip', columns = {'chrom': 'VARCHAR', 'pos': 'VARCHAR', 'id': 'VARCHAR', 'ref': 'VARCHAR', 'alt': 'VARCHAR', 'qual': 'VARCHAR', 'filter': 'VARCHAR', 'info': 'VARCHAR', 'format': 'VARCHAR', 's0': 'VARCHAR'})`;
// The split tables go to a database file, as the import's do: the write and the checkpoint count.
const spill = mkdtempSync(join(dir, 'profile-duck-'));
const SQL: [string, string][] = [
  ['read', `SELECT count(*) FROM ${body}`],
  ['body', `CREATE TEMP TABLE body AS SELECT row_number() OVER () AS rec, * FROM ${body}`],
  [
    'records',
    `CREATE TABLE out.recs AS SELECT rec, chrom, pos::INTEGER AS pos, nullif(id, '.') AS ids, ref, alt, TRY_CAST(qual AS DOUBLE) AS qual, nullif(filter, '.') AS filters, filter = 'PASS' AS pass FROM body`,
  ],
  [
    'csq',
    `CREATE TABLE out.csq AS SELECT rec, i AS ord, f[2] AS consequence, nullif(f[3], '') AS impact, nullif(f[4], '') AS gene, nullif(f[5], '') AS gene_id, nullif(f[7], '') AS transcript, nullif(f[8], '') AS biotype, nullif(f[11], '') AS hgvs_c, nullif(f[12], '') AS hgvs_p, f[15] = 'YES' AS canonical, greatest(TRY_CAST(f[17] AS DOUBLE), TRY_CAST(f[18] AS DOUBLE), TRY_CAST(f[19] AS DOUBLE)) AS max_af FROM (SELECT rec, i, string_split(v, '|') AS f FROM (SELECT rec, unnest(l) AS v, unnest(range(1, len(l) + 1)) AS i FROM (SELECT rec, string_split(info[position('CSQ=' IN info) + 4:], ',') AS l FROM body)))`,
  ],
  [
    'calls',
    `CREATE TABLE out.calls AS SELECT rec, f[list_position(k, 'GT')] AS gt, TRY_CAST(string_split(f[list_position(k, 'AD')], ',')[1] AS INTEGER) AS ad_ref, TRY_CAST(string_split(f[list_position(k, 'AD')], ',')[2] AS INTEGER) AS ad_alt, TRY_CAST(f[list_position(k, 'DP')] AS INTEGER) AS dp, TRY_CAST(f[list_position(k, 'GQ')] AS INTEGER) AS gq FROM (SELECT rec, string_split(format, ':') AS k, string_split(s0, ':') AS f FROM body)`,
  ],
  ['checkpoint', 'CHECKPOINT out'],
];
const duck: Record<string, unknown> = {};
const instance = await DuckDBInstance.create(':memory:', {
  autoinstall_known_extensions: 'false',
  // The import writer's limit; what spills is the bench's plaintext copy, removed below.
  memory_limit: '768MB',
  temp_directory: join(spill, 'spill'),
});
const conn = await instance.connect();
try {
  await conn.run(`ATTACH '${join(spill, 'body.duckdb')}' AS out`);
  for (const [name, sql] of SQL) {
    const r = await timed(() => conn.run(sql));
    duck[name] = { ...r, value: undefined };
  }
} finally {
  conn.closeSync();
  instance.closeSync();
  // A plaintext copy of the records: never left behind, whatever failed.
  rmSync(spill, { recursive: true, force: true });
}

const result = {
  measured: new Date().toISOString(),
  note: 'one process, wall and CPU (every thread); label numbers taken on a shared machine as measured under load',
  records,
  fileMb: Number((statSync(file).size / 1e6).toFixed(1)),
  bcftools,
  imports,
  readerCheckOnly: { ...check, value: undefined, ...check.value },
  duckdbBody: duck,
  loadEnd: load(),
};
const results = join(import.meta.dirname, 'results');
mkdirSync(results, { recursive: true });
writeFileSync(
  join(results, `case-import-profile-${String(records)}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(JSON.stringify(result, null, 2));

/**
 * Benchmark of issue 19's tumour-normal import (on demand): a seeded Mutect2-shaped GRCh38 VCF
 * (normal and tumour columns, GT:AD:AF:DP, VEP-style CSQ with protein changes, a share of hotspot
 * alleles) imported as a cancer case through the app's router and import worker, from "import" to
 * "filterable" (sealed, listed), against `bcftools view -H FILE > /dev/null` on the same file.
 * The import worker is the app's bundle (cases/testing/importWorkerBundle.ts, as bench/case-import.ts
 * since decision 0054); `--worker tsx` starts the TypeScript source under tsx, as the tests do.
 * `--germline N` adds a germline caller's VCF of N records beside the tumour's (decision 0059: the
 * worker imports it first, in the same job); bcftools then reads both files.
 * Both wall time and CPU time (user + system) are reported, and their ratios: the import's CPU over
 * all its threads (process.cpuUsage), bcftools' from bash's `time`; bcftools missing gives null.
 * Run: npx tsx bench/cancer-import.ts [--records N] [--germline N] [--worker bundle|tsx]
 *   → bench/results/cancer-import-<records>[-germline-<N>].json and a summary on stdout (load
 *   average included).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HOTSPOT_ALLELES } from '../shared/cancer/hotspots.data';
import { rng } from '../shared/cohorts/testing/sampleCache';
import { openCaseHarness } from '../electron/main/cases/testing/caseHarness';
import { buildImportWorkerBundle } from '../electron/main/cases/testing/importWorkerBundle';
import { toBgzf } from '../electron/main/vcf/bgzfWriter';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    worker: { type: 'string', default: 'bundle' },
    germline: { type: 'string', default: '0' },
  },
});
if (args.worker !== 'bundle' && args.worker !== 'tsx') throw new Error('--worker is bundle or tsx');
const records = Number(args.records);
const germlineRecords = Number(args.germline);
const rand = rng(19);
const CSQ =
  'Allele|Consequence|IMPACT|SYMBOL|Gene|Feature|BIOTYPE|HGVSc|HGVSp|CANONICAL|gnomADe_AF';
const BASES = ['A', 'C', 'G', 'T'];
const snvs = HOTSPOT_ALLELES.filter(
  (a) => /^\d+-\d+-[ACGT]-[ACGT]$/u.test(a[3]) && a[3].startsWith('17-'),
);
const lines = [
  '##fileformat=VCFv4.2',
  '##source=Mutect2',
  '##tumor_sample=TUMOUR',
  '##normal_sample=NORMAL',
  '##reference=GRCh38',
  '##contig=<ID=chr17,length=83257441>',
  `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ}">`,
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOUR',
];
const step = Math.floor(80_000_000 / records);
// Each hotspot allele once (a repeated one is a duplicate record the import rightly refuses), and
// no background record on a hotspot's position.
const hotPositions = new Set(snvs.map((a) => Number(a[3].split('-')[1])));
for (let i = 0; i < records; i++) {
  const hot = i % 100 === 0 ? snvs[i / 100] : undefined;
  let pos = hot === undefined ? 1000 + i * step : Number(hot[3].split('-')[1]);
  while (hot === undefined && hotPositions.has(pos)) pos++;
  const ref =
    hot === undefined ? (BASES[Math.floor(rand() * 4)] ?? 'A') : (hot[3].split('-')[2] ?? 'A');
  const alt =
    hot === undefined ? (BASES.find((b) => b !== ref) ?? 'C') : (hot[3].split('-')[3] ?? 'C');
  const gene = hot?.[0] ?? 'TP53';
  const change = hot === undefined ? `p.Pro${String(1 + (i % 390))}Leu` : `p.${hot[1]}`;
  const t = [Math.floor(20 + rand() * 80), Math.floor(3 + rand() * 40)];
  lines.push(
    `chr17\t${String(pos)}\t.\t${ref}\t${alt}\t.\tPASS\tCSQ=${alt}|missense_variant|MODERATE|${gene}|ENSG|ENST|protein_coding||ENSP:${change}|YES|\tGT:AD:AF:DP\t0/0:${String(t[0])},0:0.01:${String(t[0])}\t0/1:${String(t[0])},${String(t[1])}:0.2:${String((t[0] ?? 0) + (t[1] ?? 0))}`,
  );
}
// Positions must be sorted; hotspot alleles are interleaved, so sort the data lines by position.
const head = lines.filter((l) => l.startsWith('#'));
const body = lines
  .filter((l) => !l.startsWith('#'))
  .map((l) => [Number(l.split('\t')[1]), l] as const)
  .sort((a, b) => a[0] - b[0])
  .map(([, l]) => l);
const dir = join(tmpdir(), 'cohort-desk-bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, `cancer-${String(records)}.vcf.gz`);
writeFileSync(file, toBgzf(`${[...head, ...body].join('\n')}\n`));
const germlineFile = join(dir, `cancer-germline-${String(germlineRecords)}.vcf.gz`);
if (germlineRecords > 0) writeFileSync(germlineFile, toBgzf(germlineText(germlineRecords)));
const files = germlineRecords > 0 ? [file, germlineFile] : [file];
const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
// bcftools' CPU time (user + system) from bash's `time`: under load, wall time measures the
// machine's other work as much as the program's, CPU time far less.
const b0 = performance.now();
const bcf = files.map((f) =>
  spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time bcftools view -H '${f}' > /dev/null`], {
    encoding: 'utf8',
  }),
);
const bcftoolsMs = bcf.every((b) => b.status === 0) ? performance.now() - b0 : null;
const bcftoolsCpuSeconds =
  bcftoolsMs === null
    ? null
    : bcf.reduce((n, b) => {
        const [user, sys] = (b.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
        return n + (user ?? Number.NaN) + (sys ?? Number.NaN);
      }, 0);
if (bcftoolsMs === null)
  process.stderr.write(
    `bcftools did not run (${bcf.map((b) => b.stderr.trim() || String(b.error)).join('; ')}): its numbers are null.\n`,
  );
const h = openCaseHarness(
  args.worker === 'bundle' ? { importWorker: await buildImportWorkerBundle('bench') } : {},
);
const i0 = performance.now();
// The import's CPU time: this process's main thread, the import workers and DuckDB's threads.
const cpu0 = process.cpuUsage();
const end = await h.importCase({
  caseId: 'BENCH-CA',
  patientId: 'P',
  sex: 'female',
  vcf: h.handle(file),
  cancer: {
    tumour: 'TUMOUR',
    normal: 'NORMAL',
    tumourType: 'BRCA',
    ...(germlineRecords > 0 && { germline: { vcf: h.handle(germlineFile), sample: 'BLOOD' } }),
  },
});
const importMs = performance.now() - i0;
const cpu = process.cpuUsage(cpu0);
const importCpuSeconds = (cpu.user + cpu.system) / 1e6;
if (end.phase !== 'done') {
  await h.close();
  throw new Error(`The bench VCF did not import (${end.phase}): ${JSON.stringify(end.problems)}`);
}
const somatic = await h.call('cancer:somatic', {
  caseId: 'BENCH-CA',
  filter: { hotspotOnly: true },
  limit: 0,
});
const germline = await h.call('cancer:germline', { caseId: 'BENCH-CA' });
await h.close();
const result = {
  records,
  germlineRecords,
  mb,
  worker: args.worker,
  phase: end.phase,
  importMs: Math.round(importMs),
  bcftoolsMs: bcftoolsMs === null ? null : Math.round(bcftoolsMs),
  ratio: bcftoolsMs === null ? null : Math.round((importMs / bcftoolsMs) * 100) / 100,
  importCpuSeconds: Math.round(importCpuSeconds * 100) / 100,
  bcftoolsCpuSeconds:
    bcftoolsCpuSeconds === null || !Number.isFinite(bcftoolsCpuSeconds)
      ? null
      : Math.round(bcftoolsCpuSeconds * 100) / 100,
  cpuRatio:
    bcftoolsCpuSeconds === null || !(bcftoolsCpuSeconds > 0)
      ? null
      : Math.round((importCpuSeconds / bcftoolsCpuSeconds) * 100) / 100,
  cpus: availableParallelism(),
  hotspotRows: somatic.kept,
  germlineRows: germline.total,
  loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
  note: 'ratio: wall times; cpuRatio: CPU seconds (user + system; the import over all its threads). Under load, prefer cpuRatio.',
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(
    import.meta.dirname,
    'results',
    `cancer-import-${String(records)}${germlineRecords > 0 ? `-germline-${String(germlineRecords)}` : ''}.json`,
  ),
  `${JSON.stringify(result, null, 2)}\n`,
);
process.stdout.write(`${JSON.stringify(result)}\n`);

/** A germline caller's single-sample VCF on chr17 (TP53 and BRCA1 are in the CPSR superpanel). */
function germlineText(n: number): string {
  const g = rng(59);
  const out = [
    '##fileformat=VCFv4.2',
    '##source=HaplotypeCaller',
    '##reference=GRCh38',
    '##contig=<ID=chr17,length=83257441>',
    `##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from Ensembl VEP. Format: ${CSQ}">`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tBLOOD',
  ];
  const every = Math.floor(80_000_000 / n);
  for (let i = 0; i < n; i++) {
    const ref = BASES[Math.floor(g() * 4)] ?? 'A';
    const alt = BASES.find((b) => b !== ref) ?? 'C';
    const hom = g() < 0.3;
    const gene = i % 2 === 0 ? 'BRCA1' : 'TP53';
    out.push(
      `chr17\t${String(1001 + i * every)}\t.\t${ref}\t${alt}\t50\tPASS\tCSQ=${alt}|missense_variant|MODERATE|${gene}|ENSG|ENST|protein_coding||ENSP:p.Pro${String(1 + (i % 390))}Leu|YES|\tGT:AD:DP\t${hom ? '1/1:0,30' : '0/1:15,15'}:30`,
    );
  }
  return `${out.join('\n')}\n`;
}

/**
 * Benchmark of the VCF reader (issue 16), on demand: read speed of shared/vcf on a generated
 * single-sample BGZF VCF with VEP-style CSQ (default 5,000,000 records) vs `bcftools view -H FILE >
 * /dev/null` on the same file, in the same run. Two reads: "check" (every rule on every line, what
 * `vcf check` does) and "import" (check + split, key, genotype, FORMAT values and CSQ per transcript
 * for every record, what the case import asks of the reader).
 * Run: npx tsx bench/vcf-read.ts [records]   → bench/results/vcf-read.json + a markdown table.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readVcfFile } from '../electron/main/vcf/nodeVcf';
import { annotationLayouts, splitRecord, transcriptAnnotations } from '../shared/vcf';
import type { AnnotationLayout, VcfRecord } from '../shared/vcf';
import { ensureSyntheticVcf } from './vcf/syntheticVcf';

const say = (m: string): void => {
  process.stderr.write(`[vcf-read] ${m}\n`);
};
const records = Number(process.argv[2] ?? 5_000_000);
const dir = join(tmpdir(), 'cohort-desk-bench');
mkdirSync(dir, { recursive: true });
const file = await ensureSyntheticVcf(
  join(dir, `synthetic-${String(records)}.vcf.gz`),
  records,
  say,
);
const mb = statSync(file).size / 1e6;

async function bcftools(): Promise<number> {
  if (process.env.VCF_BENCH_SKIP_BCFTOOLS === '1') return Number.NaN;
  const t = performance.now();
  await new Promise<void>((resolve, reject) => {
    const p = spawn('bcftools', ['view', '-H', file], {
      stdio: ['ignore', openSync('/dev/null', 'w'), 'inherit'],
    });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`bcftools exited ${String(code)}`)),
    );
  });
  return performance.now() - t;
}

async function reader(
  mode: 'check' | 'import',
): Promise<{ ms: number; records: number; rss: number }> {
  let n = 0;
  let layouts: AnnotationLayout[] = [];
  let sink = 0;
  const onRecord =
    mode === 'check'
      ? () => {
          n++;
        }
      : (r: VcfRecord) => {
          n++;
          for (const v of splitRecord(r)) {
            sink += v.key.length + (v.genotype(0)?.alleles.length ?? 0) + v.sample(0).size;
          }
          sink += transcriptAnnotations(r, layouts).length;
        };
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 200);
  const t = performance.now();
  const s = await readVcfFile(file, {
    onHeader: (h) => {
      layouts = annotationLayouts(h);
    },
    onRecord,
  });
  const ms = performance.now() - t;
  clearInterval(timer);
  if (s.problemCount > 0)
    throw new Error(`the synthetic file has problems: ${s.problems[0]?.message ?? ''}`);
  if (sink < 0) say('unreachable');
  return { ms, records: n, rss: Math.round(peak / 1e6) };
}

say(`file ${file} (${mb.toFixed(0)} MB BGZF, ${String(records)} records)`);
const bcf = await bcftools();
say(`bcftools view -H: ${(bcf / 1000).toFixed(1)} s`);
const check = await reader('check');
say(`reader, check: ${(check.ms / 1000).toFixed(1)} s`);
const imp = await reader('import');
say(`reader, import access: ${(imp.ms / 1000).toFixed(1)} s`);
const result = {
  date: new Date().toISOString(),
  records,
  compressedMB: Math.round(mb),
  bcftoolsViewMs: Math.round(bcf),
  readerCheckMs: Math.round(check.ms),
  readerImportMs: Math.round(imp.ms),
  ratioCheck: Math.round((check.ms / bcf) * 100) / 100,
  ratioImport: Math.round((imp.ms / bcf) * 100) / 100,
  recordsPerSecondCheck: Math.round(records / (check.ms / 1000)),
  peakRssMB: Math.max(check.rss, imp.rss),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/vcf-read.json', `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  [
    `| ${String(records)} records, ${String(result.compressedMB)} MB BGZF | time | vs bcftools |`,
    '|---|---|---|',
    `| bcftools view -H > /dev/null | ${(bcf / 1000).toFixed(1)} s | 1.00 |`,
    `| reader, check (vcf check) | ${(check.ms / 1000).toFixed(1)} s | ${result.ratioCheck.toFixed(2)} |`,
    `| reader, check + import access | ${(imp.ms / 1000).toFixed(1)} s | ${result.ratioImport.toFixed(2)} |`,
    `peak RSS ${String(result.peakRssMB)} MB`,
    '',
  ].join('\n'),
);

/**
 * Benchmark of issue 17's case ranking on the casegen kit (../shared/tools/casegen; on demand):
 * ranks every case of a kit manifest with shared/ranking, writes the kit's JSONL, scores it with
 * the kit's score.mjs and, with --baseline, scores the kit's baseline-rank.mjs on the same cases.
 * Each case is ranked on its own (no statistics across the manifest). VCFs are read with the app's
 * one reader exactly as `npm run cli -- case rank` reads them (electron/main/ranking/rankVcf.ts);
 * the CLI itself is the path for plain runs, this script adds the ablations (--method, --options).
 * Run: npx tsx bench/rank-casegen.ts --manifest DIR/manifest.tsv --mode pheno|vcf
 *        [--method likelihood|resnik] [--options JSON] [--corpus JSON] [--limit N] [--top N]
 *        [--baseline] [--out FILE]
 *   --options / --corpus override RankingOptions / CorpusOptions (ablations in the decision).
 *   → bench/results/rank-casegen-<mode>-<method>.jsonl (+ .json summary) and the scores.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRankVcf } from '../electron/main/ranking/rankVcf';
import { phenotypeOfPhenopacket } from '../shared/ranking/phenopacketTerms';
import type { RankingOptions } from '../shared/ranking/rank';
import { DEFAULT_RANKING, rankCase } from '../shared/ranking/rank';
import type { CorpusOptions } from '../shared/ranking/corpus';
import { DEFAULT_CORPUS } from '../shared/ranking/corpus';
import { referenceCorpus } from '../shared/ranking/reference';
import { resnikScores } from '../shared/ranking/similarity';
import type { RankRequest } from '../shared/ranking/input';
import { formatProblem } from '../shared/vcf';

const { values: args } = parseArgs({
  options: {
    manifest: { type: 'string' },
    mode: { type: 'string', default: 'pheno' },
    method: { type: 'string', default: 'likelihood' },
    options: { type: 'string', default: '{}' },
    corpus: { type: 'string', default: '{}' },
    limit: { type: 'string' },
    top: { type: 'string', default: '100' },
    baseline: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
if (args.manifest === undefined || !['pheno', 'vcf'].includes(args.mode)) {
  console.error('usage: rank-casegen.ts --manifest manifest.tsv --mode pheno|vcf [--baseline]');
  process.exit(2);
}
const root = join(import.meta.dirname, '..');
const kit = join(process.env.COHORT_DESK_SHARED ?? join(root, '..', 'shared'), 'tools', 'casegen');
const manifest = resolve(args.manifest);
const caseDir = dirname(manifest);
const mode = args.mode as 'pheno' | 'vcf';
const out = args.out ?? join(root, 'bench', 'results', `rank-casegen-${mode}-${args.method}.jsonl`);
mkdirSync(dirname(out), { recursive: true });

const override = JSON.parse(args.options) as Partial<RankingOptions>;
// Resnik similarity is a mean IC, not a likelihood ratio: scaled by the term count it plays the
// part of ln LR when combined with the genotype evidence.
const options: RankingOptions = {
  ...DEFAULT_RANKING,
  ...override,
  likelihood: { ...DEFAULT_RANKING.likelihood, ...override.likelihood },
  inheritance: { ...DEFAULT_RANKING.inheritance, ...override.inheritance },
  limit: Number(args.top),
  ...(args.method === 'resnik'
    ? {
        phenotypeModel: (corpus, patient) =>
          resnikScores(corpus, patient).map((s) => s * Math.max(1, patient.observed.length)),
      }
    : {}),
};

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const corpus = referenceCorpus({
  ...DEFAULT_CORPUS,
  ...(JSON.parse(args.corpus) as Partial<CorpusOptions>),
});
const loadMs = performance.now() - t0;

const rows = readFileSync(manifest, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .slice(0, args.limit === undefined ? undefined : Number(args.limit));
const lines: string[] = [];
const rankMs: number[] = [];
const readMs: number[] = [];
// CPU time beside wall time: the machine is shared, and wall time counts other people's work.
const rankCpuMs: number[] = [];
for (const [id = '', packet = '', vcf = ''] of rows) {
  const r0 = performance.now();
  const phenotype = phenotypeOfPhenopacket(JSON.parse(readFileSync(join(caseDir, packet), 'utf8')));
  const request: RankRequest = { ...phenotype };
  if (mode === 'vcf') {
    if (vcf === '') throw new Error(`${manifest}: case ${id} has no VCF (a --no-vcf build?)`);
    const read = await readRankVcf(join(caseDir, vcf), { file: vcf });
    if (read.problems.length > 0 || read.refusal !== undefined)
      throw new Error(read.refusal ?? read.problems.map((p) => formatProblem(p)).join('\n'));
    request.variants = read.variants;
    if (request.sex === 'unknown') request.sex = read.inferredSex;
  }
  const r1 = performance.now();
  const c1 = process.cpuUsage();
  const result = rankCase(corpus, request, options);
  rankMs.push(performance.now() - r1);
  const c2 = process.cpuUsage(c1);
  rankCpuMs.push((c2.user + c2.system) / 1000);
  readMs.push(r1 - r0);
  const genes = result.genes.map((g) => ({ symbol: g.symbol, score: Number(g.score.toFixed(6)) }));
  lines.push(JSON.stringify({ case: id, genes }));
}
writeFileSync(out, `${lines.join('\n')}\n`);
const totalMs = performance.now() - t0;
const totalCpu = process.cpuUsage(cpu0);

const sorted = [...rankMs].sort((a, b) => a - b);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const timing = {
  cases: rows.length,
  loadMs: Math.round(loadMs),
  rankMsMean: Number(mean(rankMs).toFixed(2)),
  rankMsP95: Number((sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(2)),
  rankCpuMsMean: Number(mean(rankCpuMs).toFixed(2)),
  readMsMean: Number(mean(readMs).toFixed(2)),
  totalSeconds: Number((totalMs / 1000).toFixed(1)),
  totalCpuSeconds: Number(((totalCpu.user + totalCpu.system) / 1e6).toFixed(1)),
};

// With --limit, the scorer sees the truth of the ranked cases only.
const truth = join(dirname(out), `rank-casegen-${mode}-truth.tsv`);
const truthRows = readFileSync(join(caseDir, 'truth.tsv'), 'utf8').trim().split('\n');
const ranked = new Set(rows.map((r) => r[0]));
writeFileSync(
  truth,
  `${[truthRows[0], ...truthRows.slice(1).filter((l) => ranked.has(l.split('\t')[0]))].join(
    '\n',
  )}\n`,
);
const score = (file: string): string => {
  const run = spawnSync(
    process.execPath,
    [join(kit, 'score.mjs'), '--truth', truth, '--results', file, '--mode', mode],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`score.mjs failed: ${run.stderr}`);
  return run.stdout.trim();
};
const ours = score(out);
console.log(`ranking (${args.method}, ${mode}):\n${ours}\ntiming ${JSON.stringify(timing)}`);
let baseline: string | undefined;
if (args.baseline) {
  const baseOut = join(dirname(out), `rank-casegen-${mode}-baseline.jsonl`);
  const run = spawnSync(
    process.execPath,
    [join(kit, 'baseline-rank.mjs'), '--manifest', manifest, '--mode', mode],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (run.status !== 0) throw new Error(`baseline-rank.mjs failed: ${run.stderr}`);
  const keep = new Set(rows.map((r) => r[0]));
  const baseLines = run.stdout
    .split('\n')
    .filter((l) => l !== '' && keep.has((JSON.parse(l) as { case: string }).case));
  writeFileSync(baseOut, `${baseLines.join('\n')}\n`);
  baseline = score(baseOut);
  console.log(`baseline (kit, ${mode}):\n${baseline}`);
}
const summary = {
  mode,
  method: args.method,
  options: override,
  corpus: JSON.parse(args.corpus) as unknown,
  timing,
  ours,
  baseline,
};
writeFileSync(out.replace(/\.jsonl$/, '.json'), `${JSON.stringify(summary, null, 2)}\n`);

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedFolder } from '../../../federation/sharedFolder';

// Issue 17's regression guard (the goals are measured by bench/rank-casegen.ts, not asserted):
// builds a small sample of casegen dev cases, ranks them, and fails when the ranking falls below
// the kit's baseline on the same cases. Until issue 16's CLI exists the batch runs through the
// benchmark script, which ranks with shared/ranking exactly as the CLI will.
const root = join(import.meta.dirname, '..', '..', '..');
const shared = sharedFolder();
const kit = join(shared, 'tools', 'casegen');
const store = join(shared, 'data', 'phenopacket-store-dev.tar.xz');
const gtf = join(shared, 'data', 'grch38', 'transcripts-grch38.gtf.gz');
const present = existsSync(join(kit, 'casegen.mjs')) && existsSync(store);
const work = mkdtempSync(join(tmpdir(), 'rank-conformance-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Scores {
  readonly top1: number;
  readonly top3: number;
  readonly top10: number;
  readonly n: number;
}
const parse = (text: string): Scores => {
  const get = (k: string) => Number(new RegExp(`${k}=([\\d.]+)`).exec(text)?.[1] ?? NaN);
  return { top1: get('top1'), top3: get('top3'), top10: get('top10'), n: get('n') };
};

function build(name: string, extra: string[]): string {
  const out = join(work, name);
  const run = spawnSync(
    process.execPath,
    [join(kit, 'casegen.mjs'), '--store', store, '--out', out, '--seed', '1', '--gtf', gtf]
      .concat(['--jobs', '1'])
      .concat(extra),
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return join(out, 'manifest.tsv');
}

function bench(manifest: string, mode: 'pheno' | 'vcf') {
  const out = join(work, `${mode}.jsonl`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'rank-casegen.ts')].concat([
      '--manifest',
      manifest,
      '--mode',
      mode,
      '--baseline',
      '--out',
      out,
    ]),
    { encoding: 'utf8', cwd: root, env: { ...process.env, COHORT_DESK_SHARED: shared } },
  );
  expect(run.status, run.stderr).toBe(0);
  const summary = JSON.parse(readFileSync(out.replace(/\.jsonl$/, '.json'), 'utf8')) as {
    ours: string;
    baseline: string;
  };
  const [ours, baseline] = [parse(summary.ours), parse(summary.baseline)];
  console.log(
    `issue 17 ${mode}: ranking ${JSON.stringify(ours)}, baseline ${JSON.stringify(baseline)}`,
  );
  return { ours, baseline };
}

describe.skipIf(!present)('issue 17: ranking vs the casegen baseline (dev sample)', () => {
  it('phenotype only, 300 cases: at or above the baseline at top-1 and top-10', () => {
    const { ours, baseline } = bench(build('pheno', ['--no-vcf', '--limit', '300']), 'pheno');
    expect(ours.n).toBe(300);
    expect(ours.top1).toBeGreaterThanOrEqual(baseline.top1);
    expect(ours.top10).toBeGreaterThanOrEqual(baseline.top10);
  }, 600_000);

  it('with the exome VCF, 20 cases: at or above the baseline at top-1 and top-10', () => {
    const { ours, baseline } = bench(build('vcf', ['--limit', '20']), 'vcf');
    expect(ours.n).toBe(20);
    expect(ours.top1).toBeGreaterThanOrEqual(baseline.top1);
    expect(ours.top10).toBeGreaterThanOrEqual(baseline.top10);
  }, 600_000);
});

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { genomeAssetsDir } from '../genomeAssets';
import { equalityVcf } from '../testing/equalityVcf';
import type { ImportStep } from './importJob';
import { runImportJob } from './importJob';
import type { ImportJob, WorkerMessage } from './workerProtocol';

// Issue 16 (decision 0065): the import profile (bench/case-import-profile.ts) times the import job
// step by step through its `mark` hook. The steps come once each, in order, on a success; a failed
// import ends after the read with nothing left behind, as without the hook.

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'case-steps-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function importMarked(
  name: string,
  text: string,
  change: (job: ImportJob) => ImportJob = (job) => job,
): Promise<{ end: WorkerMessage | undefined; steps: ImportStep[]; job: ImportJob }> {
  const dir = join(root, name);
  const scratchDir = join(dir, 'scratch');
  mkdirSync(scratchDir, { recursive: true, mode: 0o700 });
  const file = join(dir, `${name}.vcf`);
  writeFileSync(file, text);
  const job: ImportJob = change({
    source: { kind: 'file', path: file },
    name: `${name}.vcf`,
    size: text.length,
    members: [
      {
        sampleIdx: 0,
        column: 0,
        sample: 'S1',
        member: 'S1',
        role: 'proband',
        sex: 'female',
        affected: true,
        fatherIdx: null,
        motherIdx: null,
      },
    ],
    caseId: 'STEPS',
    scratchDir,
    dbFile: join(scratchDir, 'case.duckdb'),
    sealedFile: join(dir, 'sealed'),
    dataKey: randomBytes(32),
    binding: randomBytes(16),
    genomeDir: genomeAssetsDir(),
    meta: { created_at: '2026-12-07T00:00:00.000Z', vcf_name: `${name}.vcf` },
  });
  const steps: ImportStep[] = [];
  let end: WorkerMessage | undefined;
  await runImportJob(
    job,
    (m) => {
      if (m.type !== 'progress') end = m;
    },
    { aborted: false },
    (s) => steps.push(s),
  );
  return { end, steps, job };
}

describe('the import job reports its steps (issue 16, decision 0065)', () => {
  it('issue 16: a successful import marks every step once, in order', async () => {
    const run = await importMarked('good', equalityVcf(500));
    expect(run.end?.type).toBe('done');
    expect(run.steps).toEqual(['opened', 'read', 'inheritance', 'layout', 'finished', 'sealed']);
  }, 60_000);

  it('issue 16: a file with a bad record stops after opening, located, with nothing left', async () => {
    const lines = equalityVcf(500).split('\n');
    const at = lines.length - 100;
    const cols = (lines[at] ?? '').split('\t');
    lines[at] = [...cols.slice(0, 5), 'high', ...cols.slice(6)].join('\t');
    const run = await importMarked('bad', lines.join('\n'));
    expect(run.end?.type).toBe('failed');
    if (run.end?.type !== 'failed') return;
    expect(run.end.problems[0]).toMatchObject({ file: 'bad.vcf', line: at + 1 });
    expect(run.steps).toEqual(['opened']);
    expect(existsSync(run.job.scratchDir)).toBe(false);
    expect(existsSync(run.job.sealedFile)).toBe(false);
  }, 60_000);

  it('issue 16: a database that cannot be opened (opened beside the gene index, decision 0078) fails the job with nothing left', async () => {
    const run = await importMarked('unopened', equalityVcf(50), (job) => ({
      ...job,
      dbFile: join(job.scratchDir, 'no-such-folder', 'case.duckdb'),
    }));
    expect(run.end).toMatchObject({ type: 'failed', why: { code: 'import-failed' } });
    expect(run.steps).toEqual([]);
    expect(existsSync(run.job.scratchDir)).toBe(false);
    expect(existsSync(run.job.sealedFile)).toBe(false);
  }, 60_000);
});

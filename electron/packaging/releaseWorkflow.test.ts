import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { include: { os: string; platform: string; dist: string; app: string }[] } };
  steps: Step[];
}
const workflow = parse(text) as {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};

/** The secrets docs/release.md documents (its table's first column). */
const documented = [
  ...readFileSync(join(root, 'docs', 'release.md'), 'utf8').matchAll(/^\| `([A-Z0-9_]+)` +\|/gm),
].map((m) => m[1]);

describe('issue 21: release workflow (.github/workflows/release.yml)', () => {
  it('is valid YAML with a build job per OS and a publish job after them', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(Object.keys(workflow.jobs)).toEqual(['build', 'publish']);
    expect(workflow.jobs.publish?.needs).toBe('build');
    const matrix = workflow.jobs.build!.strategy!.matrix.include;
    expect(matrix.map((m) => m.platform)).toEqual(['linux', 'win32', 'darwin']);
    expect(matrix.map((m) => m.os.split('-')[0])).toEqual(['ubuntu', 'windows', 'macos']);
  });

  it('each runner builds the targets electron-builder.yml declares for its OS', () => {
    const builder = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
      string,
      { target: string[] }
    >;
    const matrix = workflow.jobs.build!.strategy!.matrix.include;
    const dist = (platform: string) => matrix.find((m) => m.platform === platform)!.dist;
    expect(dist('linux')).toContain(`--linux ${builder.linux!.target.join(' ')}`);
    expect(dist('win32')).toContain(`--win ${builder.win!.target.join(' ')}`);
    expect(dist('darwin')).toContain(`--mac ${builder.mac!.target.join(' ')}`);
  });

  it('builds, reads the fuses back and smoke-tests the packaged app on every runner', () => {
    const runs = workflow.jobs.build!.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npm run dist -- ${{ matrix.dist }}');
    expect(runs).toContain('npm run fuses:check -- "${{ matrix.app }}"');
    expect(runs).toContain('e2e/specs/packaged-app.spec.ts');
    const publish = workflow.jobs.publish!.steps.map((s) => s.run ?? '').join('\n');
    expect(publish).toContain('node scripts/checksums.mjs release');
  });

  it('uses only documented secrets, never inside a run script, with least privilege', () => {
    const used = [...new Set([...text.matchAll(/secrets\.([A-Z0-9_]+)/g)].map((m) => m[1]))].sort();
    expect(used).toEqual([...documented].sort());
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps) expect(step.run ?? '').not.toMatch(/secrets\./);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.publish?.permissions).toEqual({ contents: 'write' });
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps)
        if (step.uses !== undefined) expect(step.uses).toMatch(/^[a-z-]+\/[a-z-]+@v\d+$/);
  });
});

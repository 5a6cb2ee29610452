import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { unpinnedActions } from '../../scripts/checkActionPins.mjs';
import { SIGNING_ENV } from '../../scripts/signingStatus.mjs';

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
    expect(runs).toContain('args=(${{ matrix.dist }} --publish never)');
    expect(runs).toContain('npm run dist -- "${args[@]}"');
    expect(runs).toContain('npm run fuses:check -- "${{ matrix.app }}"');
    // Issue 21: the Electronegativity gate (its CLI exits 0 whatever it finds) and the action pins.
    expect(runs).toContain('npm run electronegativity && npm run actions:check');
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
    // Only GitHub's own actions, each pinned by commit (scripts/checkActionPins.mjs checks the tags).
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps)
        if (step.uses !== undefined) expect(step.uses).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
    expect(unpinnedActions('release.yml', text)).toEqual([]);
  });

  it('issue 21: the pin check fails on an action pinned by tag or branch, or by SHA without its tag', () => {
    const bad = [
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@main # v4',
      '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683',
      "      - uses: 'actions/cache@4' # v4",
      '      - uses: ./.github/actions/local',
      '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
    ].join('\n');
    expect(unpinnedActions('w.yml', bad)).toEqual([
      'w.yml:1: actions/checkout@v4 is not pinned by commit: use actions/checkout@<full commit SHA> # <tag>',
      'w.yml:2: actions/setup-node@main is not pinned by commit: use actions/setup-node@<full commit SHA> # <tag>',
      'w.yml:3: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 has no tag comment (# vX.Y.Z) saying which release it is',
      'w.yml:4: actions/cache@4 is not pinned by commit: use actions/cache@<full commit SHA> # <tag>',
    ]);
  });

  it('issue 21: the build step has every variable a signed build needs, and cloud signing reaches electron-builder one option per argument', () => {
    const build = workflow.jobs.build!.steps.find((s) => s.name?.startsWith('Build'))!;
    const env = new Set([
      ...Object.keys(build.env ?? {}),
      ...Object.keys((workflow.jobs.build as Job & { env?: object }).env ?? {}),
      // Written to $GITHUB_ENV by the step before (the .p8 file's path).
      'APPLE_API_KEY',
    ]);
    // Otherwise a signed build would say UNSIGNED (scripts/signingStatus.mjs reads the same env).
    for (const names of Object.values(SIGNING_ENV).flat())
      for (const name of names) expect(env, name).toContain(name);
    const publisher = (
      parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
        win: { signtoolOptions: { publisherName: string[] } };
      }
    ).win.signtoolOptions.publisherName[0];
    // The step's own script, run by bash with npm replaced by a function that prints its arguments.
    const argsFor = (platform: string, dist: string, signingEnv: Record<string, string>) =>
      execFileSync(
        'bash',
        [
          '-c',
          `npm() { printf '%s\\n' "$@"; }\n${build
            .run!.replaceAll('${{ matrix.dist }}', dist)
            .replaceAll('${{ matrix.platform }}', platform)}`,
        ],
        { env: { PATH: process.env.PATH ?? '', ...signingEnv }, encoding: 'utf8' },
      )
        .trimEnd()
        .split('\n');
    expect(argsFor('win32', '--win nsis msi --x64', {})).toEqual([
      'run',
      'dist',
      '--',
      '--win',
      'nsis',
      'msi',
      '--x64',
      '--publish',
      'never',
    ]);
    const azure = {
      AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
      AZURE_SIGNING_ACCOUNT: 'hospital signing',
      AZURE_CERTIFICATE_PROFILE: 'release',
    };
    expect(argsFor('win32', '--win nsis msi --x64', azure).slice(9)).toEqual([
      `-c.win.azureSignOptions.publisherName=${publisher}`,
      '-c.win.azureSignOptions.endpoint=https://weu.codesigning.azure.net',
      '-c.win.azureSignOptions.codeSigningAccountName=hospital signing',
      '-c.win.azureSignOptions.certificateProfileName=release',
    ]);
    expect(argsFor('linux', '--linux AppImage deb rpm --x64', azure)).toHaveLength(10);
  });
});

import {
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeLogin } from '../main/auth/testing/completeLogin';
import { newScriptedBrowser } from '../main/auth/testing/signInFederation';
import type { PullFederation } from '../main/pull/testing/pullHarness';
import { startPullFederation, walk } from '../main/pull/testing/pullHarness';
import { EXIT } from './exitCodes';
import type { CliRun } from './testing/cliHarness';
import { cliHarness, exitOf, spawnCli } from './testing/cliHarness';

// Issue 23: `cli pull` against the demo federation: the app's checks (DUO, local copies), plain
// progress lines off a terminal, Ctrl-C keeps nothing, a killed run resumes.
const root = mkdtempSync(join(tmpdir(), 'cli-pull-'));
const data = join(root, 'data');
const PASS = 'correct horse battery staple';
const secret = join(root, 'passphrase');
let fed: PullFederation;
let env: NodeJS.ProcessEnv;

/** One in-process `npm run cli` run, its transport closed afterwards (a child may run next). */
async function cli(user: string, ...argv: string[]): Promise<CliRun> {
  const h = cliHarness({
    env,
    cwd: root,
    passphrase: PASS,
    ctx: {
      openBrowser: (url) => {
        void newScriptedBrowser().then((b) => completeLogin(b, url, user));
      },
    },
  });
  try {
    return await h.cli(...argv);
  } finally {
    h.close();
  }
}

/** Files a pull staged and did not finish: anything under a `.staging` folder of the vault. */
const staged = (): string[] =>
  existsSync(join(data, 'vault'))
    ? walk(join(data, 'vault')).filter((f) => f.includes(`${sep}.staging${sep}`))
    : [];

/** Starts `cli pull` as a process and resolves once it reported records on stderr. */
async function pullingChild(dataset: string) {
  const child = spawnCli(['pull', dataset, '--passphrase-fd', '0'], {
    env,
    stdio: [openSync(secret, 'r'), 'pipe', 'pipe'],
  });
  const code = exitOf(child);
  let err = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (b: Buffer) => {
      err += b.toString();
      if (/running, [1-9]\d* /.test(err)) resolve();
    });
    void code.then(() => reject(new Error(`the pull ended first: ${err}`)));
  });
  return { child, code, err: () => err };
}

beforeAll(async () => {
  fed = await startPullFederation();
  env = {
    ...process.env,
    COHORT_DESK_DATA_DIR: data,
    COHORT_DESK_POLICY: join(root, 'no-policy.json'),
    COHORT_DESK_FEDERATION_FILE: fed.infoFile,
  };
  writeFileSync(secret, `${PASS}\n`, { mode: 0o600 });
  expect((await cli('clinician', 'login')).code).toBe(EXIT.ok);
}, 180_000);
afterAll(async () => {
  for (const n of fed.nodes) n.setFaults({});
  await fed.close();
  rmSync(root, { recursive: true, force: true });
});

describe('issue 23: cli pull', () => {
  it('refuses what the app refuses, with the reasons and exit 3 (DUO; local copies not allowed)', async () => {
    const duo = await cli('clinician', 'pull', 'PT-RD-01', '--purpose', 'clinical');
    expect(duo.code).toBe(EXIT.refused);
    expect(duo.err.join('\n')).toMatch(/^PT\/PT-RD-01: .+/m);
    expect(duo.out).toEqual([]);
    const noCopy = await cli(
      'clinician',
      'pull',
      'IT-RD-01',
      '--node',
      'IT',
      '--purpose',
      'research',
    );
    expect(noCopy.code).toBe(EXIT.refused);
    expect(noCopy.err).toContain('IT/IT-RD-01: Node IT does not allow local copies of IT-RD-01.');
    expect((await cli('clinician', 'pull', 'NO-SUCH-01')).code).toBe(EXIT.usage);
  });

  it('Ctrl-C (SIGINT) cancels the pull: exit 130 and nothing partial on disk', async () => {
    fed.nodes.find((n) => n.id === 'FI')?.setFaults({ latencyMs: 400 });
    const run = await pullingChild('FI-RD-01');
    expect(staged().length).toBeGreaterThan(0);
    run.child.kill('SIGINT');
    expect(await run.code).toBe(EXIT.interrupted);
    fed.nodes.find((n) => n.id === 'FI')?.setFaults({});
    expect(staged()).toEqual([]);
    const scope = readdirSync(join(data, 'vault')).filter((n) => !n.endsWith('.json'));
    for (const s of scope) expect(existsSync(join(data, 'vault', s, 'FI-RD-01'))).toBe(false);
  }, 120_000);

  it('a killed run is resumed by the same command; plain progress lines off a terminal', async () => {
    fed.nodes.find((n) => n.id === 'FI')?.setFaults({ latencyMs: 400 });
    const run = await pullingChild('FI-RD-01');
    run.child.kill('SIGKILL');
    await run.code;
    fed.nodes.find((n) => n.id === 'FI')?.setFaults({});
    expect(staged().length).toBeGreaterThan(0);
    const r = await cli('clinician', 'pull', 'FI-RD-01', '--json');
    expect(r.code).toBe(EXIT.ok);
    expect(r.err[0]).toMatch(/^Resuming the pull stopped at \d+ records\.$/);
    expect(r.err.some((l) => /^FI\/FI-RD-01: done, \d+\/\d+ records \(100%\)/.test(l))).toBe(true);
    const done = JSON.parse(r.out[0] ?? '{}') as { state: string; records: number };
    expect(done).toMatchObject({ state: 'done', records: 400 + 1153 });
    expect(staged()).toEqual([]);
  }, 120_000);

  it('cache list shows the copy; cache purge deletes it (key first) and audits; an unknown id exits 2', async () => {
    const list = await cli('clinician', 'cache', 'list');
    expect(list.code).toBe(EXIT.ok);
    expect(list.out[0]?.split('\t')[0]).toBe('dataset');
    expect(list.out.some((l) => l.startsWith('FI-RD-01\tFI\tclinical-care\t'))).toBe(true);
    const purge = await cli('clinician', 'cache', 'purge', 'FI-RD-01', 'NOT-THERE-01');
    expect(purge.code).toBe(EXIT.usage);
    expect(purge.err[0]).toBe('FI-RD-01: deleted');
    expect(purge.err[1]).toContain('NOT-THERE-01 is not in your cache.');
    const after = await cli('clinician', 'cache', 'list', '--json');
    expect((JSON.parse(after.out[0] ?? '{}') as { datasets: unknown[] }).datasets).toEqual([]);
    const audit = readFileSync(join(data, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('user-removed');
  }, 120_000);
});

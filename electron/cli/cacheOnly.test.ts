import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrants } from '../main/auth/access/datasetGrants';
import { completeLogin } from '../main/auth/testing/completeLogin';
import { newScriptedBrowser } from '../main/auth/testing/signInFederation';
import type { PullFederation } from '../main/pull/testing/pullHarness';
import { startPullFederation } from '../main/pull/testing/pullHarness';
import { EXIT } from './exitCodes';
import type { CliRun } from './testing/cliHarness';
import { cliHarness } from './testing/cliHarness';

// Issue 23, decision 0050: `sql` and `cohort query` read only the local cache, so their restore
// checks the passport (refresh grant + passport, as always) and asks no node for its catalogue.
const root = mkdtempSync(join(tmpdir(), 'cli-cache-only-'));
const PASS = 'correct horse battery staple';
let fed: PullFederation;
const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  COHORT_DESK_DATA_DIR: join(root, 'data'),
  COHORT_DESK_POLICY: join(root, 'no-policy.json'),
  COHORT_DESK_FEDERATION_FILE: fed.infoFile,
});

/** One command as its own process (a fresh transport), with the session's grants it ended with. */
async function command(...argv: string[]): Promise<CliRun & { grants?: SessionGrants }> {
  const h = cliHarness({
    env: env(),
    cwd: root,
    passphrase: PASS,
    ctx: {
      openBrowser: (url) => {
        void newScriptedBrowser().then((b) => completeLogin(b, url, 'clinician'));
      },
    },
  });
  try {
    const run = await h.cli(...argv);
    const grants = h.transport().services().auth.grants();
    return { ...run, ...(grants === undefined ? {} : { grants }) };
  } finally {
    h.close();
  }
}

const nodesDown = (down: boolean): void => {
  for (const n of fed.nodes) n.setFaults(down ? { down: true } : {});
};

beforeAll(async () => {
  fed = await startPullFederation();
  expect((await command('login')).code).toBe(EXIT.ok);
  const pulled = await command('pull', 'FI-RD-01');
  expect(pulled.code, pulled.err.join('\n')).toBe(EXIT.ok);
}, 180_000);

afterAll(async () => {
  await fed.close();
  rmSync(root, { recursive: true, force: true });
});

describe('cache-only commands (issue 23, decision 0050)', () => {
  it('issue 23: sql and cohort query answer with every node down: the passport is checked, no node is asked', async () => {
    nodesDown(true);
    try {
      const sql = await command('sql', 'SELECT count(*) AS n FROM individuals', '--json');
      expect(sql.code, sql.err.join('\n')).toBe(EXIT.ok);
      expect(Number((JSON.parse(sql.out[0] ?? '{}') as { n: string }).n)).toBeGreaterThan(0);
      // Signed in with a checked passport, and no node's catalogue asked: had it been asked with
      // every node down, each node would be listed as a problem.
      expect(sql.grants?.passportOnly).toBe(true);
      expect(sql.grants?.nodeProblems).toEqual([]);
      expect(sql.grants?.visas.some((v) => v.value.includes('FI-RD-01'))).toBe(true);

      const cohort = await command('cohort', 'query', '{}', '--format', 'tsv');
      expect(cohort.code, cohort.err.join('\n')).toBe(EXIT.ok);
      expect(cohort.out.length).toBeGreaterThan(1);
      expect(cohort.grants?.passportOnly).toBe(true);

      // The control: a command that needs the nodes (cache list) asks them, and finds them down.
      const list = await command('cache', 'list');
      expect(list.grants?.passportOnly).toBeUndefined();
      expect(list.grants?.nodeProblems.length).toBe(fed.nodes.length);
    } finally {
      nodesDown(false);
    }
  });

  it('issue 23: a cache-only command still finds a revoked visa, and the copy is deleted', async () => {
    await fed.aai.admin.revoke('clinician', 'FI-RD-01');
    const sql = await command('sql', 'SELECT count(*) AS n FROM individuals', '--json');
    expect(sql.grants?.passportOnly).toBe(true);
    expect(sql.grants?.visas.some((v) => v.value.includes('FI-RD-01'))).toBe(false);
    const h = cliHarness({ env: env(), cwd: root, passphrase: PASS });
    try {
      const t = h.transport();
      expect((await t.invoke('vault:unlock', { passphrase: PASS })).ok).toBe(true);
      expect(
        t
          .services()
          .vault.list()
          .datasets.map((d) => d.datasetId),
      ).not.toContain('FI-RD-01');
    } finally {
      h.close();
    }
    expect(sql.out.join('\n')).not.toMatch(/"n":[1-9]/);
  });
});

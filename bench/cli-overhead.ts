/**
 * Benchmark of issue 23's command line against the app's handlers called directly (on demand).
 * The issue's nightly-style script (login with the stored refresh token, pull the large demo
 * dataset, run the cohort query suite, export Parquet), over the large-profile demo federation in
 * this process (--profile small for a quick run), three ways:
 * - cli, script: one fresh transport per command, as each `npm run cli` is its own process (vault
 *   unlock and the saved session restored with its refresh token every time): `whoami`,
 *   `pull DATASET`, the whole suite as one `sql --file suite.sql --json`,
 *   `cohort query {} --format parquet`;
 * - cli, per query: the same with one `sql --json` command per suite query (43 processes);
 * - direct: one set of main services, signed in, calling the same channels through the router
 *   (pull:start until done, the suite as one cohorts:sqlBatch or one cohorts:sql per query,
 *   cohorts:rows + the Parquet channels); each CLI way is compared with its direct twin.
 * Process start-up (tsx, ~1–2 s) is not counted: it is the same for any Node command line.
 * Run: npx tsx bench/cli-overhead.ts [--dataset FI-RD-01] [--rounds 3] [--profile large|small]
 *   → bench/results/cli-overhead.json and a summary on stdout (with the load average).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../electron/cli/program';
import type { CliTransport } from '../electron/cli/transport';
import { openCliTransport } from '../electron/cli/transport';
import { completeLogin } from '../electron/main/auth/testing/completeLogin';
import {
  newScriptedBrowser,
  startSignInFederation,
} from '../electron/main/auth/testing/signInFederation';
import { CLI_SENDER } from '../electron/main/ipc/cliSender';
import { emptyFilters } from '../shared/cohorts/definition';
import { parquetChunks } from '../shared/cohorts/parquetExport';
import type { BoundSql } from '../shared/cohorts/sql';
import { suiteQueries } from '../shared/cohorts/testing/querySuite';
import type { PullProgress } from '../shared/vault/vault';

const { values: args } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'FI-RD-01' },
    rounds: { type: 'string', default: '3' },
    profile: { type: 'string', default: 'large' },
  },
});
const dataset = args.dataset;
const PASS = 'bench passphrase';
const root = mkdtempSync(join(tmpdir(), 'bench-cli-'));
const profile = args.profile === 'small' ? 'small' : 'large';
const fed = await startSignInFederation({ runDir: join(root, 'fed'), profile });
const env = {
  ...process.env,
  COHORT_DESK_DATA_DIR: join(root, 'data'),
  COHORT_DESK_POLICY: join(root, 'none.json'),
  COHORT_DESK_FEDERATION_FILE: fed.infoFile,
};
const inline = (b: BoundSql): string => {
  let i = 0;
  return b.sql.replace(/\?/g, () => {
    const v = b.params[i++];
    return typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
  });
};
const queries = suiteQueries().map((q) => inline(q.bound));
const script = join(root, 'suite.sql');
writeFileSync(script, queries.map((q) => `${q};`).join('\n'));

/** Per command (its first word), per step: milliseconds of every run, for the step table. */
const steps = new Map<string, Map<string, number[]>>();
const note = (command: string, step: string, ms: number): void => {
  const byStep = steps.get(command) ?? new Map<string, number[]>();
  steps.set(command, byStep);
  byStep.set(step, [...(byStep.get(step) ?? []), ms]);
};

/** The transport with each step timed: opening, the unlock, the restore, every other channel. */
function timed(t: CliTransport, command: string): CliTransport {
  const clock = async <T>(step: string, p: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      return await p();
    } finally {
      note(command, step, performance.now() - t0);
      const c = process.cpuUsage(c0);
      note(command, `${step} (CPU)`, (c.user + c.system) / 1000);
    }
  };
  return {
    ...t,
    invoke: (channel, request) =>
      clock(channel === 'vault:unlock' ? 'unlock' : channel, () => t.invoke(channel, request)),
    restoreSession: (how) => clock('restore', () => t.restoreSession(how)),
  };
}

/** One command as its own "process": a fresh transport over the same data folder. */
async function cli(...argv: string[]): Promise<number> {
  const command = argv[0] ?? '';
  const t0 = performance.now();
  const t = timed(openCliTransport(env), command);
  note(command, 'open', performance.now() - t0);
  try {
    return await runCli(argv, {
      transport: () => Promise.resolve(t),
      out: () => undefined,
      err: () => undefined,
      cwd: root,
      readPassphrase: () => Promise.resolve(PASS),
      openBrowser: (url) =>
        void newScriptedBrowser().then((b) => completeLogin(b, url, 'clinician')),
    });
  } finally {
    t.close();
  }
}
const must = (code: number, what: string): void => {
  if (code !== 0) throw new Error(`${what} exited ${String(code)}`);
};

async function viaCli(perQuery: boolean): Promise<number> {
  const t0 = performance.now();
  must(await cli('whoami'), 'whoami');
  must(await cli('pull', dataset), 'pull');
  if (perQuery)
    for (const q of queries) must(await cli('sql', q, '--json', '--limit', '1000000'), 'sql');
  else must(await cli('sql', '--file', script, '--json', '--limit', '1000000'), 'sql --file');
  must(
    await cli('cohort', 'query', '{}', '--format', 'parquet', '--out', join(root, 'c.parquet')),
    'cohort query',
  );
  return performance.now() - t0;
}

async function direct(perQuery: boolean): Promise<number> {
  const t = openCliTransport(env);
  const s = t.services();
  const ok = async <T>(
    p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
  ): Promise<T> => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const call = ((c: never, r: never) =>
    s.router.invoke(c, r, CLI_SENDER)) as unknown as typeof t.invoke;
  try {
    const t0 = performance.now();
    await s.vault.unlock(PASS);
    await t.restoreSession();
    const node = (await s.auth.summary()).access.find((a) => a.datasetId === dataset)?.nodeId ?? '';
    const done = new Promise<void>((resolve) => {
      s.events.subscribe((e, p) => {
        if (e === 'pull:progress' && (p as PullProgress).state === 'done') resolve();
      });
    });
    await ok(call('pull:start', { nodeId: node, datasetId: dataset, purpose: 'clinical-care' }));
    await done;
    if (perQuery)
      for (const sql of queries) await ok(call('cohorts:sql', { sql, limit: 1_000_000 }));
    else await ok(call('cohorts:sqlBatch', { statements: queries, limit: 1_000_000 }));
    const e = await ok(call('cohorts:rows', { filters: emptyFilters() }));
    const { exportId } = await ok(
      call('cohorts:parquetBegin', {
        datasets: e.included,
        leftOut: [],
        filters: emptyFilters(),
        note: [],
        total: e.rows.length,
      }),
    );
    for (const rows of parquetChunks(e.rows))
      await ok(call('cohorts:parquetRows', { exportId, rows }));
    const file = await ok(call('cohorts:parquetFinish', { exportId }));
    writeFileSync(join(root, 'd.parquet'), Buffer.from(file.base64, 'base64'));
    return performance.now() - t0;
  } finally {
    t.close();
  }
}

must(await cli('login'), 'login');
type Round = Record<'cliMs' | 'directMs' | 'cliPerQueryMs' | 'directPerQueryMs', number>;
const rounds: Round[] = [];
for (let r = 0; r < Number(args.rounds); r++) {
  const round: Partial<Round> = {};
  // Each way starts from an empty cache, so each pulls the dataset itself.
  for (const [key, run] of [
    ['cliMs', () => viaCli(false)],
    ['directMs', () => direct(false)],
    ['cliPerQueryMs', () => viaCli(true)],
    ['directPerQueryMs', () => direct(true)],
  ] as const) {
    await cli('cache', 'purge', dataset); // exit 2 when not cached: nothing to remove
    round[key] = Math.round(await run());
  }
  rounds.push(round as Round);
}
const median = (key: keyof Round): number =>
  [...rounds.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(rounds.length / 2)] ?? NaN;
const pct = (x: number, base: number): number => Math.round(((x - base) / base) * 1000) / 10;
const result = {
  dataset,
  profile,
  queries: queries.length,
  rounds,
  median: Object.fromEntries(
    (['cliMs', 'directMs', 'cliPerQueryMs', 'directPerQueryMs'] as const).map((k) => [
      k,
      median(k),
    ]),
  ),
  // The goal's figure: the nightly script as a geneticist writes it for the CLI (the suite as one
  // `sql --file`) against the same work through the handlers in one process (one cohorts:sqlBatch).
  overheadPercent: pct(median('cliMs'), median('directMs')),
  // The same with one command per query against one handler call per query.
  overheadPerQueryPercent: pct(median('cliPerQueryMs'), median('directPerQueryMs')),
  // Median milliseconds per step of each CLI command (open, unlock, restore, each channel), wall
  // and process CPU (all threads: scrypt and DuckDB work off the JavaScript thread count too).
  stepsMedianMs: Object.fromEntries(
    [...steps].map(([command, byStep]) => [
      command,
      Object.fromEntries(
        [...byStep].map(([step, ms]) => [
          step,
          Math.round(([...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? NaN) * 10) / 10,
        ]),
      ),
    ]),
  ),
  loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  at: new Date().toISOString(),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/cli-overhead.json', JSON.stringify(result, null, 2));
console.log(JSON.stringify(result, null, 2));
await fed.close();
rmSync(root, { recursive: true, force: true });

import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMainServices } from '../main/app/createServices';
import { createFileLogger } from '../main/logging/logger';
import { createNodePlatform } from '../main/platform/nodePlatform';
import { EXIT } from './exitCodes';
import type { CliContext } from './io';
import { runCli } from './program';

const PASSPHRASE = 'tamper-evident horse battery';
const root = mkdtempSync(join(tmpdir(), 'cli-audit-'));
const data = join(root, 'data');
const log = join(data, 'audit', 'audit.jsonl');
const head = join(data, 'audit', 'audit.head.json');
let pristine = { log: '', head: '' };

/** The app's services over the data folder, as Electron and browser mode build them. */
function services() {
  const platform = createNodePlatform({ dataDir: data, transport: 'in-process' });
  return createMainServices({
    platform,
    logger: createFileLogger({ dir: platform.paths.logs }),
    policyPath: join(root, 'no-policy.json'),
    isTrustedSender: () => true,
    appName: 'Cohort Desk',
    appVersion: '0.0.0',
  });
}
const PAGE = { url: 'app://cohort-desk/index.html' };
const exported = {
  format: 'csv',
  rows: 3,
  datasets: ['ds-1'],
  leftOut: [],
  filters: { sexes: ['female'] },
} as const;

beforeAll(async () => {
  // A real log: entries written while the vault is locked, sealed when it opens, then keyed ones.
  let s = services();
  expect(await s.router.invoke('vault:unlock', { passphrase: PASSPHRASE }, PAGE)).toMatchObject({
    ok: true,
  });
  s.close();
  s = services();
  await s.router.invoke('cohorts:exported', exported, PAGE);
  expect(await s.router.invoke('vault:unlock', { passphrase: 'wrong' }, PAGE)).toMatchObject({
    ok: false,
  });
  await s.router.invoke('vault:unlock', { passphrase: PASSPHRASE }, PAGE);
  await s.router.invoke('cohorts:exported', exported, PAGE);
  await s.router.invoke('cohorts:exported', { ...exported, rows: 7 }, PAGE);
  s.close();
  pristine = { log: readFileSync(log, 'utf8'), head: readFileSync(head, 'utf8') };
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    transport: () => Promise.reject(new Error('audit verify must not start the services')),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    cwd: root,
    dataDir: data,
  };
  return { code: await runCli(argv, ctx), out, err };
}

/** Runs with the passphrase on a file descriptor, as `3<file` gives it. */
async function withPassphrase(passphrase: string, ...argv: string[]) {
  const file = join(root, 'secret');
  writeFileSync(file, `${passphrase}\n`, { mode: 0o600 });
  const fd = openSync(file, 'r');
  try {
    return await cli(...argv, '--passphrase-fd', String(fd));
  } finally {
    closeSync(fd);
    rmSync(file);
  }
}

function restore(): void {
  writeFileSync(log, pristine.log);
  writeFileSync(head, pristine.head);
}
const lines = () => pristine.log.trimEnd().split('\n');

describe('cli audit verify (issue 23)', () => {
  it('exits 0 on the log the app wrote; without the passphrase it says the seals were not checked', async () => {
    restore();
    const r = await cli('audit', 'verify');
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toEqual([]);
    expect(r.out).toEqual([
      `${log}: intact, ${String(lines().length)} entries; seals not checked (give the vault passphrase with --passphrase-fd N to check them)`,
    ]);
  });

  it('checks every seal with the vault passphrase from a file descriptor, and never prints it', async () => {
    restore();
    const r = await withPassphrase(PASSPHRASE, 'audit', 'verify', '--json');
    expect(r.code).toBe(EXIT.ok);
    const verdict = JSON.parse(r.out[0] ?? '{}') as Record<string, unknown>;
    expect(verdict).toMatchObject({ ok: true, keyChecked: true, file: log });
    expect(verdict.sealedThrough).toBe(verdict.entries);
    expect([...r.out, ...r.err].join('\n')).not.toContain(PASSPHRASE);
  });

  it('exits 1 with FILE:LINE on stderr where an edited line breaks the chain', async () => {
    restore();
    // The second export (rows 3, written once the vault was open): a count made larger.
    const at = lines().findLastIndex((l) => l.includes('"rows":3'));
    expect(at).toBeGreaterThan(0);
    const edited = lines().map((l, i) => (i === at ? l.replace('"rows":3', '"rows":4') : l));
    writeFileSync(log, `${edited.join('\n')}\n`);
    const r = await cli('audit', 'verify', data);
    expect(r.code).toBe(EXIT.invalid);
    expect(r.out).toEqual([]);
    const n = String(at + 1);
    expect(r.err).toEqual([
      `${log}:${n}: Line ${n} was changed after it was written: its content no longer matches its hash. (hash-mismatch)`,
    ]);
  });

  it('exits 1 at the line where an entry was removed', async () => {
    restore();
    writeFileSync(log, `${lines().toSpliced(2, 1).join('\n')}\n`);
    const r = await cli('audit', 'verify');
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err[0]).toMatch(new RegExp(`^${log}:3: .*\\(chain-broken\\)$`));
  });

  it('exits 1 on a forged seal only when the passphrase is given (the chain alone still holds)', async () => {
    restore();
    const last = lines().length - 1;
    const forged = lines().map((l, i) =>
      i === last ? l.replace(/"mac":"(.)/, (_m, c) => `"mac":"${c === '0' ? '1' : '0'}`) : l,
    );
    writeFileSync(log, `${forged.join('\n')}\n`);
    expect((await cli('audit', 'verify')).code).toBe(EXIT.ok);
    const r = await withPassphrase(PASSPHRASE, 'audit', 'verify');
    expect(r.code).toBe(EXIT.invalid);
    expect(r.err[0]).toMatch(new RegExp(`^${log}:\\d+: .*\\(seal-mismatch\\)$`));
  });

  it('exits 3 on a wrong passphrase and 2 when the folder holds no audit log', async () => {
    restore();
    const wrong = await withPassphrase('not the passphrase', 'audit', 'verify');
    expect(wrong.code).toBe(EXIT.refused);
    expect(wrong.err.join('\n')).toContain('That passphrase does not open this vault.');
    expect(wrong.err.join('\n')).not.toContain('not the passphrase');
    const none = await cli('audit', 'verify', 'elsewhere');
    expect(none.code).toBe(EXIT.usage);
    expect(none.err[0]).toContain(join(root, 'elsewhere', 'audit', 'audit.jsonl'));
    expect((await cli('audit', 'verify', '--passphrase-fd', 'two')).code).toBe(EXIT.usage);
    expect((await cli('audit', 'verify', '--help')).out.join('\n')).toContain('1    an input');
  });
});

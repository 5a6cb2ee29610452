import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from './exitCodes';
import type { CliContext } from './io';
import { runCli } from './program';
import type { CliTransport } from './transport';
import { openCliTransport } from './transport';
import { offlineEnv } from './testing/cliHarness';

// Issue 16: the process is killed in the middle of an import (SIGKILL: no handler runs). What it
// staged stays on disk until the next start, which sweeps it; no partial case is ever listed.
const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cli-killed-'));
const env = offlineEnv(dir);
const PASS = 'correct horse battery staple';
let transport: CliTransport | undefined;
afterAll(() => {
  transport?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Files under every `.cases/.staging` folder of the data folder. */
function staged(): string[] {
  const out: string[] = [];
  const walk = (d: string, inStaging: boolean): void => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, inStaging || e.name === '.staging');
      else if (inStaging) out.push(p);
    }
  };
  walk(join(dir, 'data'), false);
  return out;
}

describe('issue 16: the command line killed mid-import', () => {
  it('leaves no partial case: the next start sweeps the staging and lists nothing', async () => {
    const lines = [
      '##fileformat=VCFv4.2',
      '##contig=<ID=chr1,length=248956422>',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
    ];
    for (let i = 0; i < 1_000_000; i++)
      lines.push(`chr1\t${String(1000 + i * 7)}\t.\tA\tG\t50\tPASS\t.\tGT\t0/1`);
    const vcf = join(dir, 'long.vcf');
    const secret = join(dir, 'passphrase');
    writeFileSync(secret, `${PASS}\n`, { mode: 0o600 });
    writeFileSync(vcf, `${lines.join('\n')}\n`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'electron', 'cli', 'main.ts')].concat([
        'case',
        'import',
        '--vcf',
        vcf,
        '--id',
        'KILLED',
        '--passphrase-fd',
        '0',
      ]),
      // `--passphrase-fd 0 < file`, as a person runs it (a socket on fd 0 is refused).
      { cwd: root, env, stdio: [openSync(secret, 'r'), 'pipe', 'pipe'] },
    );
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Killed once the worker is writing the staged database (a scratch file with bytes in it).
    let err = '';
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    const state = { ended: false };
    child.on('exit', () => (state.ended = true));
    const writing = () => staged().some((f) => statSync(f).size > 0);
    while (!writing()) {
      if (state.ended) throw new Error(`the import ended before it was killed: ${err}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(staged().length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await exited;
    expect(staged().length).toBeGreaterThan(0);

    const out: string[] = [];
    const ctx: CliContext = {
      transport: () => Promise.resolve((transport ??= openCliTransport(env))),
      out: (t) => out.push(t),
      err: () => undefined,
      cwd: dir,
      readPassphrase: () => Promise.resolve(PASS),
    };
    expect(await runCli(['case', 'list', '--json'], ctx)).toBe(EXIT.ok);
    expect(JSON.parse(out[0] ?? '{}')).toMatchObject({ cases: [] });
    expect(staged()).toEqual([]);
  }, 300_000);
});

import { spawn } from 'node:child_process';
import type { StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import type { CliContext } from '../io';
import { runCli } from '../program';
import type { CliTransport } from '../transport';
import { openCliTransport } from '../transport';

/** The repository root: where `npm run cli` runs. */
export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * The environment of a command line on its own data folder under `dir`, with no hospital policy and
 * no federation file (both name files that do not exist): what most CLI tests run in.
 */
export function offlineEnv(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    COHORT_DESK_DATA_DIR: join(dir, 'data'),
    COHORT_DESK_POLICY: join(dir, 'no-policy.json'),
    COHORT_DESK_FEDERATION_FILE: join(dir, 'no-federation.json'),
  };
}

/** What one command line printed and how it ended. */
export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/**
 * Runs command lines in process over the real router and services (tests only), as `npm run cli`
 * does: one transport, opened on first use over `env`'s data folder and closed by `close()`.
 */
export function cliHarness(opts: {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The vault passphrase a person would type (undefined: none given). */
  passphrase?: string;
  /** Context fields a test replaces (the transport, a data folder). */
  ctx?: Partial<CliContext>;
}): { cli(...argv: string[]): Promise<CliRun>; transport(): CliTransport; close(): void } {
  let transport: CliTransport | undefined;
  const open = (): CliTransport => (transport ??= openCliTransport(opts.env));
  return {
    async cli(...argv) {
      const out: string[] = [];
      const err: string[] = [];
      const ctx: CliContext = {
        transport: () => Promise.resolve(open()),
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        cwd: opts.cwd,
        ...(opts.passphrase === undefined
          ? {}
          : { readPassphrase: () => Promise.resolve(opts.passphrase) }),
        ...opts.ctx,
      };
      return { code: await runCli(argv, ctx), out, err };
    },
    transport: open,
    close() {
      transport?.close();
      transport = undefined;
    },
  };
}

/**
 * Starts the real command line as a child process (`node --import tsx electron/cli/main.ts`, what
 * `npm run --silent cli` runs), for what only a process shows: signals, pipes, exit codes.
 */
export function spawnCli(
  argv: readonly string[],
  opts: { env: NodeJS.ProcessEnv; stdio?: StdioOptions },
) {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'electron', 'cli', 'main.ts'), ...argv],
    { cwd: REPO_ROOT, env: opts.env, stdio: opts.stdio ?? ['ignore', 'pipe', 'pipe'] },
  );
}

/** Waits for a child to end; its exit code, or 128 + signal number as a shell reports it. */
export function exitOf(child: ReturnType<typeof spawnCli>): Promise<number> {
  return new Promise((resolve) => {
    child.on('exit', (code, signal) =>
      resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGKILL' ? 137 : 128)),
    );
  });
}

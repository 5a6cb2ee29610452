import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** `node scripts/start.mjs` running as a child, with everything it printed so far. */
export interface StartedScript {
  readonly child: ChildProcess;
  output(): string;
  /** Everything it printed on stderr so far. */
  errors(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Stops the script (and so its browser-mode server) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts `node scripts/start.mjs` with the given environment (nothing inherited but PATH and HOME). */
export function runStartScript(env: Record<string, string>): StartedScript {
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => stdout,
    errors: () => stderr,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const match = pattern.exec(stdout);
          if (match === null) return false;
          child.stdout.off('data', check);
          resolve(match);
          return true;
        };
        if (check()) return;
        child.stdout.on('data', check);
        void exited.then(() => {
          if (!check())
            reject(
              new Error(
                `start.mjs exited before printing ${String(pattern)}:\n${stdout}\n${stderr}`,
              ),
            );
        });
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

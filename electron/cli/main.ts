// `npm run cli -- <command>`: the command line (issue 16), a third transport over the app's router.
import { EXIT } from './exitCodes';
import type { CliContext } from './io';
import { openBrowser } from './openBrowser';
import { readPassphrase } from './passphrase';
import { runCli } from './program';
import type { CliTransport } from './transport';

let transport: CliTransport | undefined;
const ctx: CliContext = {
  // The services load DuckDB, the vault and more: only commands that call the router pay for it.
  transport: async () => {
    transport ??= (await import('./transport')).openCliTransport();
    return transport;
  },
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.env.INIT_CWD ?? process.cwd(),
  readPassphrase,
  openBrowser,
  errWrite: (text) => process.stderr.write(text),
  errIsTty: process.stderr.isTTY,
  onInterrupt: (cleanup) => {
    cleanups.add(cleanup);
    return () => cleanups.delete(cleanup);
  },
};

const cleanups = new Set<() => Promise<void>>();
let interrupted = false;
process.on('SIGINT', () => {
  // A second Ctrl-C does not wait for the cleanup.
  if (interrupted) process.exit(EXIT.interrupted);
  interrupted = true;
  const limit = new Promise((resolve) => setTimeout(resolve, 15_000).unref());
  void Promise.race([Promise.allSettled([...cleanups].map((c) => c())), limit]).finally(() => {
    transport?.close();
    process.exit(EXIT.interrupted);
  });
});

// `cli … | head`: the reader stopped early and wants nothing more. That is not a failure of the
// command, so it ends quietly (exit 0) instead of a stack trace for EPIPE (issue 23).
const readerGone = (error: NodeJS.ErrnoException): void => {
  if (error.code !== 'EPIPE') throw error;
  transport?.close();
  process.exit(EXIT.ok);
};
process.stdout.on('error', readerGone);
process.stderr.on('error', readerGone);

try {
  process.exitCode = await runCli(process.argv.slice(2), ctx);
} catch (error: unknown) {
  process.stderr.write(
    `Internal error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = EXIT.internal;
} finally {
  transport?.close();
}

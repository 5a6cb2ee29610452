// `npm run cli -- <command>`: the command line (issue 16), a third transport over the app's router.
import { EXIT } from './exitCodes';
import type { CliContext } from './io';
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
};

process.on('SIGINT', () => {
  transport?.close();
  process.exit(EXIT.interrupted);
});

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

import { Command, CommanderError } from 'commander';
import { registerHosts } from './commands/hosts';
import { registerCase } from './commands/case';
import { registerAudit } from './commands/audit';
import { registerSearch } from './commands/search';
import { registerAuth } from './commands/auth';
import { registerPull } from './commands/pull';
import { registerCohort } from './commands/cohort';
import { registerCache } from './commands/cache';
import { registerCompletion } from './commands/completion';
import { runner } from './commands/caseCommon';
import { registerVcf } from './commands/vcf';
import { EXIT, EXIT_HELP } from './exitCodes';
import type { ExitCode } from './exitCodes';
import type { CliContext } from './io';

/**
 * Runs one command line and returns its exit code. Each command group lives in commands/ (vcf now;
 * case, login, search, pull, cohort, sql, cache and audit follow in issues 16 and 23).
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<ExitCode> {
  let exit: ExitCode = EXIT.ok;
  const program = new Command('cli')
    .description("Cohort Desk on the command line: the app's own services, no display needed")
    .usage('<command> [options]  (run as: npm run --silent cli -- <command>)')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (s) => ctx.out(s.replace(/\n$/, '')),
      writeErr: (s) => ctx.err(s.replace(/\n$/, '')),
    })
    .addHelpText('after', EXIT_HELP);
  registerVcf(program, ctx, (code) => {
    exit = code;
  });
  registerHosts(program, ctx, (code) => {
    exit = code;
  });
  registerCase(program, ctx, (code) => {
    exit = code;
  });
  registerAudit(program, ctx, (code) => {
    exit = code;
  });
  registerSearch(program, ctx, (code) => {
    exit = code;
  });
  const run = runner(ctx, (code) => {
    exit = code;
  });
  registerAuth(program, ctx, run);
  registerPull(program, ctx, run);
  registerCohort(program, ctx, run);
  registerCache(program, ctx, run);
  registerCompletion(program, ctx, run);
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; everything else is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exit;
}

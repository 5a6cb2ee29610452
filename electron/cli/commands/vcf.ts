import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { formatProblem } from '../../../shared/vcf';
import type { VcfCheckResult } from '../../../shared/vcf/channels';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { wholeNumber } from '../options';
import { exitForError } from '../results';

/** "1 record", "2 records": the summary line is read by people (issue 16: it said "1 samples"). */
/** `1 record`, `2 records`: the count and the noun, singular for one (issue 16). */
export const counted = (n: number, noun: string): string =>
  `${String(n)} ${noun}${n === 1 ? '' : 's'}`;

/** `vcf …`: commands over VCF files (issue 16). */
export function registerVcf(
  program: Command,
  ctx: CliContext,
  setExit: (code: ExitCode) => void,
): void {
  const vcf = program.command('vcf').description('check VCF files with the reader the app uses');
  vcf
    .command('check')
    .description(
      'check VCF files (plain, gzip or BGZF; VCFv4.1 to 4.5) against the specification of their declared version',
    )
    .argument('<file...>', 'VCF files (.vcf, .vcf.gz, .vcf.bgz)')
    .addOption(
      new Option('--max-problems <n>', 'problems shown per file (all are counted)')
        .default(100)
        .argParser(wholeNumber('--max-problems', 1)),
    )
    .option('--json', 'print one JSON result per file on stdout instead of the summary')
    .option('-q, --quiet', 'print nothing on stdout (problems still go to stderr)')
    .addHelpText(
      'after',
      `
Prints one "FILE:LINE: message" line per problem on stderr (warnings as "FILE:LINE: warning: …"),
and a one-line summary per valid file on stdout.
${EXIT_HELP}`,
    )
    .action(
      async (files: string[], opts: { maxProblems: number; json?: boolean; quiet?: boolean }) => {
        let code: ExitCode = EXIT.ok;
        for (const file of files) {
          const r = await (
            await ctx.transport()
          ).invoke('vcf:check', {
            path: resolve(ctx.cwd, file),
            name: file,
            maxProblems: opts.maxProblems,
          });
          if (!r.ok) {
            ctx.err(`${file}: ${r.error.message}`);
            code = worst(code, exitForError(r.error.code));
            continue;
          }
          report(r.value, opts, ctx);
          if (!r.value.valid) code = worst(code, EXIT.invalid);
        }
        setExit(code);
      },
    );
}

/** The exit code that says more: usage and refusals outrank an invalid file. */
function worst(a: ExitCode, b: ExitCode): ExitCode {
  return b > a ? b : a;
}

function report(
  r: VcfCheckResult,
  opts: { json?: boolean; quiet?: boolean },
  ctx: CliContext,
): void {
  for (const p of r.errors) ctx.err(formatProblem(p));
  if (r.errorCount > r.errors.length) {
    ctx.err(
      `${r.file}: … ${String(r.errorCount - r.errors.length)} more problems not shown (--max-problems)`,
    );
  }
  for (const p of r.warnings) ctx.err(formatProblem(p));
  // Decision 0095: the warnings past the ones listed are counted, not silently dropped.
  if (r.warningCount > r.warnings.length) {
    ctx.err(
      `${r.file}: … ${String(r.warningCount - r.warnings.length)} more warnings not shown (--max-problems)`,
    );
  }
  if (opts.json === true) {
    ctx.out(JSON.stringify(r));
    return;
  }
  if (opts.quiet === true || !r.valid) return;
  const parts = [
    `valid VCFv${r.version ?? '?'}`,
    r.container ?? 'plain',
    counted(r.records, 'record'),
    counted(r.samples, 'sample'),
  ];
  if (r.assembly !== null)
    parts.push(r.assembly.name === 'unknown' ? 'assembly unknown' : r.assembly.name);
  if (r.warningCount > 0) parts.push(counted(r.warningCount, 'warning'));
  ctx.out(`${r.file}: ${parts.join(', ')}`);
}

import type { Command } from 'commander';
import { Option } from 'commander';
import type { CaseFilterInput } from '../../../shared/cases/filters';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { passphraseFdOption } from '../passphrase';
import { exitForError } from '../results';
import { int, Stop, unlocked } from './caseCommon';
import { cancerOptions } from './caseCancer';
import { importCase } from './caseImport';
import type { ImportOpts } from './caseImport';
import { registerCaseRank } from './caseRank';

/** `case …`: import a patient's VCF into an encrypted case, and filter its variants (issue 16). */
export function registerCase(
  program: Command,
  ctx: CliContext,
  setExit: (code: ExitCode) => void,
): void {
  const run = (fn: () => Promise<ExitCode>) => async () => {
    try {
      setExit(await fn());
    } catch (error: unknown) {
      if (!(error instanceof Stop)) throw error;
      ctx.err(error.message);
      setExit(error.code);
    }
  };
  const c = program
    .command('case')
    .description('patient cases: import a VCF (with PED and phenotype), filter its variants');
  const imp = c
    .command('import')
    .description(
      'import a VCF (plain, gzip or BGZF; VCFv4.1–4.5; GRCh38) into a new encrypted case',
    )
    .requiredOption('--vcf <file>', 'the patient VCF (single- or multi-sample)')
    .option(
      '--ped <file>',
      'a PED file (trio, duo, quartet); samples are matched to its members by id',
    )
    .option(
      '--phenopacket <file>',
      'a Phenopacket v2 JSON: phenotype (observed and excluded HPO terms), sex, subject id',
    )
    .option('--id <id>', 'the case id (default: generated)')
    .option('--patient <id>', 'the pseudonymous patient id (default: the Phenopacket subject)')
    .addOption(
      new Option('--sex <sex>', "the proband's sex").choices(['male', 'female', 'unknown']),
    )
    .option(
      '--proband <id>',
      'the proband: a PED member (default: its affected child) or a VCF sample',
    )
    .option(
      '--link <sample=member>',
      'link a VCF sample to a PED member (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--note <text>', 'a free-text note');
  cancerOptions(imp)
    .option('--json', 'print the result as JSON')
    .addOption(passphraseFdOption())
    .addHelpText('after', EXIT_HELP)
    .action((o: ImportOpts) => run(() => importCase(ctx, o))());
  c.command('variants')
    .description("the case's variants after filtering (same SQL as the app's table)")
    .argument('<id>', 'case id')
    .option(
      '--preset <name>',
      'a built-in or saved preset ("rare disease trio", "epilepsy panel", "ACMG secondary findings")',
    )
    .option(
      '--filter <json>',
      'a filter as JSON (shared/cases/filters.ts), e.g. {"inheritance":["de_novo"]}',
    )
    .addOption(new Option('--limit <n>', 'rows to print').default(500).argParser(int('--limit')))
    .option('--json', 'print {total, kept, steps, rows} as JSON')
    .addOption(passphraseFdOption())
    .addHelpText('after', EXIT_HELP)
    .action(
      (
        id: string,
        o: {
          preset?: string;
          filter?: string;
          limit: number;
          json?: boolean;
          passphraseFd?: number;
        },
      ) =>
        run(async () => {
          let filter: unknown;
          if (o.filter !== undefined) {
            try {
              filter = JSON.parse(o.filter);
            } catch {
              throw new Stop(EXIT.usage, '--filter is not JSON');
            }
          }
          const t = await unlocked(ctx, o.passphraseFd);
          const r = await t.invoke('case:variants', {
            caseId: id,
            limit: o.limit,
            ...(filter === undefined ? {} : { filter: filter as CaseFilterInput }),
            ...(o.preset === undefined ? {} : { preset: o.preset }),
          });
          if (!r.ok) throw new Stop(exitForError(r.error.code), r.error.message);
          if (o.json === true) ctx.out(JSON.stringify(r.value));
          else {
            for (const s of r.value.steps)
              ctx.err(`${s.step}: removes ${String(s.removes)}, ${String(s.remaining)} left`);
            ctx.out(['variant', 'gene', 'consequence', 'gt', 'pop_af', 'modes'].join('\t'));
            for (const v of r.value.rows)
              ctx.out(
                [
                  v.variant_key,
                  v.gene ?? '',
                  v.consequence ?? '',
                  v.p_gt ?? '',
                  v.pop_af ?? '',
                  v.modes.join(','),
                ].join('\t'),
              );
          }
          return EXIT.ok;
        })(),
    );
  registerCaseRank(c, run, ctx);
  c.command('list')
    .description('the cases in the vault')
    .option('--json', 'print JSON')
    .addOption(passphraseFdOption())
    .action((o: { json?: boolean; passphraseFd?: number }) =>
      run(async () => {
        const t = await unlocked(ctx, o.passphraseFd);
        const r = await t.invoke('case:list', undefined);
        if (!r.ok) throw new Stop(exitForError(r.error.code), r.error.message);
        if (o.json === true) ctx.out(JSON.stringify(r.value));
        else
          for (const x of r.value.cases)
            ctx.out(
              `${x.caseId}\t${x.createdAt}\t${String(x.samples)} samples\t${String(x.variants)} variants`,
            );
        return EXIT.ok;
      })(),
    );
}

import type { Command } from 'commander';
import { Option } from 'commander';
import type { CaseSummary } from '../../../shared/cases/channels';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { passphraseFdOption } from '../passphrase';
import { exitForError } from '../results';
import { Stop, unlocked } from './caseCommon';
import { cancerOptions } from './caseCancer';
import { importCase } from './caseImport';
import type { ImportOpts } from './caseImport';
import { registerCaseRank } from './caseRank';
import { registerCaseVariants } from './caseVariants';
import { counted } from './vcf';

/** A case's kind as the list prints it (issue 19): "germline" or "cancer (SKCM, tumour-normal)". */
export const kindText = (x: Pick<CaseSummary, 'kind' | 'design' | 'tumourType'>): string =>
  x.kind === 'germline'
    ? 'germline'
    : `cancer (${[x.tumourType, x.design].filter((v) => v !== null).join(', ')})`;

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
  registerCaseVariants(c, run, ctx);
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
              `${x.caseId}\t${x.createdAt}\t${counted(x.samples, 'sample')}\t${counted(x.variants, 'variant')}\t${kindText(x)}`,
            );
        return EXIT.ok;
      })(),
    );
}

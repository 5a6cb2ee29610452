import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { SomaticFilterSchema } from '../../../shared/cancer/somaticFilter';
import { presetKindsOf, presetNameProblem } from '../../../shared/cases/presetKind';
import { show } from '../../../shared/vcf/problems';
import type { CaseFilterInput } from '../../../shared/cases/filters';
import { CaseFilterSchema, INHERITANCE_MODES } from '../../../shared/cases/filters';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { passphraseFdOption } from '../passphrase';
import { exitForError } from '../results';
import type { CliTransport } from '../transport';
import { int, Stop, unlocked } from './caseCommon';
import type { VariantsOpts } from './caseSomatic';
import {
  parseJson,
  percent,
  savedPresetNames,
  SOMATIC_HELP,
  somaticFlagsUsed,
  somaticVariants,
} from './caseSomatic';

const repeat = (v: string, all: string[]): string[] => [...all, v];

/** A repeatable option with a closed set of values (commander's choices() does not repeat). */
const oneOf =
  (name: string, values: readonly string[]) =>
  (v: string, all: string[]): string[] => {
    if (!values.includes(v))
      throw new InvalidArgumentError(`${name} takes one of ${values.join(', ')}`);
    return [...all, v];
  };

/**
 * Refuses a --preset no preset can be named (issue 19) without echoing it: commander's own
 * argument errors quote the value whole, control characters and all, so this runs in the action.
 */
function checkPresetName(value: string): void {
  const problem = presetNameProblem(value);
  if (problem !== undefined)
    throw new Stop(
      EXIT.usage,
      problem === 'empty'
        ? '--preset takes a preset name; this one is empty'
        : problem === 'too-long'
          ? `--preset takes a preset name of at most 100 characters; this one has ${String(value.length)}`
          : '--preset takes a preset name; this one holds control, text-direction or invisible characters',
    );
}

/** Whether the vault lists the case as a cancer case; undefined when it is not listed. */
async function kindOf(t: CliTransport, caseId: string): Promise<'germline' | 'cancer' | undefined> {
  const r = await t.invoke('case:list', undefined);
  return r.ok ? r.value.cases.find((c) => c.caseId === caseId)?.kind : undefined;
}

async function germlineVariants(
  ctx: CliContext,
  t: CliTransport,
  id: string,
  o: VariantsOpts,
): Promise<void> {
  const somatic = somaticFlagsUsed(o);
  // A somatic preset, built in or saved in the Somatic tab; a name of both kinds is the germline one.
  const kinds = o.preset === undefined ? [] : presetKindsOf(o.preset, await savedPresetNames(t));
  const what =
    somatic.length > 0
      ? `${somatic.join(', ')} ${somatic.length > 1 ? 'are somatic filters' : 'is a somatic filter'}`
      : o.preset !== undefined && kinds.includes('somatic') && !kinds.includes('germline')
        ? `${show(o.preset)} is a somatic preset`
        : undefined;
  if (what !== undefined)
    throw new Stop(
      EXIT.usage,
      `Case "${id}" is a germline case: ${what} for cancer cases. Filter it with --filter, --inheritance or a germline --preset ("rare disease trio", "epilepsy panel", "ACMG secondary findings" or one you saved).`,
    );
  let filter: CaseFilterInput | undefined;
  if (o.filter !== undefined) {
    const json = parseJson(o.filter);
    const somaticKeys =
      typeof json === 'object' && json !== null
        ? Object.keys(json).filter(
            (k) => k in SomaticFilterSchema.shape && !(k in CaseFilterSchema.shape),
          )
        : [];
    if (somaticKeys.length > 0)
      throw new Stop(
        EXIT.usage,
        `Case "${id}" is a germline case: ${somaticKeys.join(', ')} ${somaticKeys.length === 1 ? 'is a somatic filter' : 'are somatic filters'} for cancer cases. Its --filter takes the germline fields ${Object.keys(CaseFilterSchema.shape).join(', ')}.`,
      );
    filter = json as CaseFilterInput;
  }
  if (o.inheritance.length > 0) {
    if (o.preset !== undefined)
      throw new Stop(EXIT.usage, 'Give --inheritance with --filter or alone, not with --preset.');
    filter = {
      ...filter,
      inheritance: o.inheritance as NonNullable<CaseFilterInput['inheritance']>,
    };
  }
  const r = await t.invoke('case:variants', {
    caseId: id,
    limit: o.limit,
    ...(filter === undefined ? {} : { filter }),
    ...(o.preset === undefined ? {} : { preset: o.preset }),
  });
  if (!r.ok) throw new Stop(exitForError(r.error.code), r.error.message);
  // Issue 16 (decision 0085): a listed symbol no variant of the case is in is named, as the page
  // names it; a warning on stderr (also in --json as genesAbsent), the filter still ran (exit 0).
  const absent = r.value.genesAbsent;
  if (absent.length > 0)
    ctx.err(
      `warning: ${absent.length === 1 ? 'the gene' : `${String(absent.length)} genes`} ${absent.join(', ')} of the gene list ${absent.length === 1 ? 'is' : 'are'} in no variant of case "${id}": misspelt, renamed, or the case has no call there`,
    );
  if (o.json === true) {
    ctx.out(JSON.stringify(r.value));
    return;
  }
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

/** `case variants <id>`: a germline case's filtered variants, or a cancer case's somatic calls. */
export function registerCaseVariants(
  c: Command,
  run: (fn: () => Promise<ExitCode>) => () => Promise<void>,
  ctx: CliContext,
): void {
  c.command('variants')
    .description(
      "the case's variants after filtering (same SQL as the app's table; a cancer case's somatic calls)",
    )
    .argument('<id>', 'case id')
    .option(
      '--preset <name>',
      'a built-in or saved preset ("rare disease trio", "epilepsy panel", "ACMG secondary findings"; on a cancer case a somatic preset such as "somatic actionable")',
    )
    .option(
      '--filter <json>',
      'a filter as JSON: shared/cases/filters.ts, e.g. {"inheritance":["de_novo"]}; on a cancer case shared/cancer/somaticFilter.ts, e.g. {"hotspotOnly":true}',
    )
    .addOption(
      new Option(
        '--inheritance <mode>',
        `germline: keep variants fitting this mode (repeatable): ${INHERITANCE_MODES.join(', ')}`,
      )
        .argParser(oneOf('--inheritance', INHERITANCE_MODES))
        .default([]),
    )
    .option('--pass-only', 'somatic: FILTER is PASS (or .)')
    .addOption(
      new Option('--min-vaf <percent>', 'somatic: tumour VAF at least this').argParser(
        percent('--min-vaf'),
      ),
    )
    .addOption(
      new Option('--min-tumour-depth <n>', 'somatic: tumour depth at least this').argParser(
        int('--min-tumour-depth'),
      ),
    )
    .addOption(
      new Option('--min-normal-depth <n>', 'somatic: normal depth at least this').argParser(
        int('--min-normal-depth'),
      ),
    )
    .addOption(
      new Option(
        '--max-normal-vaf <percent>',
        'somatic: normal VAF at most this (a germline leak reads higher)',
      ).argParser(percent('--max-normal-vaf')),
    )
    .option(
      '--consequence <so-term>',
      'somatic: keep this consequence, e.g. missense_variant (repeatable)',
      repeat,
      [],
    )
    .option('--hotspots', 'somatic: known cancer hotspots only')
    .addOption(
      new Option(
        '--genes <set>',
        'somatic: driver (oncogenes, tumour suppressors, hotspot genes) or predisposition (CPSR superpanel)',
      ).choices(['driver', 'predisposition']),
    )
    .addOption(
      new Option(
        '--tier <tier>',
        'somatic: proposed AMP/ASCO/CAP tier I, II, III or IV (repeatable)',
      )
        .argParser(oneOf('--tier', ['I', 'II', 'III', 'IV']))
        .default([]),
    )
    .addOption(new Option('--limit <n>', 'rows to print').default(500).argParser(int('--limit')))
    .option('--json', 'print {total, kept, steps, rows} as JSON')
    .addOption(passphraseFdOption())
    .addHelpText('after', `${SOMATIC_HELP}${EXIT_HELP}`)
    .action((id: string, o: VariantsOpts) =>
      run(async () => {
        // A filter that is not JSON is a usage error before the vault is asked for.
        if (o.filter !== undefined) parseJson(o.filter);
        if (o.preset !== undefined) checkPresetName(o.preset);
        const t = await unlocked(ctx, o.passphraseFd);
        if ((await kindOf(t, id)) === 'cancer') await somaticVariants(ctx, t, id, o);
        else await germlineVariants(ctx, t, id, o);
        return EXIT.ok;
      })(),
    );
}

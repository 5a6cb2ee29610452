import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { SomaticRow } from '../../../shared/cancer/channels';
import type { SomaticFilter } from '../../../shared/cancer/somaticFilter';
import { SomaticFilterSchema } from '../../../shared/cancer/somaticFilter';
import { SOMATIC_PRESETS, somaticPreset } from '../../../shared/cancer/somaticPresets';
import type { CaseFilterInput } from '../../../shared/cases/filters';
import { CaseFilterSchema, INHERITANCE_MODES } from '../../../shared/cases/filters';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { passphraseFdOption } from '../passphrase';
import { exitForError } from '../results';
import type { CliTransport } from '../transport';
import { int, Stop, unlocked } from './caseCommon';

/** `case variants`' options, as commander parses them. */
interface VariantsOpts {
  preset?: string;
  filter?: string;
  limit: number;
  json?: boolean;
  passphraseFd?: number;
  /** Germline only. */
  inheritance: string[];
  /** Somatic only (issue 19). */
  passOnly?: boolean;
  minVaf?: number;
  minTumourDepth?: number;
  minNormalDepth?: number;
  maxNormalVaf?: number;
  consequence: string[];
  hotspots?: boolean;
  genes?: 'driver' | 'predisposition';
  tier: string[];
}

const repeat = (v: string, all: string[]): string[] => [...all, v];

/** A repeatable option with a closed set of values (commander's choices() does not repeat). */
const oneOf =
  (name: string, values: readonly string[]) =>
  (v: string, all: string[]): string[] => {
    if (!values.includes(v))
      throw new InvalidArgumentError(`${name} takes one of ${values.join(', ')}`);
    return [...all, v];
  };

/** A percentage option (0–100) as a fraction. */
const percent =
  (name: string) =>
  (value: string): number => {
    const n = Number(value.replace(/%$/u, ''));
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100)
      throw new InvalidArgumentError(`${name} takes a percentage between 0 and 100 (e.g. 5)`);
    return n / 100;
  };

/** The somatic options' flags and what each sets in the somatic filter. */
const SOMATIC_FLAGS: readonly [flag: string, set: (o: VariantsOpts) => SomaticFilter][] = [
  ['--pass-only', (o) => (o.passOnly === true ? { passOnly: true } : {})],
  ['--min-vaf', (o) => (o.minVaf === undefined ? {} : { minTumourVaf: o.minVaf })],
  [
    '--min-tumour-depth',
    (o) => (o.minTumourDepth === undefined ? {} : { minTumourDepth: o.minTumourDepth }),
  ],
  [
    '--min-normal-depth',
    (o) => (o.minNormalDepth === undefined ? {} : { minNormalDepth: o.minNormalDepth }),
  ],
  [
    '--max-normal-vaf',
    (o) => (o.maxNormalVaf === undefined ? {} : { maxNormalVaf: o.maxNormalVaf }),
  ],
  ['--consequence', (o) => (o.consequence.length === 0 ? {} : { consequences: o.consequence })],
  ['--hotspots', (o) => (o.hotspots === true ? { hotspotOnly: true } : {})],
  ['--genes', (o) => (o.genes === undefined ? {} : { geneSet: o.genes })],
  [
    '--tier',
    (o) => (o.tier.length === 0 ? {} : { tiers: o.tier as NonNullable<SomaticFilter['tiers']> }),
  ],
];

const somaticFlagsUsed = (o: VariantsOpts): string[] =>
  SOMATIC_FLAGS.filter(([, set]) => Object.keys(set(o)).length > 0).map(([flag]) => flag);

const presetNames = SOMATIC_PRESETS.map((p) => `"${p.name}"`).join(', ');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Stop(EXIT.usage, '--filter is not JSON');
  }
}

/**
 * A cancer case's somatic filter from the options (issue 19): --preset or --filter is the base
 * (neither: the somatic default, the view the app opens with), the somatic flags are set on top.
 * Germline filters and presets are refused with what the case takes instead.
 */
export function somaticFilterOf(caseId: string, o: VariantsOpts): SomaticFilter {
  if (o.inheritance.length > 0)
    throw new Stop(
      EXIT.usage,
      `Case "${caseId}" is a cancer case: --inheritance is a germline filter. Filter its somatic calls with --min-vaf, --min-tumour-depth, --min-normal-depth, --max-normal-vaf, --pass-only, --consequence, --hotspots, --genes, --tier or a somatic --preset.`,
    );
  if (o.preset !== undefined && o.filter !== undefined)
    throw new Stop(EXIT.usage, 'Give either --preset or --filter, not both.');
  let base: SomaticFilter = somaticPreset('somatic default')?.filter ?? {};
  if (o.preset !== undefined) {
    const p = somaticPreset(o.preset);
    if (p === undefined)
      throw new Stop(
        EXIT.usage,
        `Case "${caseId}" is a cancer case: "${o.preset}" is not a somatic preset. Choose one of ${presetNames}.`,
      );
    base = p.filter;
  }
  if (o.filter !== undefined) {
    const parsed = SomaticFilterSchema.safeParse(parseJson(o.filter));
    if (!parsed.success) {
      const germline = parsed.error.issues
        .flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []))
        .filter((k) => k in CaseFilterSchema.shape);
      throw new Stop(
        EXIT.usage,
        germline.length > 0
          ? `Case "${caseId}" is a cancer case: ${germline.join(', ')} ${germline.length === 1 ? 'is a germline filter' : 'are germline filters'}. Its --filter takes the somatic fields ${Object.keys(SomaticFilterSchema.shape).join(', ')}.`
          : `--filter is not a somatic filter: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'filter'}: ${i.message}`).join('; ')}.`,
      );
    }
    base = parsed.data;
  }
  const flags = Object.assign({}, ...SOMATIC_FLAGS.map(([, set]) => set(o))) as SomaticFilter;
  return SomaticFilterSchema.parse({ ...base, ...flags });
}

const pct = (v: number | null): string => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
const depth = (dp: number | null, ref: number | null, alt: number | null): string =>
  dp !== null ? String(dp) : ref !== null && alt !== null ? String(ref + alt) : '';

/** One somatic row as a tab-separated line: tumour and normal VAF and depth, tier, flags. */
export function somaticLine(v: SomaticRow): string {
  const flags = [
    v.hotspot === null
      ? ''
      : `hotspot:${v.hotspot}${v.hotspot_label === null ? '' : `:${v.hotspot_label}`}`,
    v.germline_leak ? 'germline-leak' : '',
    v.civic_level === null ? '' : `civic:${v.civic_level}`,
    v.predisposition_gene ? 'predisposition-gene' : '',
  ].filter((x) => x !== '');
  return [
    v.variant_key,
    v.gene ?? '',
    v.protein_change ?? '',
    v.consequence ?? '',
    v.filters ?? '',
    pct(v.t_vaf),
    depth(v.t_dp, v.t_ad_ref, v.t_ad_alt),
    pct(v.n_vaf),
    depth(v.n_dp, v.n_ad_ref, v.n_ad_alt),
    `${v.tier}${v.tier_level ?? ''}`,
    flags.join(','),
  ].join('\t');
}

export const SOMATIC_HEADER = [
  'variant',
  'gene',
  'protein',
  'consequence',
  'filter',
  'tumour_vaf',
  'tumour_depth',
  'normal_vaf',
  'normal_depth',
  'tier',
  'flags',
].join('\t');

/** Whether the vault lists the case as a cancer case; undefined when it is not listed. */
async function kindOf(t: CliTransport, caseId: string): Promise<'germline' | 'cancer' | undefined> {
  const r = await t.invoke('case:list', undefined);
  return r.ok ? r.value.cases.find((c) => c.caseId === caseId)?.kind : undefined;
}

async function somaticVariants(
  ctx: CliContext,
  t: CliTransport,
  id: string,
  o: VariantsOpts,
): Promise<void> {
  const filter = somaticFilterOf(id, o);
  const r = await t.invoke('cancer:somatic', { caseId: id, filter, limit: o.limit });
  if (!r.ok) throw new Stop(exitForError(r.error.code), r.error.message);
  if (o.json === true) {
    ctx.out(JSON.stringify({ kind: 'cancer', filter, ...r.value }));
    return;
  }
  for (const s of r.value.steps)
    ctx.err(`${s.step}: removes ${String(s.removes)}, ${String(s.remaining)} left`);
  ctx.out(SOMATIC_HEADER);
  for (const v of r.value.rows) ctx.out(somaticLine(v));
}

async function germlineVariants(
  ctx: CliContext,
  t: CliTransport,
  id: string,
  o: VariantsOpts,
): Promise<void> {
  const somatic = somaticFlagsUsed(o);
  const what =
    somatic.length > 0
      ? `${somatic.join(', ')} ${somatic.length > 1 ? 'are somatic filters' : 'is a somatic filter'}`
      : o.preset !== undefined && somaticPreset(o.preset) !== undefined
        ? `"${o.preset}" is a somatic preset`
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

const SOMATIC_HELP = `
A cancer case (issue 19) is filtered on its somatic calls, as the app's somatic view: without
--preset or --filter the view starts from "somatic default" (as the app opens); the somatic options
are set on top. Somatic presets: ${SOMATIC_PRESETS.map((p) => `\n  ${p.name}: ${p.description}`).join('')}
Rows print tumour and normal VAF and depth, the proposed AMP/ASCO/CAP tier and the flags
(hotspot, germline-leak, civic level, predisposition-gene); --json prints {kind, filter, total,
kept, steps, rows}. Germline options on a cancer case, and somatic ones on a germline case, are
refused (exit 2).
`;

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
        const t = await unlocked(ctx, o.passphraseFd);
        if ((await kindOf(t, id)) === 'cancer') await somaticVariants(ctx, t, id, o);
        else await germlineVariants(ctx, t, id, o);
        return EXIT.ok;
      })(),
    );
}

import type { SomaticRow } from '../../../shared/cancer/channels';
import type { SomaticFilter } from '../../../shared/cancer/somaticFilter';
import { SomaticFilterSchema } from '../../../shared/cancer/somaticFilter';
import type { SomaticPresetFile } from '../../../shared/cancer/somaticPresets';
import { SOMATIC_PRESETS, somaticPreset } from '../../../shared/cancer/somaticPresets';
import type { CasePreset } from '../../../shared/cases/filters';
import { CaseFilterSchema } from '../../../shared/cases/filters';
import { presetKindsOf, presetNameKey } from '../../../shared/cases/presetKind';
import { show } from '../../../shared/vcf/problems';
import { InvalidArgumentError } from 'commander';
import { EXIT } from '../exitCodes';
import type { CliContext } from '../io';
import { exitForError } from '../results';
import type { CliTransport } from '../transport';
import { Stop } from './caseCommon';

/* `case variants` on a cancer case (issue 19): the somatic options, filter, rows and help. */

/** `case variants`' options, as commander parses them. */
export interface VariantsOpts {
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

/** A percentage option (0–100) as a fraction. */
export const percent =
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

export const somaticFlagsUsed = (o: VariantsOpts): string[] =>
  SOMATIC_FLAGS.filter(([, set]) => Object.keys(set(o)).length > 0).map(([flag]) => flag);

const presetNames = SOMATIC_PRESETS.map((p) => `"${p.name}"`).join(', ');

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Stop(EXIT.usage, '--filter is not JSON');
  }
}

/** The user's saved presets of both kinds (issue 19: a name is checked against the other kind). */
export async function savedPresetNames(
  t: CliTransport,
): Promise<{ germline: CasePreset[]; somatic: SomaticPresetFile[] }> {
  const [germline, somatic] = [
    await t.invoke('case:presets', undefined),
    await t.invoke('cancer:presets', undefined),
  ];
  for (const r of [germline, somatic])
    if (!r.ok) throw new Stop(exitForError(r.error.code), r.error.message);
  return {
    germline: germline.ok ? germline.value.saved : [],
    somatic: somatic.ok ? somatic.value.saved : [],
  };
}

/**
 * A cancer case's somatic filter from the options (issue 19): --preset or --filter is the base
 * (neither: the somatic default, the view the app opens with), the somatic flags are set on top.
 * Germline filters and presets are refused with what the case takes instead.
 */
export function somaticFilterOf(
  caseId: string,
  o: VariantsOpts,
  saved: readonly SomaticPresetFile[] = [],
  savedGermline: readonly { readonly name: string }[] = [],
): SomaticFilter {
  if (o.inheritance.length > 0)
    throw new Stop(
      EXIT.usage,
      `Case "${caseId}" is a cancer case: --inheritance is a germline filter. Filter its somatic calls with --min-vaf, --min-tumour-depth, --min-normal-depth, --max-normal-vaf, --pass-only, --consequence, --hotspots, --genes, --tier or a somatic --preset.`,
    );
  if (o.preset !== undefined && o.filter !== undefined)
    throw new Stop(EXIT.usage, 'Give either --preset or --filter, not both.');
  let base: SomaticFilter = somaticPreset('somatic default')?.filter ?? {};
  if (o.preset !== undefined) {
    // A built-in, else one the user saved in the Somatic tab (decision 0079).
    const wanted = presetNameKey(o.preset);
    const p = somaticPreset(o.preset) ?? saved.find((x) => presetNameKey(x.name) === wanted);
    if (p === undefined) {
      // Issue 19: a germline preset, built in or saved, is named as one (a name of both kinds is
      // the somatic one here); saved names are shown as data (control characters made visible).
      const germline = presetKindsOf(o.preset, { germline: savedGermline, somatic: [] }).includes(
        'germline',
      );
      throw new Stop(
        EXIT.usage,
        `Case "${caseId}" is a cancer case: ${show(o.preset)} is not a somatic preset${germline ? ' (it is a germline preset, for germline cases)' : ''}. Choose one of ${presetNames}${saved.length === 0 ? '' : ` or one you saved (${saved.map((x) => show(x.name)).join(', ')})`}.`,
      );
    }
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
  const all = SomaticFilterSchema.safeParse({ ...base, ...flags });
  if (!all.success) {
    // Issue 19: the options' own parsers checked all but --consequence (an empty or odd term was
    // a crash); named, never echoed, as a value may be long or hold control characters.
    const issue = all.error.issues[0];
    throw new Stop(
      EXIT.usage,
      issue?.path[0] === 'consequences'
        ? '--consequence takes Sequence Ontology terms such as missense_variant (letters, digits and _, 1 to 80 characters; at most 100 terms)'
        : `The somatic options are not a somatic filter: ${issue?.path.join('.') ?? 'filter'}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  return all.data;
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

export async function somaticVariants(
  ctx: CliContext,
  t: CliTransport,
  id: string,
  o: VariantsOpts,
): Promise<void> {
  const saved = o.preset === undefined ? undefined : await savedPresetNames(t);
  const filter = somaticFilterOf(id, o, saved?.somatic, saved?.germline);
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

export const SOMATIC_HELP = `
A cancer case (issue 19) is filtered on its somatic calls, as the app's somatic view: without
--preset or --filter the view starts from "somatic default" (as the app opens); the somatic options
are set on top. Somatic presets (and any the user saved in the app's Somatic tab):${SOMATIC_PRESETS.map((p) => `\n  ${p.name}: ${p.description}`).join('')}
Rows print tumour and normal VAF and depth, the proposed AMP/ASCO/CAP tier and the flags
(hotspot, germline-leak, civic level, predisposition-gene); --json prints {kind, filter, total,
kept, steps, rows}. Germline options on a cancer case, and somatic ones on a germline case, are
refused (exit 2).
`;

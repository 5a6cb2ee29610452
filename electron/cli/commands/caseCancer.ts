import { resolve } from 'node:path';
import { Option } from 'commander';
import type { Command } from 'commander';
import type { CancerCase } from '../../../shared/cancer/cancerCase';
import { TUMOUR_CODES } from '../../../shared/cancer/tumourTypes';
import type { CaseImportRequest, CaseInspection } from '../../../shared/cases/channels';
import { formatProblem } from '../../../shared/vcf';
import { show } from '../../../shared/vcf/problems';
import { EXIT } from '../exitCodes';
import type { CliContext } from '../io';
import { exitForError } from '../results';
import type { CliTransport } from '../transport';
import { Stop } from './caseCommon';

/** `case import`'s cancer options (issue 19), as commander parses them. */
export interface CancerOpts {
  cancer?: boolean;
  tumour?: string;
  normal?: string;
  tumourOnly?: boolean;
  tumourType?: string;
  purity?: string;
  germlineVcf?: string;
  germlineSample?: string;
}

/** Adds the cancer options to `case import`: the same fields the New case dialog asks. */
export function cancerOptions(cmd: Command): Command {
  return cmd
    .option(
      '--cancer',
      "a cancer case: a tumour-normal or tumour-only VCF (Mutect2, Strelka2); implied by the options below, and by a somatic caller's header unless --ped, --link or --proband is given",
    )
    .option(
      '--tumour <sample>',
      "the tumour's VCF sample (default: the one the caller's header names)",
    )
    .option(
      '--normal <sample>',
      "the matched normal's VCF sample (default: the one the caller's header names)",
    )
    .option('--tumour-only', 'no matched normal, even where the VCF has a second sample')
    .addOption(
      new Option('--tumour-type <code>', 'the tumour type as an OncoTree code').choices(
        TUMOUR_CODES,
      ),
    )
    .option('--purity <percent>', 'tumour purity (cellularity) in percent, 1–100, when known')
    .option(
      '--germline-vcf <file>',
      "the patient's germline caller VCF beside the tumour VCF (predisposition genes are read from it, not from the normal column)",
    )
    .option(
      '--germline-sample <sample>',
      "the germline VCF's sample (default: its first sample column)",
    );
}

/** Whether the options ask for a cancer case. */
export const wantsCancer = (o: CancerOpts): boolean =>
  o.cancer === true ||
  o.tumourOnly === true ||
  [o.tumour, o.normal, o.tumourType, o.purity, o.germlineVcf, o.germlineSample].some(
    (v) => v !== undefined,
  );

/**
 * The `case:import` request's cancer part, with the dialog's defaults: the samples the caller's
 * header names (Mutect2's tumor_sample/normal_sample, Strelka2's TUMOR/NORMAL), else the second
 * sample as the tumour and the other as the normal. Usage errors are exit 2.
 */
export function cancerRequest(
  o: CancerOpts & { ped?: string; link: string[]; proband?: string },
  i: CaseInspection,
): CancerCase {
  if (o.ped !== undefined || o.link.length > 0 || o.proband !== undefined)
    throw new Stop(
      EXIT.usage,
      'A cancer case has a tumour and a normal, not a pedigree: leave out --ped, --link and --proband (use --tumour and --normal).',
    );
  if (o.tumourOnly === true && o.normal !== undefined)
    throw new Stop(EXIT.usage, 'Give either --normal or --tumour-only, not both.');
  const s = i.vcf.samples;
  // Issue 19: Mutect2's header names its samples; one renamed since (bcftools reheader) is said
  // as the header's, with what to give, not guessed from the other column (tumour and normal
  // could swap).
  const named = i.vcf.somatic;
  for (const [role, key, given, value] of [
    ['tumour', 'tumor_sample', o.tumour, named?.tumour],
    [
      'normal',
      'normal_sample',
      o.normal ?? (o.tumourOnly === true ? '' : undefined),
      named?.normal,
    ],
  ] as const)
    if (given === undefined && value != null && !s.includes(value))
      throw new Stop(
        EXIT.invalid,
        `${i.vcf.name}: its header's ##${key} names the sample ${show(value)}, which is none of its sample columns (${s.map((x) => show(x)).join(', ')}); give the ${role} with --${role}${role === 'normal' ? ' or use --tumour-only' : ''}.`,
      );
  const tumour = o.tumour ?? named?.tumour ?? s[s.length > 1 ? 1 : 0];
  if (tumour === undefined)
    throw new Stop(EXIT.invalid, `${i.vcf.name}: the VCF has no sample column for the tumour.`);
  const normal =
    o.tumourOnly === true ? undefined : (o.normal ?? named?.normal ?? s.find((x) => x !== tumour));
  const purity = o.purity === undefined ? undefined : Number(o.purity.replace(/%$/u, ''));
  // 1–100 as documented: below 1 is most likely a fraction meant as one (0.6 for 60 %), never
  // taken as 0.6 % (issue 19).
  if (purity !== undefined && !(Number.isFinite(purity) && purity >= 1 && purity <= 100))
    throw new Stop(
      EXIT.usage,
      `--purity takes a percentage between 1 and 100 (e.g. 60), not "${o.purity ?? ''}"; leave it out when not known.`,
    );
  return {
    tumour,
    ...(normal === undefined ? {} : { normal }),
    ...(o.tumourType === undefined ? {} : { tumourType: o.tumourType }),
    ...(purity === undefined ? {} : { purity: purity / 100 }),
  };
}

type CancerRequest = NonNullable<CaseImportRequest['cancer']>;

/** The cancer request, and what the command prints of it: the germline VCF by name, not by handle. */
export interface CancerImport {
  readonly request: CancerRequest;
  readonly shown: CancerCase & { germline?: { file: string; sample: string } };
}

/**
 * The separate germline VCF of `--germline-vcf` (decision 0059), as the New case dialog takes it:
 * main inspects the file, its problems are printed with file and line, an error or a sample the
 * file does not have stops before anything is imported (exit 3; usage errors exit 2).
 */
export async function withGermline(
  ctx: CliContext,
  t: CliTransport,
  o: CancerOpts,
  cancer: CancerCase,
): Promise<CancerImport> {
  if (o.germlineVcf === undefined) {
    if (o.germlineSample !== undefined)
      throw new Stop(EXIT.usage, '--germline-sample needs --germline-vcf (the file it names).');
    return { request: cancer, shown: cancer };
  }
  const file = await t.invoke('case:addFile', { path: resolve(ctx.cwd, o.germlineVcf) });
  if (!file.ok)
    throw new Stop(exitForError(file.error.code), `${o.germlineVcf}: ${file.error.message}`);
  const inspected = await t.invoke('case:inspect', { vcf: file.value.handle });
  if (!inspected.ok) throw new Stop(exitForError(inspected.error.code), inspected.error.message);
  const v = inspected.value.vcf;
  for (const p of v.problems) ctx.err(formatProblem(p));
  if (v.refusal !== undefined) throw new Stop(EXIT.invalid, `Germline VCF ${v.name}: ${v.refusal}`);
  if (v.problems.some((p) => p.severity === 'error'))
    throw new Stop(EXIT.invalid, `Germline VCF ${v.name}: fix the problems above first.`);
  const sample = o.germlineSample ?? v.samples[0];
  if (sample === undefined || !v.samples.includes(sample))
    throw new Stop(
      EXIT.usage,
      `Germline VCF ${v.name}: ${sample === undefined ? 'it has no sample column' : `"${sample}" is not one of its samples (${v.samples.join(', ')})`}.`,
    );
  return {
    request: { ...cancer, germline: { vcf: file.value.handle, sample } },
    shown: { ...cancer, germline: { file: v.name, sample } },
  };
}

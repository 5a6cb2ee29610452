import { z } from 'zod';
import type { Said } from './said';
import { said } from './said';

/**
 * BS1 per disease (issue 18; decision 0046): "allele frequency greater than expected for the
 * disorder" as the maximum credible population allele frequency of Whiffin et al. 2017 (Genet Med
 * 19:1151; the ClinGen SVI approach), from the disease's mode of inheritance in the HPO annotations
 * and assumptions the clinician can change:
 * - monoallelic (autosomal dominant, X-linked dominant): prevalence × allelic contribution ×
 *   genetic contribution / penetrance / 2 (an affected person carries one of two alleles);
 * - biallelic (autosomal recessive): √prevalence × allelic contribution × √genetic contribution /
 *   √penetrance;
 * - X-linked (recessive, or unspecified): hemizygous males, prevalence × allelic contribution ×
 *   genetic contribution / penetrance.
 * The defaults are deliberately conservative (they make the threshold high, so BS1 is suggested
 * less often): prevalence 1 in 2,000 (the EU's rare-disease ceiling, 5 in 10,000), a single
 * variant allowed to explain every case and the gene every case (contributions 1), penetrance 50 %.
 */

export const Bs1AssumptionsSchema = z
  .object({
    /** Affected people in the population, 0..1 (1 in 2,000 = 0.0005). */
    prevalence: z.number().gt(0).max(1),
    /** Share of cases this one variant may explain, 0..1. */
    allelic: z.number().gt(0).max(1),
    /** Share of cases the gene may explain, 0..1. */
    genetic: z.number().gt(0).max(1),
    /** Penetrance of the genotype, 0..1. */
    penetrance: z.number().gt(0).max(1),
  })
  .strict();
export type Bs1Assumptions = z.infer<typeof Bs1AssumptionsSchema>;

export const DEFAULT_BS1_ASSUMPTIONS: Bs1Assumptions = {
  prevalence: 1 / 2000,
  allelic: 1,
  genetic: 1,
  penetrance: 0.5,
};

/** Modes of inheritance the formula distinguishes (HPO "Mode of inheritance" terms). */
export type Bs1Mode = 'AD' | 'AR' | 'XLR' | 'XLD' | 'XL' | 'MT';

/**
 * The modes of a disease from its inheritance terms as the annotation table writes them (HP ids as
 * numbers): the terms the shipped annotations use (decision 0046 lists them).
 */
const MODE_OF: ReadonlyMap<number, readonly Bs1Mode[]> = new Map<number, readonly Bs1Mode[]>([
  [6, ['AD']], // HP:0000006 autosomal dominant
  [12274, ['AD']], // with paternal imprinting
  [12275, ['AD']], // with maternal imprinting
  [25352, ['AD']], // autosomal dominant germline de novo
  [7, ['AR']], // HP:0000007 autosomal recessive
  [32113, ['AD', 'AR']], // semidominant
  [1419, ['XLR']],
  [1423, ['XLD']],
  [1417, ['XL']],
  [1427, ['MT']],
]);

export function bs1Modes(inheritanceTerms: readonly number[]): Bs1Mode[] {
  const out = new Set<Bs1Mode>();
  for (const t of inheritanceTerms) for (const m of MODE_OF.get(t) ?? []) out.add(m);
  return [...out].sort();
}

/** The maximum credible allele frequency under one mode; undefined where no formula applies. */
export function maxCredibleAf(mode: Bs1Mode, a: Bs1Assumptions): number | undefined {
  switch (mode) {
    case 'AD':
    case 'XLD':
      return (a.prevalence * a.allelic * a.genetic) / a.penetrance / 2;
    case 'AR':
      return (Math.sqrt(a.prevalence) * a.allelic * Math.sqrt(a.genetic)) / Math.sqrt(a.penetrance);
    case 'XLR':
    case 'XL':
      return (a.prevalence * a.allelic * a.genetic) / a.penetrance;
    case 'MT':
      return undefined;
  }
}

export interface Bs1Threshold {
  /** The BS1 threshold (allele frequency, 0..1). */
  readonly bs1: number;
  /** Why, in words: the disease, the formula's inputs and the modes used. */
  readonly why: string;
  /** Whether it came from the disease (false: the 1 % default). */
  readonly perDisease: boolean;
  /** `why` as codes the reader's language words (issue 22; decision 0057). */
  readonly said: Said;
}

const DEFAULT_BS1 = 0.01;
const fmt = (x: number): string => String(Number(x.toPrecision(3)));
const pct = (x: number): string => `${fmt(x * 100)} %`;

/**
 * The BS1 threshold for a disease: the largest maximum credible frequency over its modes (the
 * most permissive mode decides, so a mixed-mode disease is never held to the strict one), kept
 * between PM2's and BA1's thresholds. Without a mode the formula covers, the 1 % default.
 */
export function bs1Threshold(opts: {
  readonly disease?: { readonly id: string; readonly label: string };
  readonly modes: readonly Bs1Mode[];
  readonly assumptions?: Bs1Assumptions;
  readonly pm2: number;
  readonly ba1: number;
}): Bs1Threshold {
  const a = opts.assumptions ?? DEFAULT_BS1_ASSUMPTIONS;
  const scored = opts.modes
    .map((m) => ({ m, af: maxCredibleAf(m, a) }))
    .filter((x): x is { m: Bs1Mode; af: number } => x.af !== undefined);
  const name = opts.disease === undefined ? '' : `${opts.disease.label} (${opts.disease.id})`;
  const disease =
    opts.disease === undefined
      ? said('bs1.theDisease')
      : said('bs1.disease', { label: opts.disease.label, id: opts.disease.id });
  if (scored.length === 0)
    return {
      bs1: DEFAULT_BS1,
      perDisease: false,
      said:
        opts.disease === undefined
          ? said('bs1.default', { defaultPct: DEFAULT_BS1 })
          : said('bs1.noMode', { disease, defaultPct: DEFAULT_BS1 }),
      why:
        opts.disease === undefined
          ? 'the 1 % default suits rare Mendelian disease only; name the diagnosis to compute the threshold for the disease.'
          : `the annotations give ${name} no mode of inheritance the maximum credible frequency covers, so the 1 % default applies.`,
    };
  const best = scored.reduce((x, y) => (y.af > x.af ? y : x));
  const bs1 = Math.min(opts.ba1, Math.max(opts.pm2, best.af));
  const clamp =
    bs1 === best.af ? '' : ` (kept between PM2's ${pct(opts.pm2)} and BA1's ${pct(opts.ba1)})`;
  return {
    bs1,
    perDisease: true,
    said: said(bs1 === best.af ? 'bs1.perDisease' : 'bs1.perDiseaseKept', {
      thresholdPct: bs1,
      pm2Pct: bs1 === best.af ? undefined : opts.pm2,
      ba1Pct: bs1 === best.af ? undefined : opts.ba1,
      disease,
      mode: best.m,
      modes: scored.map((x) => said('bs1.modeAf', { mode: x.m, afPct: x.af })),
      prevalence: a.prevalence,
      allelic: a.allelic,
      genetic: a.genetic,
      penetrance: a.penetrance,
    }),
    why: `threshold ${pct(bs1)}${clamp}: the maximum credible allele frequency (Whiffin et al. 2017) for ${name || 'the disease'}, ${best.m} (${scored.map((x) => `${x.m} ${pct(x.af)}`).join(', ')}), with prevalence ${fmt(a.prevalence)}, allelic contribution ${fmt(a.allelic)}, genetic contribution ${fmt(a.genetic)} and penetrance ${fmt(a.penetrance)}; change these for the disease when they are known.`,
  };
}

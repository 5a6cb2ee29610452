import type { Sex, VariantRecord } from './input';
import type { Ontology } from './ontology';

/** Modes of inheritance the genotype fit distinguishes (HPO "Mode of inheritance" branch). */
export type Mode = 'AD' | 'AR' | 'XLR' | 'XLD' | 'XL' | 'MT' | 'ANY';

const MODE_TERMS: readonly [string, Mode][] = [
  ['HP:0000006', 'AD'],
  ['HP:0000007', 'AR'],
  ['HP:0001419', 'XLR'],
  ['HP:0001423', 'XLD'],
  ['HP:0001417', 'XL'],
  ['HP:0001427', 'MT'],
];
const SEMIDOMINANT = 'HP:0032113';

/**
 * The modes of a disease from its inheritance terms (a term's descendants count as that mode;
 * semidominant counts as both AD and AR). A disease with none known fits any genotype.
 */
export function diseaseModes(ontology: Ontology, terms: Int32Array): Mode[] {
  const modes = new Set<Mode>();
  const semi = ontology.indexOf(SEMIDOMINANT);
  for (const t of terms) {
    if (t === semi) ['AD', 'AR'].forEach((m) => modes.add(m as Mode));
    for (const [id, mode] of MODE_TERMS) {
      const m = ontology.indexOf(id);
      if (m !== undefined && ontology.subsumes(m, t)) modes.add(mode);
    }
  }
  // "X-linked" alone is kept only when neither X-linked recessive nor dominant is said.
  if (modes.has('XL') && (modes.has('XLR') || modes.has('XLD'))) modes.delete('XL');
  return modes.size === 0 ? ['ANY'] : [...modes].sort();
}

/** A variant with its pathogenicity prior (variants.ts). */
export interface ScoredVariant {
  readonly record: VariantRecord;
  readonly score: number;
}

/** How the patient's variants in one gene fit one mode of inheritance. */
export interface GenotypeFit {
  readonly mode: Mode;
  /** 0..1: the variant evidence for the gene under this mode. */
  readonly score: number;
  readonly fit:
    | 'one allele'
    | 'homozygous'
    | 'hemizygous'
    | 'two alleles (phase unknown)'
    | 'carrier only'
    | 'no variant';
  /** The variants the score rests on, best first. */
  readonly variants: readonly ScoredVariant[];
  /**
   * ln likelihood-ratio credit of a two-allele genotype (homozygous or two alleles) for being that
   * much rarer by chance in this exome than a single allele (decision 0080); 0 for other fits.
   */
  readonly rarity: number;
}

/**
 * How often the patient's own exome carries a damaging genotype by chance, counted per gene over
 * the variants with a prior of at least `EXOME_DAMAGING` (decision 0080): genes with two alleles
 * (homozygous, or two different alleles) and genes with a single heterozygous allele. A haploid
 * (hemizygous) call counts as a single allele: every chrX variant of a male is one.
 */
export interface ExomeGenotypes {
  readonly twoAlleleGenes: number;
  readonly oneAlleleGenes: number;
}

/** A variant prior at least this high counts towards ExomeGenotypes (rare protein-altering). */
export const EXOME_DAMAGING = 0.3;

/** Counts the exome's genotypes by gene (variants already grouped by gene). */
export function exomeGenotypes(byGene: Iterable<readonly ScoredVariant[]>): ExomeGenotypes {
  let twoAlleleGenes = 0;
  let oneAlleleGenes = 0;
  for (const list of byGene) {
    const damaging = list.filter((v) => v.score >= EXOME_DAMAGING);
    if (damaging.length === 0) continue;
    if (damaging.length >= 2 || damaging.some((v) => v.record.zygosity === 'hom')) twoAlleleGenes++;
    else oneAlleleGenes++;
  }
  return { twoAlleleGenes, oneAlleleGenes };
}

/**
 * ln of how much rarer by chance a two-allele genotype is than a single allele in this exome,
 * (one-allele genes + 1) / (two-allele genes + 1), times a weight; never below 0. In an outbred
 * exome a few dozen genes carry two rare damaging alleles and several hundred carry one; in a
 * consanguineous one more are homozygous and the credit shrinks accordingly.
 */
export function twoAlleleRarity(exome: ExomeGenotypes | undefined, weight: number): number {
  if (exome === undefined || weight === 0) return 0;
  return Math.max(0, weight * Math.log((exome.oneAlleleGenes + 1) / (exome.twoAlleleGenes + 1)));
}

/**
 * Each fit as a catalogue code (issue 22, decision 0075): the fit stays these English words in the
 * ranking's data and the command line's JSON; the renderer words the code
 * (`caseReview.rank.fitWord.*`).
 */
export const FIT_CODES: Readonly<Record<GenotypeFit['fit'], string>> = {
  'one allele': 'oneAllele',
  homozygous: 'homozygous',
  hemizygous: 'hemizygous',
  'two alleles (phase unknown)': 'twoAlleles',
  'carrier only': 'carrierOnly',
  'no variant': 'noVariant',
};

export interface InheritanceOptions {
  /** Factor for a single heterozygous allele where two are needed (a carrier). */
  readonly carrier: number;
}

export const DEFAULT_INHERITANCE: InheritanceOptions = { carrier: 0.1 };

/**
 * The two-allele credit of one exome (twoAlleleRarity, ln) and the exponent the ranking puts on
 * the genotype prior (its variant weight), so that fits are compared as the ranking counts them.
 */
export interface FitCredit {
  readonly rarity: number;
  readonly weight: number;
}

const biallelic = (v: ScoredVariant): boolean => v.record.zygosity !== 'het';

/** The fit's weight in the ranking: weight × ln(prior) + the two-allele rarity credit. */
export const fitEvidence = (fit: GenotypeFit, weight: number): number =>
  weight * Math.log(fit.score) + fit.rarity;

/**
 * The best fit of the gene's variants (any order) to one mode, for a patient of a given sex.
 * `credit.rarity` is the ln credit a two-allele genotype of damaging variants (prior at least
 * EXOME_DAMAGING) earns in this exome (twoAlleleRarity): it applies
 * where two alleles are what the mode predicts (recessive, and a disease of unknown mode, about
 * half of which are recessive), not to dominant modes, where two alleles are no likelier when the
 * gene is causal.
 */
export function genotypeFit(
  variants: readonly ScoredVariant[],
  mode: Mode,
  sex: Sex,
  options: InheritanceOptions = DEFAULT_INHERITANCE,
  credit: FitCredit = { rarity: 0, weight: 1 },
): GenotypeFit {
  const { rarity, weight } = credit;
  const damaging = (v: ScoredVariant): boolean => v.score >= EXOME_DAMAGING;
  const sorted = [...variants].sort((a, b) => b.score - a.score);
  const [first, second] = sorted;
  if (first === undefined) return { mode, score: 0, fit: 'no variant', variants: [], rarity: 0 };
  const one: GenotypeFit = {
    mode,
    score: first.score,
    fit: first.record.zygosity === 'hemi' ? 'hemizygous' : 'one allele',
    variants: [first],
    rarity: 0,
  };
  const needsTwo = mode === 'AR' || (mode === 'XLR' && sex !== 'male');
  if (!needsTwo && mode !== 'ANY') return one;
  const candidates: GenotypeFit[] = [
    needsTwo
      ? {
          mode,
          score: first.score * options.carrier,
          fit: 'carrier only',
          variants: [first],
          rarity: 0,
        }
      : one,
  ];
  const both = sorted.find(biallelic);
  if (both !== undefined)
    candidates.push({
      mode,
      score: both.score,
      fit: both.record.zygosity === 'hemi' ? 'hemizygous' : 'homozygous',
      variants: [both],
      rarity: both.record.zygosity === 'hom' && damaging(both) ? rarity : 0,
    });
  if (second !== undefined)
    candidates.push({
      mode,
      score: Math.sqrt(first.score * second.score),
      fit: 'two alleles (phase unknown)',
      variants: [first, second],
      rarity: damaging(second) ? rarity : 0,
    });
  // Unknown sex on chrX: a single allele may be hemizygous; halfway between the two readings.
  if (mode === 'XLR' && sex === 'unknown')
    candidates.push({ ...one, score: first.score * Math.sqrt(options.carrier) });
  return candidates.reduce((a, b) => (fitEvidence(b, weight) > fitEvidence(a, weight) ? b : a));
}

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

const biallelic = (v: ScoredVariant): boolean => v.record.zygosity !== 'het';

/** The best fit of the gene's variants (any order) to one mode, for a patient of a given sex. */
export function genotypeFit(
  variants: readonly ScoredVariant[],
  mode: Mode,
  sex: Sex,
  options: InheritanceOptions = DEFAULT_INHERITANCE,
): GenotypeFit {
  const sorted = [...variants].sort((a, b) => b.score - a.score);
  const [first, second] = sorted;
  if (first === undefined) return { mode, score: 0, fit: 'no variant', variants: [] };
  const one: GenotypeFit = {
    mode,
    score: first.score,
    fit: first.record.zygosity === 'hemi' ? 'hemizygous' : 'one allele',
    variants: [first],
  };
  const needsTwo = mode === 'AR' || (mode === 'XLR' && sex !== 'male');
  if (!needsTwo) return one;
  const candidates: GenotypeFit[] = [
    { mode, score: first.score * options.carrier, fit: 'carrier only', variants: [first] },
  ];
  const both = sorted.find(biallelic);
  if (both !== undefined)
    candidates.push({
      mode,
      score: both.score,
      fit: both.record.zygosity === 'hemi' ? 'hemizygous' : 'homozygous',
      variants: [both],
    });
  if (second !== undefined)
    candidates.push({
      mode,
      score: Math.sqrt(first.score * second.score),
      fit: 'two alleles (phase unknown)',
      variants: [first, second],
    });
  // Unknown sex on chrX: a single allele may be hemizygous; halfway between the two readings.
  if (mode === 'XLR' && sex === 'unknown')
    candidates.push({ ...one, score: first.score * Math.sqrt(options.carrier) });
  return candidates.reduce((a, b) => (b.score > a.score ? b : a));
}

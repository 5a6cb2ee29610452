import { lengthLog10 } from './codingLength';
import type { ContextOptions } from './context';
import { DEFAULT_CONTEXT, addContext } from './context';
import type { Corpus } from './corpus';
import type {
  ExomeGenotypes,
  GenotypeFit,
  InheritanceOptions,
  Mode,
  ScoredVariant,
} from './inheritance';
import {
  DEFAULT_INHERITANCE,
  exomeGenotypes,
  fitEvidence,
  genotypeFit,
  twoAlleleRarity,
} from './inheritance';
import type { RankRequest } from './input';
import type { LikelihoodOptions } from './likelihood';
import { DEFAULT_LIKELIHOOD, likelihoodScores } from './likelihood';
import type { PatientTerms } from './patientTerms';
import { resolveTerms } from './patientTerms';
import { modesOf } from './modes';
import { variantsByGene } from './variants';

/** Scores every disease for a patient on a log scale (ln likelihood ratio or comparable). */
export type PhenotypeModel = (corpus: Corpus, patient: PatientTerms) => Float64Array;

/** Everything tunable about the ranking; defaults as measured in docs/decisions/0019 and 0029. */
export interface RankingOptions {
  readonly likelihood: LikelihoodOptions;
  /** Replaces the likelihood model (the benchmark measures alternatives through this). */
  readonly phenotypeModel?: PhenotypeModel;
  readonly inheritance: InheritanceOptions;
  /**
   * ln of the phenotype likelihood ratio credited to "a disease of this gene not yet in the
   * annotations" (vcf mode): what a gene with a damaging genotype but no known disease, or no
   * matching one, can still reach.
   */
  readonly novelDisease: number;
  /** Onset and sex against each disease (context.ts). */
  readonly context: ContextOptions;
  /**
   * Phenotype only: a gene's score is (1/t)·ln Σ LR^t over its diseases. 1 is the plain sum; below
   * 1 the gene's weaker diseases count for more, as for a gene whose many diseases are facets of one
   * spectrum (decision 0037).
   */
  readonly phenotypeTemper: number;
  /** Exponent on the genotype evidence (0..1) against the phenotype likelihood ratio. */
  readonly variantWeight: number;
  /**
   * vcf mode: how strongly a gene's coding length counts against it (log10 score minus weight ×
   * log10(length / median)): a long gene carries rare variants by chance more often. 0 = off; it
   * applies only when the corpus has coding lengths.
   */
  readonly lengthWeight: number;
  /**
   * vcf mode: weight of the two-allele credit (twoAlleleRarity in inheritance.ts): ln of how much
   * rarer by chance two damaging alleles in one gene are than one in this exome. 0 = off.
   */
  readonly twoAlleleWeight: number;
  /** How many genes and diseases the result lists. */
  readonly limit: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  likelihood: DEFAULT_LIKELIHOOD,
  context: DEFAULT_CONTEXT,
  phenotypeTemper: 0.5,
  inheritance: DEFAULT_INHERITANCE,
  novelDisease: Math.log(0.1),
  variantWeight: 6,
  lengthWeight: 1,
  twoAlleleWeight: 1,
  limit: 100,
};

export interface DiseaseScore {
  readonly index: number;
  /** log10 of the disease's likelihood ratio (phenotype; in vcf mode times the genotype fit). */
  readonly score: number;
}

export interface RankedGene {
  readonly symbol: string;
  /** log10 of the summed likelihood ratios of the gene's diseases; higher is better. */
  readonly score: number;
  /** The gene's diseases, best first (at most three). */
  readonly diseases: readonly DiseaseScore[];
  /** vcf mode: the genotype fit under the best disease's mode of inheritance. */
  readonly genotype?: GenotypeFit;
  /** vcf mode: log10 the gene-length correction took off the score (negative: a short gene). */
  readonly lengthPenalty?: number;
}

export interface RankResult {
  readonly mode: 'pheno' | 'vcf';
  readonly genes: readonly RankedGene[];
  readonly diseases: readonly DiseaseScore[];
  readonly patient: PatientTerms;
  /** ln phenotype likelihood ratio of every disease (for explanations). */
  readonly phenotype: Float64Array;
  /** vcf mode: the exome's genotype counts the two-allele credit rests on, and the credit (ln). */
  readonly exome?: ExomeGenotypes & { readonly rarity: number };
}

const LOG10 = Math.log(10);

export { modesOf };
/** (1/t)·ln Σ exp(t·v): the log of a (tempered) sum of likelihood ratios. */
function logSumExp(values: ArrayLike<number>, temper = 1): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i] ?? -Infinity);
  if (!Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += Math.exp(temper * ((values[i] ?? -Infinity) - m));
  return m + Math.log(s) / temper;
}

const byScore = <T extends { score: number }>(a: T, b: T): number => b.score - a.score;

/**
 * The likelihood options a request is scored with: the observed-term weighting applies to
 * phenotype-only ranking; with variants the plain sum stays, as the genotype exponent and the
 * novel-disease term were set against it (decision 0056 measured both).
 */
export function likelihoodFor(options: RankingOptions, request: RankRequest): LikelihoodOptions {
  return request.variants === undefined
    ? options.likelihood
    : { ...options.likelihood, observedTemper: 0 };
}

/** The best genotype fit of a gene's variants over the modes of one disease. */
export function bestFit(
  corpus: Corpus,
  disease: number | undefined,
  variants: readonly ScoredVariant[],
  request: RankRequest,
  options: RankingOptions,
  rarity = 0,
): GenotypeFit {
  const modes: Mode[] = disease === undefined ? ['ANY'] : modesOf(corpus, disease);
  const weight = options.variantWeight;
  return modes
    .map((m) => genotypeFit(variants, m, request.sex, options.inheritance, { rarity, weight }))
    .reduce((a, b) => (fitEvidence(b, weight) > fitEvidence(a, weight) ? b : a));
}

function geneEntry(
  corpus: Corpus,
  symbol: string,
  phenotype: Float64Array,
  variants: readonly ScoredVariant[] | undefined,
  request: RankRequest,
  options: RankingOptions,
  rarity = 0,
): RankedGene {
  const gi = corpus.geneIndex(symbol);
  const diseases = gi === undefined ? [] : [...(corpus.genes[gi]?.diseases ?? [])];
  const terms: { index: number; ln: number; fit?: GenotypeFit }[] = diseases.map((d) => {
    const ln = phenotype[d] ?? -Infinity;
    if (variants === undefined) return { index: d, ln };
    const fit = bestFit(corpus, d, variants, request, options, rarity);
    return { index: d, ln: ln + fitEvidence(fit, options.variantWeight), fit };
  });
  let novel: GenotypeFit | undefined;
  if (variants !== undefined) {
    novel = bestFit(corpus, undefined, variants, request, options, rarity);
    terms.push({
      index: -1,
      ln: options.novelDisease + fitEvidence(novel, options.variantWeight),
      fit: novel,
    });
  }
  const top = [...terms].sort((a, b) => b.ln - a.ln);
  const genotype = top[0]?.fit;
  const lengthPenalty =
    variants === undefined || corpus.codingLengths === undefined || options.lengthWeight === 0
      ? undefined
      : options.lengthWeight * lengthLog10(corpus.codingLengths, symbol);
  return {
    symbol: gi === undefined ? symbol : (corpus.genes[gi]?.symbol ?? symbol),
    score:
      logSumExp(
        terms.map((t) => t.ln),
        variants === undefined ? options.phenotypeTemper : 1,
      ) /
        LOG10 -
      (lengthPenalty ?? 0),
    diseases: top
      .filter((t) => t.index >= 0)
      .slice(0, 3)
      .map((t) => ({ index: t.index, score: t.ln / LOG10 })),
    ...(genotype === undefined ? {} : { genotype }),
    ...(lengthPenalty === undefined ? {} : { lengthPenalty }),
  };
}

export { variantsByGene };

/** The first `limit` entries of a best-first list, extended to the end of the last tie group. */
function keepTies<T extends { score: number }>(sorted: readonly T[], limit: number): T[] {
  let end = Math.min(limit, sorted.length);
  const last = sorted[end - 1]?.score;
  while (end < sorted.length && sorted[end]?.score === last) end++;
  return sorted.slice(0, end);
}

/** Indices of the largest values (at least `limit`, whole tie groups), best first. */
function topIndices(values: Float64Array, limit: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const threshold = sorted[Math.max(0, sorted.length - limit)] ?? -Infinity;
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v >= threshold && v > -Infinity) out.push(i);
  });
  return out.sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b);
}

/** Phenotype only: each gene's (tempered) summed likelihood ratio over its diseases, best first. */
function phenotypeGenes(
  corpus: Corpus,
  phenotype: Float64Array,
  request: RankRequest,
  options: RankingOptions,
): RankedGene[] {
  const scores = new Float64Array(corpus.genes.length).fill(-Infinity);
  corpus.genes.forEach((g, gi) => {
    if (g.diseases.length === 0) return;
    const values = Array.from(g.diseases, (d) => phenotype[d] ?? -Infinity);
    scores[gi] = logSumExp(values, options.phenotypeTemper);
  });
  return topIndices(scores, options.limit)
    .map((gi) =>
      geneEntry(corpus, corpus.genes[gi]?.symbol ?? '', phenotype, undefined, request, options),
    )
    .sort((a, b) => byScore(a, b) || a.symbol.localeCompare(b.symbol));
}

/**
 * Ranks genes and diseases for one patient. Phenotype only: every gene with a known disease, by
 * the summed phenotype likelihood ratios of its diseases. With variants: every gene carrying a
 * variant, by phenotype likelihood ratio times genotype evidence under each disease's mode of
 * inheritance, plus the chance of a disease not yet linked to the gene. Lists are cut after
 * `limit` entries, at the end of a tie group.
 */
export function rankCase(
  corpus: Corpus,
  request: RankRequest,
  options: RankingOptions = DEFAULT_RANKING,
): RankResult {
  const patient = resolveTerms(corpus.ontology, request.observed, request.excluded);
  let phenotype: Float64Array;
  if (options.phenotypeModel !== undefined) phenotype = options.phenotypeModel(corpus, patient);
  else {
    phenotype = likelihoodScores(corpus, patient, likelihoodFor(options, request));
    addContext(corpus, request, phenotype, options.context);
  }
  const byGene = request.variants === undefined ? undefined : variantsByGene(request.variants);
  const counts =
    byGene === undefined ? undefined : (request.exomeGenotypes ?? exomeGenotypes(byGene.values()));
  const rarity = twoAlleleRarity(counts, options.twoAlleleWeight);
  const genes =
    byGene === undefined
      ? keepTies(phenotypeGenes(corpus, phenotype, request, options), options.limit)
      : keepTies(
          [...byGene.values()]
            .map((l) =>
              geneEntry(corpus, l[0]?.record.gene ?? '', phenotype, l, request, options, rarity),
            )
            .sort((a, b) => byScore(a, b) || a.symbol.localeCompare(b.symbol)),
          options.limit,
        );
  const diseases =
    byGene === undefined
      ? topIndices(phenotype, options.limit).map((index) => ({
          index,
          score: (phenotype[index] ?? -Infinity) / LOG10,
        }))
      : genes.flatMap((g) => g.diseases).sort(byScore);
  return {
    mode: byGene === undefined ? 'pheno' : 'vcf',
    genes,
    diseases: keepTies(diseases, options.limit),
    patient,
    phenotype,
    ...(counts === undefined ? {} : { exome: { ...counts, rarity } }),
  };
}

import type { ContextReason } from './context';
import { contextLogRatio, contextReasons } from './context';
import type { Corpus } from './corpus';
import type { ExcludedMatch, TermMatch, TermRef } from './explainTerms';
import { explainTerms } from './explainTerms';
import type { GenotypeFit, Mode } from './inheritance';
import type { RankRequest, VariantRecord } from './input';
import { mentioned } from './likelihood';
import type { RankingOptions, RankResult } from './rank';
import { DEFAULT_RANKING, likelihoodFor, modesOf, rankCase } from './rank';
import { consequenceScore, frequencyScore } from './variants';

/** Why one of the gene's diseases scores as it does. */
export interface DiseaseExplanation {
  readonly id: string;
  readonly label: string;
  readonly modes: readonly Mode[];
  /** log10 phenotype likelihood ratio (all parts below together). */
  readonly log10Phenotype: number;
  readonly observed: readonly TermMatch[];
  readonly excluded: readonly ExcludedMatch[];
  /** The disease's features the record does not mention, when that counts (most frequent first). */
  readonly unmentioned: { readonly count: number; readonly log10Lr: number; examples: TermRef[] };
  /** What the patient's onset, age or sex say against the disease (empty: nothing). */
  readonly context: { readonly reasons: readonly ContextReason[]; readonly log10Lr: number };
}

/** A variant's prior, in its parts. */
export interface VariantEvidence {
  readonly variant: VariantRecord;
  /** Damage prior of the consequence class (variants.ts). */
  readonly consequence: number;
  /** Exomiser frequency score of the population allele frequency. */
  readonly rarity: number;
  readonly score: number;
}

/** One thing that would move the gene, and where it would land. */
export interface RankChange {
  readonly kind: 'add-term' | 'drop-term' | 'drop-excluded' | 'second-allele';
  /** The term to add or drop (absent for a second allele). */
  readonly term?: TermRef;
  readonly rank: number;
}

export interface GeneExplanation {
  readonly symbol: string;
  /** 1-based rank; genes with equal scores share the worst rank of their group. */
  readonly rank: number;
  readonly score: number;
  /** The next gene up and how far above it is (log10 units). */
  readonly above?: { readonly symbol: string; readonly gap: number };
  readonly diseases: readonly DiseaseExplanation[];
  /** vcf mode: the variants and how they fit the best disease's inheritance. */
  readonly genotype?: GenotypeFit;
  /** vcf mode: the fit's variants with the two parts of their prior (consequence, rarity). */
  readonly variants?: readonly VariantEvidence[];
  /**
   * vcf mode: log10 taken off the score for the gene's coding length (a long gene carries rare
   * variants by chance more often; negative for a short gene) and the length it rests on.
   */
  readonly length?: { readonly bases: number | undefined; readonly log10Penalty: number };
  /**
   * vcf mode, when the fit rests on two damaging alleles: how rare that is by chance in this
   * exome (genes with two such alleles, with one) and the log10 credit it earns (decision 0080).
   */
  readonly twoAlleles?: {
    readonly twoAlleleGenes: number;
    readonly oneAlleleGenes: number;
    readonly log10Credit: number;
  };
  readonly changes: readonly RankChange[];
}

const LOG10 = Math.log(10);
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** The gene's 1-based rank in a result (worst rank of its tie group), or Infinity. */
export function rankOf(result: RankResult, symbol: string): number {
  const key = symbol.toUpperCase();
  const gene = result.genes.find((g) => g.symbol.toUpperCase() === key);
  if (gene === undefined) return Infinity;
  return result.genes.filter((g) => g.score >= gene.score).length;
}

function unmentioned(corpus: Corpus, result: RankResult, disease: number, options: RankingOptions) {
  const { recorded, recordedUnknown } = options.likelihood;
  const mask = mentioned(corpus, result.patient);
  const d = corpus.diseases[disease];
  const missing: { t: number; f: number }[] = [];
  d?.terms.forEach((t, k) => {
    const raw = d.frequencies[k] ?? NaN;
    if (mask[t] === 0) missing.push({ t, f: Number.isNaN(raw) ? recordedUnknown : raw });
  });
  const ln = missing.reduce((s, m) => s + Math.log(1 - recorded * m.f), 0);
  missing.sort((a, b) => b.f - a.f || (corpus.ic[b.t] ?? 0) - (corpus.ic[a.t] ?? 0));
  return {
    count: missing.length,
    log10Lr: ln / LOG10,
    examples: missing.slice(0, 5).map((m) => ({
      id: corpus.ontology.ids[m.t] ?? '',
      label: corpus.ontology.labels[m.t] ?? '',
    })),
    candidates: missing.map((m) => m.t),
  };
}

/**
 * Explains one gene of a ranking: each of its best diseases term by term, the genotype fit, and
 * what would change its rank (recording a feature of its best disease, dropping an unexplained or
 * excluded term, a second allele for a recessive disease), each re-ranked exactly.
 */
export function explainGene(
  corpus: Corpus,
  request: RankRequest,
  symbol: string,
  options: RankingOptions = DEFAULT_RANKING,
): GeneExplanation | undefined {
  const result = rankCase(corpus, request, { ...options, limit: UNLIMITED });
  const index = result.genes.findIndex((g) => g.symbol.toUpperCase() === symbol.toUpperCase());
  const gene = result.genes[index];
  if (gene === undefined) return undefined;
  const rank = rankOf(result, gene.symbol);
  const above = result.genes.slice(0, index).findLast((g) => g.score > gene.score);
  const diseases = gene.diseases.map((ds): DiseaseExplanation => {
    const d = corpus.diseases[ds.index];
    const terms = explainTerms(corpus, result.patient, ds.index, likelihoodFor(options, request));
    const miss = unmentioned(corpus, result, ds.index, options);
    const reasons =
      options.phenotypeModel === undefined ? contextReasons(corpus, request, ds.index) : [];
    return {
      id: d?.id ?? '',
      label: d?.label ?? '',
      modes: modesOf(corpus, ds.index),
      log10Phenotype: (result.phenotype[ds.index] ?? 0) / LOG10,
      ...terms,
      unmentioned: { count: miss.count, log10Lr: miss.log10Lr, examples: miss.examples },
      context: { reasons, log10Lr: contextLogRatio(reasons, options.context) / LOG10 },
    };
  });
  const rerank = (changed: RankRequest): number =>
    rankOf(rankCase(corpus, changed, { ...options, limit: UNLIMITED }), gene.symbol);
  const changes: RankChange[] = [];
  const best = diseases[0];
  const bestIndex = gene.diseases[0]?.index;
  if (best !== undefined && bestIndex !== undefined) {
    // Features of the best disease the record is silent about, most informative first.
    const candidates = unmentioned(corpus, result, bestIndex, options)
      .candidates.sort((a, b) => (corpus.ic[b] ?? 0) - (corpus.ic[a] ?? 0))
      .slice(0, 3);
    for (const t of candidates) {
      const term = { id: corpus.ontology.ids[t] ?? '', label: corpus.ontology.labels[t] ?? '' };
      const observed = [...request.observed, term.id];
      changes.push({ kind: 'add-term', term, rank: rerank({ ...request, observed }) });
    }
    // The three terms that cost the disease most, each dropped in turn.
    const costly = best.observed
      .filter((o) => o.log10Lr < 0)
      .sort((a, b) => a.log10Lr - b.log10Lr)
      .slice(0, 3);
    for (const m of costly) {
      const observed = request.observed.filter(
        (id) => corpus.ontology.indexOf(id) !== corpus.ontology.indexOf(m.term.id),
      );
      changes.push({ kind: 'drop-term', term: m.term, rank: rerank({ ...request, observed }) });
    }
    const against = best.excluded
      .filter((e) => e.log10Absent < 0)
      .sort((a, b) => a.log10Absent - b.log10Absent)
      .slice(0, 3);
    for (const m of against) {
      const excluded = request.excluded.filter(
        (id) => corpus.ontology.indexOf(id) !== corpus.ontology.indexOf(m.term.id),
      );
      changes.push({ kind: 'drop-excluded', term: m.term, rank: rerank({ ...request, excluded }) });
    }
  }
  const fit = gene.genotype;
  const first = fit?.variants[0];
  if (fit?.fit === 'carrier only' && first !== undefined && request.variants !== undefined) {
    // As if a second allele were found (a deletion, or a variant outside the capture).
    const variants = request.variants.map((v) =>
      v === first.record ? { ...v, zygosity: 'hom' as const } : v,
    );
    changes.push({ kind: 'second-allele', rank: rerank({ ...request, variants }) });
  }
  return {
    symbol: gene.symbol,
    rank,
    score: gene.score,
    ...(above === undefined
      ? {}
      : { above: { symbol: above.symbol, gap: above.score - gene.score } }),
    diseases,
    ...(fit === undefined
      ? {}
      : {
          genotype: fit,
          variants: fit.variants.map(({ record, score }) => ({
            variant: record,
            consequence: consequenceScore(record.consequence, record.impact),
            rarity: frequencyScore(record.populationAf),
            score,
          })),
        }),
    ...(gene.lengthPenalty === undefined
      ? {}
      : {
          length: {
            bases: corpus.codingLengths?.lengthOf(gene.symbol),
            log10Penalty: gene.lengthPenalty,
          },
        }),
    ...(fit === undefined || fit.rarity <= 0 || result.exome === undefined
      ? {}
      : {
          twoAlleles: {
            twoAlleleGenes: result.exome.twoAlleleGenes,
            oneAlleleGenes: result.exome.oneAlleleGenes,
            log10Credit: fit.rarity / LOG10,
          },
        }),
    changes: changes.filter((c) => c.rank !== rank),
  };
}

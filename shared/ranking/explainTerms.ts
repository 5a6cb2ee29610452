import type { Corpus } from './corpus';
import type { LikelihoodOptions } from './likelihood';
import { excludedLogRatio, observedWeight, rootTerms } from './likelihood';
import type { PatientTerms } from './patientTerms';

/** A term as people read it. */
export interface TermRef {
  readonly id: string;
  readonly label: string;
}

/** How one observed patient term bears on one disease. */
export interface TermMatch {
  readonly term: TermRef;
  /**
   * exact: the disease lists the term; implied: it lists a more specific kind of it; specific:
   * the term is a kind of one the disease lists; partial: they share only a more general
   * ancestor; unexplained: nothing but the root; contradicted: the disease is annotated NOT to
   * have it.
   */
  readonly kind: 'exact' | 'implied' | 'specific' | 'partial' | 'unexplained' | 'contradicted';
  /** The disease's own annotation the match rests on, with its frequency (null: not given). */
  readonly diseaseTerm?: TermRef & { readonly frequency: number | null };
  /** The most specific term both share (the term itself for exact and implied matches). */
  readonly sharedAncestor?: TermRef;
  /** Information content of the shared ancestor (nats; from the annotation corpus). */
  readonly ic: number;
  /** log10 of the term's likelihood ratio for the disease. */
  readonly log10Lr: number;
}

/** How one excluded patient term bears on one disease. */
export interface ExcludedMatch {
  readonly term: TermRef;
  /** The disease's annotation of the term or of a kind of it; absent: the disease lacks it. */
  readonly diseaseTerm?: TermRef & { readonly frequency: number | null };
  /** log10 (1 - w f) / (1 - background): the absence itself; below 0 when it counts against. */
  readonly log10Absent: number;
  /**
   * log10 of the ascertainment factor when the disease has the term: a feature is looked for (and
   * its absence written down) mostly when a disease that has it is being considered.
   */
  readonly log10Considered: number;
  readonly log10Lr: number;
}

const LOG10 = Math.log(10);
const ref = (corpus: Corpus, t: number): TermRef => ({
  id: corpus.ontology.ids[t] ?? '',
  label: corpus.ontology.labels[t] ?? '',
});

/** Per term implied by the disease: the best annotation under it and its frequency. */
function impliedBy(corpus: Corpus, disease: number) {
  const d = corpus.diseases[disease];
  const out = new Map<number, { source: number; raw: number; f: number }>();
  d?.terms.forEach((t, k) => {
    const raw = d.frequencies[k] ?? NaN;
    const f = Number.isNaN(raw) ? Infinity : raw;
    for (const a of corpus.ontology.ancestors(t)) {
      const known = out.get(a);
      if (known === undefined || f > known.f) out.set(a, { source: t, raw, f });
    }
  });
  return out;
}

/**
 * Explains the phenotype likelihood ratio of one disease term by term, with the same arithmetic
 * as likelihoodScores (so the parts add up to the disease's score, less the record-completeness
 * term when that is on).
 */
export function explainTerms(
  corpus: Corpus,
  patient: PatientTerms,
  disease: number,
  options: LikelihoodOptions,
): { observed: TermMatch[]; excluded: ExcludedMatch[] } {
  const implied = impliedBy(corpus, disease);
  const roots = rootTerms(corpus);
  const notSet = new Set(corpus.diseases[disease]?.excluded ?? []);
  const own = new Set(corpus.diseases[disease]?.terms ?? []);
  const freqOf = (t: number): number => {
    const post = corpus.postings[t];
    return post?.frequencies[post.diseases.indexOf(disease)] ?? 0;
  };
  // Each observed term's share of the score, as likelihoodScores weights it.
  const w = observedWeight(patient.observed.length, options.observedTemper) / LOG10;
  const observed = [...patient.observed].map((p): TermMatch => {
    const ancestors = corpus.ontology.ancestors(p);
    if (ancestors.some((a) => notSet.has(a)))
      return {
        term: ref(corpus, p),
        kind: 'contradicted',
        ic: 0,
        log10Lr: Math.log(options.unexplained) * w,
      };
    let best = options.unexplained;
    let via = -1;
    for (const a of ancestors) {
      if (roots.has(a) || !implied.has(a)) continue;
      const v = (freqOf(a) * (a === p ? 1 : options.partial)) / (corpus.background[a] ?? 1);
      if (v > best) [best, via] = [v, a];
    }
    const source = implied.get(via);
    if (via < 0 || source === undefined)
      return { term: ref(corpus, p), kind: 'unexplained', ic: 0, log10Lr: Math.log(best) * w };
    return {
      term: ref(corpus, p),
      kind: via === p ? (own.has(p) ? 'exact' : 'implied') : own.has(via) ? 'specific' : 'partial',
      diseaseTerm: {
        ...ref(corpus, source.source),
        frequency: Number.isNaN(source.raw) ? null : source.raw,
      },
      sharedAncestor: ref(corpus, via),
      ic: corpus.ic[via] ?? 0,
      log10Lr: Math.log(best) * w,
    };
  });
  const excluded = [...patient.excluded].map((e): ExcludedMatch => {
    const bg = corpus.background[e] ?? 0;
    const post = corpus.postings[e];
    const k = post?.diseases.indexOf(disease) ?? -1;
    const source = implied.get(e);
    if (post === undefined || k < 0 || source === undefined) {
      const absent = excludedLogRatio(0, bg, options.excludedWeight) / LOG10;
      return { term: ref(corpus, e), log10Absent: absent, log10Considered: 0, log10Lr: absent };
    }
    const f = post.excludedFrequencies[k] ?? 0;
    const absent = excludedLogRatio(f, bg, options.excludedWeight) / LOG10;
    const considered = Math.log(options.ascertainment) / LOG10;
    return {
      term: ref(corpus, e),
      diseaseTerm: {
        ...ref(corpus, source.source),
        frequency: Number.isNaN(source.raw) ? null : source.raw,
      },
      log10Absent: absent,
      log10Considered: considered,
      log10Lr: absent + considered,
    };
  });
  return { observed, excluded };
}

import type { Corpus } from './corpus';
import type { PatientTerms } from './patientTerms';

/**
 * The phenotype likelihood-ratio model (LIRICAL-style, Robinson et al. 2020): each patient term
 * contributes P(term | disease) / P(term | background), where P(term | disease) comes from the
 * annotation frequencies (propagated up the ontology) and the background is the term's mean
 * frequency over all diseases. Decision: docs/decisions/0019-case-ranking.md.
 */
export interface LikelihoodOptions {
  /**
   * Factor for a term the disease explains only through a more general ancestor (the disease has
   * "Seizure", the patient "Atonic seizure"): the ancestor's ratio, discounted, because a curated
   * disease that has the specific feature usually lists it.
   */
  readonly partial: number;
  /** Ratio of an observed term the disease does not explain at all, or says it does not have. */
  readonly unexplained: number;
  /** How strongly an excluded term counts against a disease that has it (0..1). */
  readonly excludedWeight: number;
  /**
   * How much likelier a feature of the disease is to be looked for (and so recorded as excluded)
   * than any other feature: clinicians write down the pertinent negatives of the diagnoses they
   * consider. 1 = exclusions are recorded at random (LIRICAL's assumption).
   */
  readonly ascertainment: number;
  /**
   * Chance that a feature the patient has is recorded at all: a disease feature the record does
   * not mention (neither observed nor excluded, at any level of detail) counts against the disease
   * by (1 - recorded * frequency). 0 turns this off (LIRICAL ignores unmentioned features).
   */
  readonly recorded: number;
  /** Frequency assumed for unmentioned features without a frequency. */
  readonly recordedUnknown: number;
  /**
   * The observed terms' summed ln LR is weighted by n^-observedTemper (n: the patient's observed
   * terms after reduction). A record's terms are not independent evidence (curators list related
   * features of one organ system, a phenopacket of a cohort paper lists 20-40), so a long record
   * would otherwise multiply one match many times over. 0 = the plain sum (LIRICAL). Decision 0056.
   */
  readonly observedTemper: number;
}

export const DEFAULT_LIKELIHOOD: LikelihoodOptions = {
  partial: 0.2,
  unexplained: 0.05,
  excludedWeight: 0.9,
  ascertainment: 8,
  recorded: 0.2,
  recordedUnknown: 0.5,
  observedTemper: 0.25,
};

/** The weight of every observed term's ln LR for a patient with n observed terms. */
export const observedWeight = (n: number, temper: number): number =>
  temper === 0 ? 1 : Math.pow(Math.max(1, n), -temper);

/** Terms too general to say anything (All, Phenotypic abnormality). */
export function rootTerms(corpus: Corpus): ReadonlySet<number> {
  const roots = new Set<number>();
  for (const id of ['HP:0000001', 'HP:0000118']) {
    const t = corpus.ontology.indexOf(id);
    if (t !== undefined) roots.add(t);
  }
  return roots;
}

/** ln LR of an excluded term for a disease that has it at frequency f (others: the base). */
export const excludedLogRatio = (f: number, background: number, weight: number): number =>
  Math.log(1 - weight * f) - Math.log(1 - Math.min(background, 0.99));

/** ln of the phenotype likelihood ratio of every disease (indexed like corpus.diseases). */
export function likelihoodScores(
  corpus: Corpus,
  patient: PatientTerms,
  options: LikelihoodOptions = DEFAULT_LIKELIHOOD,
): Float64Array {
  const n = corpus.diseases.length;
  const total = new Float64Array(n);
  const best = new Float64Array(n);
  const roots = rootTerms(corpus);
  const weight = observedWeight(patient.observed.length, options.observedTemper);
  for (const p of patient.observed) {
    best.fill(options.unexplained);
    const ancestors = corpus.ontology.ancestors(p);
    for (const a of ancestors) {
      if (roots.has(a)) continue;
      const post = corpus.postings[a];
      if (post === undefined) continue;
      const factor = (a === p ? 1 : options.partial) / (corpus.background[a] ?? 1);
      const { diseases, frequencies } = post;
      for (let k = 0; k < diseases.length; k++) {
        const d = diseases[k] ?? 0;
        const v = (frequencies[k] ?? 0) * factor;
        if (v > (best[d] ?? 0)) best[d] = v;
      }
    }
    // A disease annotated NOT(term or an ancestor of it) contradicts the observation.
    for (const a of ancestors)
      for (const d of corpus.excludedBy[a] ?? []) best[d] = options.unexplained;
    for (let d = 0; d < n; d++) total[d] = (total[d] ?? 0) + weight * Math.log(best[d] ?? 1);
  }
  for (const e of patient.excluded) {
    const bg = corpus.background[e] ?? 0;
    const base = excludedLogRatio(0, bg, options.excludedWeight);
    for (let d = 0; d < n; d++) total[d] = (total[d] ?? 0) + base;
    const post = corpus.postings[e];
    if (post === undefined) continue;
    for (let k = 0; k < post.diseases.length; k++) {
      const d = post.diseases[k] ?? 0;
      const f = post.excludedFrequencies[k] ?? 0;
      total[d] =
        (total[d] ?? 0) -
        base +
        excludedLogRatio(f, bg, options.excludedWeight) +
        Math.log(options.ascertainment);
    }
  }
  if (options.recorded > 0) unmentionedPenalty(corpus, patient, options, total);
  return total;
}

/** Marks the terms a record speaks of (non-zero): each term, its ancestors and descendants. */
export function mentioned(corpus: Corpus, patient: PatientTerms): Uint8Array {
  const { ontology } = corpus;
  const mask = new Uint8Array(ontology.size);
  const down = (t: number): void => {
    if (mask[t] === 2) return;
    mask[t] = 2;
    for (const c of ontology.children[t] ?? []) down(c);
  };
  for (const t of [...patient.observed, ...patient.excluded]) {
    for (const a of ontology.ancestors(t)) if (mask[a] === 0) mask[a] = 1;
    down(t);
  }
  return mask;
}

const unmentionedCache = new WeakMap<Corpus, Map<string, Float64Array>>();

/** Per disease annotation (flattened in disease order): ln(1 - recorded * frequency). */
function unmentionedLogs(corpus: Corpus, options: LikelihoodOptions): Float64Array {
  let byKey = unmentionedCache.get(corpus);
  if (byKey === undefined) unmentionedCache.set(corpus, (byKey = new Map<string, Float64Array>()));
  const key = `${String(options.recorded)}/${String(options.recordedUnknown)}`;
  let logs = byKey.get(key);
  if (logs !== undefined) return logs;
  logs = new Float64Array(corpus.diseases.reduce((n, d) => n + d.terms.length, 0));
  let i = 0;
  for (const disease of corpus.diseases)
    for (const raw of disease.frequencies) {
      const f = Number.isNaN(raw) ? options.recordedUnknown : raw;
      logs[i++] = Math.log(1 - options.recorded * f);
    }
  byKey.set(key, logs);
  return logs;
}

function unmentionedPenalty(
  corpus: Corpus,
  patient: PatientTerms,
  options: LikelihoodOptions,
  total: Float64Array,
): void {
  const mask = mentioned(corpus, patient);
  const logs = unmentionedLogs(corpus, options);
  let i = 0;
  corpus.diseases.forEach((disease, d) => {
    let sum = 0;
    const terms = disease.terms;
    for (let k = 0; k < terms.length; k++, i++) if (mask[terms[k] ?? 0] === 0) sum += logs[i] ?? 0;
    total[d] = (total[d] ?? 0) + sum;
  });
}

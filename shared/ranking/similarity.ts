import type { Corpus } from './corpus';
import type { PatientTerms } from './patientTerms';

/**
 * Resnik semantic similarity, best-match average from the patient's side (Phenomizer, Köhler et
 * al. 2009): for each patient term, the information content of the most informative common
 * ancestor with any of the disease's terms; averaged over the patient's terms. Excluded terms the
 * disease has subtract their information content times `excludedWeight`. Measured against the
 * likelihood model in docs/decisions/0019-case-ranking.md.
 */
export interface SimilarityOptions {
  readonly excludedWeight: number;
}

export const DEFAULT_SIMILARITY: SimilarityOptions = { excludedWeight: 0 };

/** Resnik best-match average of every disease (indexed like corpus.diseases). */
export function resnikScores(
  corpus: Corpus,
  patient: PatientTerms,
  options: SimilarityOptions = DEFAULT_SIMILARITY,
): Float64Array {
  const n = corpus.diseases.length;
  const total = new Float64Array(n);
  const best = new Float64Array(n);
  for (const p of patient.observed) {
    best.fill(0);
    for (const a of corpus.ontology.ancestors(p)) {
      const ic = corpus.ic[a] ?? 0;
      for (const d of corpus.postings[a]?.diseases ?? []) if (ic > (best[d] ?? 0)) best[d] = ic;
    }
    for (let d = 0; d < n; d++) total[d] = (total[d] ?? 0) + (best[d] ?? 0);
  }
  const count = Math.max(1, patient.observed.length);
  for (let d = 0; d < n; d++) total[d] = (total[d] ?? 0) / count;
  if (options.excludedWeight > 0)
    for (const e of patient.excluded) {
      const penalty = (options.excludedWeight * (corpus.ic[e] ?? 0)) / count;
      for (const d of corpus.postings[e]?.diseases ?? []) total[d] = (total[d] ?? 0) - penalty;
    }
  return total;
}

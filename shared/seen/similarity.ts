import type { Corpus } from '../ranking/corpus';
import type { Ontology } from '../ranking/ontology';
import { resolveTerms } from '../ranking/patientTerms';
import type { LikeTerm } from './channels';

/**
 * Phenotype similarity for "Patients like mine" (issue 18), built on the ranking's corpus
 * (decision 0019): the same information content (-ln share of diseases annotated with a term or a
 * descendant) and ancestor closures as `resnikScores`, applied between two patients instead of a
 * patient and a disease.
 */

/** The patient's observed terms, most specific only, most informative first; unknown ids said. */
export function informativeTerms(
  corpus: Corpus,
  observed: readonly string[],
): { terms: LikeTerm[]; unknown: string[] } {
  const resolved = resolveTerms(corpus.ontology, observed, []);
  const terms = [...resolved.observed]
    .map((t) => ({
      id: corpus.ontology.ids[t] ?? '',
      label: corpus.ontology.labels[t] ?? '',
      ic: Math.round((corpus.ic[t] ?? 0) * 1000) / 1000,
    }))
    .sort((a, b) => b.ic - a.ic || a.id.localeCompare(b.id));
  return { terms, unknown: [...resolved.unknown] };
}

const labelIndexes = new WeakMap<Ontology, Map<string, number>>();

/**
 * The term a node's phenotype text names: its id (`HP:0001250`) or, as Beacon records usually carry
 * a label, the exact label of the app's HPO table (case-insensitive). Undefined when neither.
 */
export function termOf(ontology: Ontology, text: string): number | undefined {
  if (/^HP:\d{7}$/.test(text)) return ontology.indexOf(text);
  let labels = labelIndexes.get(ontology);
  if (labels === undefined) {
    labels = new Map(ontology.labels.map((l, i) => [l.toLowerCase(), i]));
    labelIndexes.set(ontology, labels);
  }
  return labels.get(text.trim().toLowerCase());
}

/** For each term of `from`, the IC of its most informative common ancestor with any term of `to`, averaged. */
function bestMatchAverage(corpus: Corpus, from: Int32Array, to: Int32Array): number {
  if (from.length === 0 || to.length === 0) return 0;
  const toAncestors = new Set<number>();
  for (const t of to) for (const a of corpus.ontology.ancestors(t)) toAncestors.add(a);
  let total = 0;
  for (const f of from) {
    let best = 0;
    for (const a of corpus.ontology.ancestors(f))
      if (toAncestors.has(a)) best = Math.max(best, corpus.ic[a] ?? 0);
    total += best;
  }
  return total / from.length;
}

/**
 * Symmetric Resnik best-match average between the patient and another person's phenotype texts
 * (ids or labels; texts the table does not know are left out). 0 when nothing is shared.
 */
export function phenotypeSimilarity(
  corpus: Corpus,
  patient: readonly string[],
  other: readonly string[],
): number {
  const mine = resolveTerms(corpus.ontology, patient, []).observed;
  const ids = other
    .map((t) => termOf(corpus.ontology, t))
    .filter((t): t is number => t !== undefined)
    .map((t) => corpus.ontology.ids[t] ?? '');
  const theirs = resolveTerms(corpus.ontology, ids, []).observed;
  const score =
    (bestMatchAverage(corpus, mine, theirs) + bestMatchAverage(corpus, theirs, mine)) / 2;
  return Math.round(score * 100) / 100;
}

import type { Corpus } from './corpus';
import type { RankRequest } from './input';
import { modesOf } from './modes';

/**
 * The patient's context beside the phenotype terms: the age at onset and the sex. A disease the
 * annotations give an onset (clinical-course terms) that the patient's onset or age contradicts,
 * and an X-linked recessive disease in a woman, are unlikely explanations; each counts as one
 * likelihood ratio on the disease. Decision: docs/decisions/0037-phenotype-context-and-genes.md.
 */
export interface ContextOptions {
  /** Likelihood ratio of a disease whose annotated onset the patient's onset or age contradicts. */
  readonly onsetMismatch: number;
  /** Likelihood ratio of an X-linked recessive (only) disease in a female patient. */
  readonly xlrFemale: number;
}

export const DEFAULT_CONTEXT: ContextOptions = { onsetMismatch: 0.1, xlrFemale: 0.2 };

/** HPO onset terms and the ages they name, in years (before birth: -1 to 0). */
const ONSET_YEARS: readonly [string, number, number][] = [
  ['HP:0030674', -1, 0], // Antenatal
  ['HP:0011460', -1, 0], // Embryonal
  ['HP:0011461', -1, 0], // Fetal
  ['HP:0003577', 0, 0], // Congenital
  ['HP:0003623', 0, 28 / 365], // Neonatal
  ['HP:0003593', 28 / 365, 1], // Infantile
  ['HP:0011463', 1, 5], // Childhood
  ['HP:0003621', 5, 15], // Juvenile
  ['HP:0410280', 0, 16], // Pediatric
  ['HP:0003581', 16, 100], // Adult
  ['HP:0011462', 16, 40], // Young adult
  ['HP:0025708', 16, 19], // Early young adult
  ['HP:0025709', 19, 25], // Intermediate young adult
  ['HP:0025710', 25, 40], // Late young adult
  ['HP:0003596', 40, 60], // Middle age
  ['HP:0003584', 60, 100], // Late
];

/** An age range in years. */
export interface YearRange {
  readonly from: number;
  readonly to: number;
}

/** The ages an HPO onset term names, or undefined for a term that is not an onset class. */
export function onsetTermYears(id: string): YearRange | undefined {
  const hit = ONSET_YEARS.find(([t]) => t === id);
  return hit === undefined ? undefined : { from: hit[1], to: hit[2] };
}

/** Years of an ISO 8601 duration (`P2Y6M`, `P3W`, `P10D`), or undefined. */
export function isoYears(duration: string): number | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T.*)?$/.exec(duration.trim());
  if (m === null || duration.trim() === 'P') return undefined;
  const [, y = '0', mo = '0', w = '0', d = '0'] = m;
  return Number(y) + Number(mo) / 12 + Number(w) / 52 + Number(d) / 365;
}

const onsetCache = new WeakMap<Corpus, (YearRange | null)[]>();

/** The span of the onsets the annotations give a disease (null: none given). */
export function diseaseOnset(corpus: Corpus, disease: number): YearRange | null {
  let cache = onsetCache.get(corpus);
  if (cache === undefined) {
    const byTerm = new Map<number, YearRange>();
    for (const [id, from, to] of ONSET_YEARS) {
      const t = corpus.ontology.indexOf(id);
      if (t !== undefined) byTerm.set(t, { from, to });
    }
    cache = corpus.diseases.map((d) => {
      let from = Infinity;
      let to = -Infinity;
      for (const t of d.course) {
        const r = byTerm.get(t);
        if (r === undefined) continue;
        from = Math.min(from, r.from);
        to = Math.max(to, r.to);
      }
      return from === Infinity ? null : { from, to };
    });
    onsetCache.set(corpus, cache);
  }
  return cache[disease] ?? null;
}

/** Why the context counts against a disease. */
export type ContextReason = 'onset-before' | 'onset-after' | 'age-before' | 'xlr-female';

/**
 * What the patient's onset, age and sex say about one disease. Onset classes are coarse and
 * published onsets vary, so only a clear contradiction counts: the patient's onset ends before
 * half the disease's earliest onset less six months, or starts after twice its latest onset plus a
 * year; or the patient was last seen (already affected) before that earliest onset.
 */
export function contextReasons(
  corpus: Corpus,
  request: Pick<RankRequest, 'sex' | 'onset' | 'ageYears'>,
  disease: number,
): ContextReason[] {
  const reasons: ContextReason[] = [];
  const range = diseaseOnset(corpus, disease);
  if (range !== null) {
    const earliest = range.from / 2 - 0.5;
    const { onset, ageYears } = request;
    if (onset !== undefined && onset.to < earliest) reasons.push('onset-before');
    if (onset !== undefined && onset.from > range.to * 2 + 1) reasons.push('onset-after');
    if (ageYears !== undefined && ageYears < earliest) reasons.push('age-before');
  }
  if (request.sex === 'female' && xlrOnly(corpus)[disease] === 1) reasons.push('xlr-female');
  return reasons;
}

/** ln of the context's likelihood ratio for one disease (0 when nothing contradicts it). */
export function contextLogRatio(
  reasons: readonly ContextReason[],
  options: ContextOptions = DEFAULT_CONTEXT,
): number {
  const onset = reasons.some((r) => r !== 'xlr-female') ? Math.log(options.onsetMismatch) : 0;
  const sex = reasons.includes('xlr-female') ? Math.log(options.xlrFemale) : 0;
  return onset + sex;
}

const xlrCache = new WeakMap<Corpus, Uint8Array>();

/** 1 for the diseases whose only mode of inheritance is X-linked recessive (memoised). */
function xlrOnly(corpus: Corpus): Uint8Array {
  let flags = xlrCache.get(corpus);
  if (flags === undefined) {
    flags = Uint8Array.from(corpus.diseases, (_, d) => {
      const modes = modesOf(corpus, d);
      return modes.length === 1 && modes[0] === 'XLR' ? 1 : 0;
    });
    xlrCache.set(corpus, flags);
  }
  return flags;
}

/**
 * Adds the context's ln likelihood ratio to every disease's phenotype score (in place); the same
 * rules as contextReasons, without building a list per disease (it runs over every disease).
 */
export function addContext(
  corpus: Corpus,
  request: Pick<RankRequest, 'sex' | 'onset' | 'ageYears'>,
  scores: Float64Array,
  options: ContextOptions = DEFAULT_CONTEXT,
): void {
  const { onset, ageYears } = request;
  if (onset !== undefined || ageYears !== undefined) {
    const mismatch = Math.log(options.onsetMismatch);
    for (let d = 0; d < scores.length; d++) {
      const range = diseaseOnset(corpus, d);
      if (range === null) continue;
      const earliest = range.from / 2 - 0.5;
      if (
        (onset !== undefined && (onset.to < earliest || onset.from > range.to * 2 + 1)) ||
        (ageYears !== undefined && ageYears < earliest)
      )
        scores[d] = (scores[d] ?? 0) + mismatch;
    }
  }
  if (request.sex === 'female') {
    const flags = xlrOnly(corpus);
    const female = Math.log(options.xlrFemale);
    for (let d = 0; d < scores.length; d++)
      if (flags[d] === 1) scores[d] = (scores[d] ?? 0) + female;
  }
}

import { documentTranslator } from '../i18n/documents';
import type { Values } from '../i18n/documents';
import type { CivicHit, GeneRole, HotspotHit } from './knowledge';
import type { TumourType } from './tumourTypes';
import { PAN_CANCER_DOIDS } from './tumourTypes';

/**
 * The AMP/ASCO/CAP 2017 tier proposal for one somatic variant (Li et al. 2017, J Mol Diagn 19:4),
 * from the knowledge the app has. CIViC 2018 evidence levels map as the knowledge README and Li et
 * al. say: A/B in the patient's tumour type → Tier I (level A/B); A/B in another tumour type, or C
 * → Tier II level C; D → Tier II level D. Only Predictive, Diagnostic and Prognostic evidence that
 * supports its statement counts (Predisposing is germline; "Does Not Support" is listed, not used).
 * Without clinical evidence: a population frequency ≥ 1% or a benign oncogenicity → Tier IV; else
 * Tier III, with any hotspot or oncogenicity named as evidence (a hotspot alone is not clinical
 * evidence). The proposal is a proposal: the oncologist confirms or changes it (decision 0034).
 */

export type Tier = 'I' | 'II' | 'III' | 'IV';
export type Level = 'A' | 'B' | 'C' | 'D';

export interface TierEvidence {
  readonly kind: 'civic' | 'clinvar' | 'hotspot' | 'population' | 'gene';
  /** In English (older readers, the command line); `key` and `values` say it in any language. */
  readonly text: string;
  /** Document catalogue key (shared/i18n/documents, `tierEvidence.*`) and its values (issue 19). */
  readonly key: string;
  readonly values: Values;
  /** CIViC evidence id, ClinVar VariationID. */
  readonly ref?: string;
  /** The tier and level this item supports on its own, when it supports one. */
  readonly supports?: { tier: Tier; level: Level | null };
}

export interface TierInput {
  readonly tumourType: TumourType | null;
  readonly civic: readonly CivicHit[];
  readonly hotspot: HotspotHit | null;
  readonly clinvar: { variationId: number; oncogenicity: string; somaticImpact: string } | null;
  readonly role: GeneRole | null;
  readonly popAf: number | null;
}

export interface TierProposal {
  readonly tier: Tier;
  readonly level: Level | null;
  readonly evidence: readonly TierEvidence[];
  /** What the knowledge lacks for this variant, in English. */
  readonly missing: readonly string[];
  /** The same as document catalogue keys (`tierEvidence.missing.*`), for the reader's language. */
  readonly missingKeys: readonly string[];
}

const EN = documentTranslator('en');
/** English texts already worded, by key and values (bounded: a tumour's calls repeat them). */
const worded = new Map<string, string>();
const WORDED_MAX = 10_000;
/**
 * An evidence item's catalogue key and values, with its English text beside them. The text is
 * worded once per key and values (decision 0079: wording it for every call of an import was a
 * third of the tier proposal's CPU); the cache is cleared when full, never stale.
 */
const said = (key: string, values: Values = {}): { text: string; key: string; values: Values } => {
  const k = `tierEvidence.${key}`;
  const id = `${k}\u0000${JSON.stringify(values)}`;
  let text = worded.get(id);
  if (text === undefined) {
    text = EN(k, values);
    if (worded.size >= WORDED_MAX) worded.clear();
    worded.set(id, text);
  }
  return { text, key: k, values };
};

const CLINICAL = new Set(['Predictive', 'Diagnostic', 'Prognostic']);
const RANK: Record<string, number> = { 'I:A': 6, 'I:B': 5, 'II:C': 4, 'II:D': 3 };
export const POPULATION_AF_BENIGN = 0.01;

/** A key's English text without values (the "missing" notes), worded once per key. */
const englishOf = (key: string): string => {
  let text = worded.get(key);
  if (text === undefined) {
    text = EN(key);
    worded.set(key, text);
  }
  return text;
};

/** Proposes a tier with the evidence behind it. */
export function proposeTier(input: TierInput): TierProposal {
  const evidence: TierEvidence[] = [];
  const missingKeys: string[] = [];
  let best: { tier: Tier; level: Level } | null = null;
  const raise = (tier: Tier, level: Level): { tier: Tier; level: Level } => {
    const s = { tier, level };
    if (
      best === null ||
      (RANK[`${tier}:${level}`] ?? 0) > (RANK[`${best.tier}:${best.level}`] ?? 0)
    )
      best = s;
    return s;
  };
  const sameType = (doid: string): boolean =>
    PAN_CANCER_DOIDS.includes(doid) || (input.tumourType?.doids.includes(doid) ?? false);
  for (const hit of input.civic)
    for (const e of hit.evidence) {
      const where = `${e.disease}${e.drugs === '' ? '' : `, ${e.drugs}`}`;
      // Stored as CIViC writes it (type, significance, disease, drugs); the reader's language words
      // the type and significance, the names stay as CIViC has them (tierJson.ts, decision 0075).
      // Evidence that does not support its statement says so: it is listed, never counted.
      const text = said(e.direction === 'Does Not Support' ? 'civicAgainst' : 'civic', {
        name: hit.name,
        matchedBy: hit.matchedBy,
        type: e.type,
        significance: e.significance,
        level: e.level,
        where,
      });
      const usable =
        CLINICAL.has(e.type) && e.direction === 'Supports' && e.origin !== 'Germline Mutation';
      let supports: { tier: Tier; level: Level } | undefined;
      if (usable && (e.level === 'A' || e.level === 'B'))
        supports =
          input.tumourType !== null && sameType(e.doid) ? raise('I', e.level) : raise('II', 'C');
      else if (usable && e.level === 'C') supports = raise('II', 'C');
      else if (usable && e.level === 'D') supports = raise('II', 'D');
      evidence.push({
        kind: 'civic',
        ...text,
        ref: `EID${String(e.eid)}`,
        ...(supports && { supports }),
      });
    }
  if (input.tumourType === null && input.civic.length > 0)
    missingKeys.push('tierEvidence.missing.noTumourType');
  const cv = input.clinvar;
  if (cv !== null) {
    if (cv.somaticImpact !== '')
      evidence.push({
        kind: 'clinvar',
        ...said('clinvarImpact', { impact: cv.somaticImpact }),
        ref: String(cv.variationId),
        supports: /Tier I\b/u.test(cv.somaticImpact) ? raise('II', 'C') : undefined,
      } as TierEvidence);
    if (cv.oncogenicity !== '')
      evidence.push({
        kind: 'clinvar',
        ...said('clinvarOncogenicity', { value: cv.oncogenicity }),
        ref: String(cv.variationId),
      });
  }
  const h = input.hotspot;
  if (h !== null)
    evidence.push({
      kind: 'hotspot',
      ...(h.tumourCount === null
        ? said('hotspot', { level: h.level, label: h.label })
        : said('hotspotTumours', { level: h.level, label: h.label, count: h.tumourCount })),
    });
  const r = input.role;
  if (r !== null && (r.oncogene || r.tumourSuppressor))
    evidence.push({
      kind: 'gene',
      ...said(
        r.oncogene && r.tumourSuppressor ? 'geneBoth' : r.oncogene ? 'oncogene' : 'suppressor',
      ),
    });
  const found = best as { tier: Tier; level: Level } | null;
  const out = (tier: Tier, level: Level | null): TierProposal => ({
    tier,
    level,
    evidence,
    missing: missingKeys.map(englishOf),
    missingKeys,
  });
  if (found !== null) return out(found.tier, found.level);
  const benignOnc = cv !== null && /benign/iu.test(cv.oncogenicity);
  if (input.popAf !== null && input.popAf >= POPULATION_AF_BENIGN) {
    evidence.push({
      kind: 'population',
      ...said('population', { af: String(input.popAf) }),
      supports: { tier: 'IV', level: null },
    });
    return out('IV', null);
  }
  if (benignOnc) return out('IV', null);
  if (input.civic.length === 0) missingKeys.push('tierEvidence.missing.noCivic');
  return out('III', null);
}

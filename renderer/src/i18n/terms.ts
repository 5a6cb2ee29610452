import type { TFunction } from 'i18next';
import { canonicalTerm } from '../../../shared/cases/consequences';
import { clinvarReviewWords, clinvarSignificanceWords } from '../../../shared/i18n/clinvarWords';
import { DUO_TERMS } from '../../../shared/vault/duo.data';
import { FIT_CODES } from '../../../shared/ranking/inheritance';

/**
 * Clinical words in the app's language with their standard codes kept (issue 22, decision 0048):
 * the translations live in the document catalogues main's report uses too (terms.*), so a
 * consequence or DUO term reads the same on screen and on paper.
 */

const DUO_SHORTHAND = new Map(DUO_TERMS.map(([id, short]) => [id, short]));

/** An SO consequence (or several joined by "&", as VEP writes them) in words ("missense variant"). */
export function consequenceText(t: TFunction, term: string | null | undefined): string {
  if (term === null || term === undefined || term === '') return '—';
  return term
    .split('&')
    .map((x) =>
      t(`terms.consequence.${canonicalTerm(x)}`, { defaultValue: x.replaceAll('_', ' ') }),
    )
    .join(', ');
}

/** The consequence in words with its SO term beside it ("Missense-Variante (missense_variant)"). */
export function consequenceWithCode(t: TFunction, term: string | null | undefined): string {
  const words = consequenceText(t, term);
  return term === null || term === undefined || term === '' ? words : `${words} (${term})`;
}

/**
 * A DUO term as id, shorthand and translated label: "DUO:0000007 (DS) krankheitsspezifische
 * Forschung"; a term the app does not know keeps the label the node sent.
 */
export function duoText(t: TFunction, id: string, label?: string): string {
  const short = DUO_SHORTHAND.get(id);
  const words = t(`terms.duo.${id.replace(':', '_')}`, { defaultValue: label ?? '' });
  return [id, short === undefined || short === '' ? '' : `(${short})`, words === id ? '' : words]
    .filter((x) => x !== '')
    .join(' ');
}

const ZYGOSITY: Readonly<Record<string, string>> = {
  het: 'heterozygous',
  hom: 'homozygous',
  hemi: 'hemizygous',
  ref: 'reference',
};

/** A genotype's zygosity ("het", "hom", "hemi" as the case tables store it) in words. */
export const zygosityText = (t: TFunction, z: string): string =>
  t(`terms.zygosity.${ZYGOSITY[z] ?? z}`, { defaultValue: z });

/** A record's sex in words when the node used a known term, else its label as the node gave it. */
export const sexText = (t: TFunction, label: string, code: string | undefined): string =>
  code === undefined ? label : t(`terms.sex.${code}`, { defaultValue: label });

/**
 * A carrier's sex as a node labelled it (seen-before answers keep the label only): the words of a
 * label the app knows ("female", "Male", "unknown"), else the label as the node gave it.
 */
export const sexLabelText = (t: TFunction, label: string): string => {
  const code = label.trim().toLowerCase();
  return code === 'female' || code === 'male' || code === 'unknown'
    ? t(`terms.sex.${code}`)
    : label;
};

/**
 * A ClinVar significance in words ("Pathogenic/Likely_pathogenic", "Benign|risk_factor",
 * "Conflicting_classifications_of_pathogenicity"): each part translated, the separators kept; a
 * value the app does not know is shown as ClinVar writes it, underscores as spaces.
 */
export const clinvarText = (t: TFunction, significance: string | null | undefined): string =>
  clinvarSignificanceWords((key) => t(key), significance);

/**
 * The Richards et al. 2015 (Table 5) rule met, in words, its id kept: "P(ii): ≥2 strong" is
 * `terms.acmgRule.P_ii`; a conflict words both rules. Text the app does not know stays as given.
 */
export function acmgRuleText(t: TFunction, rule: string): string {
  const conflict = /^VUS\(ii\): conflicting \((.*); (.*)\)$/.exec(rule);
  if (conflict !== null)
    return t('terms.acmgRule.VUS_ii', {
      pathogenic: acmgRuleText(t, conflict[1] ?? ''),
      benign: acmgRuleText(t, conflict[2] ?? ''),
    });
  const id = /^([A-Z]+(?:\([a-z]+\))+):/.exec(rule)?.[1];
  if (id === undefined) return rule;
  return t(`terms.acmgRule.${id.replaceAll(/\)\(|\(/g, '_').replace(/\)$/, '')}`, {
    defaultValue: rule,
  });
}

/**
 * A ClinVar review status in words (decision 0058): "criteria provided, single submitter" as
 * ClinVar's XML and table write it, or "criteria_provided,_single_submitter" as its VCF does, is
 * `terms.clinvarReview.criteria_provided_single_submitter`; a status the app does not know is shown
 * as ClinVar writes it, underscores as spaces. Exports keep ClinVar's own value.
 */
export const clinvarReviewText = (t: TFunction, status: string | null | undefined): string =>
  clinvarReviewWords((key) => t(key), status);

/**
 * How a gene's variants fit a mode of inheritance ("one allele", "carrier only": the ranking's
 * words) in the reader's language (issue 22, decision 0075); a fit the app does not know shows
 * as the ranking wrote it.
 */
export function genotypeFitText(t: TFunction, fit: string): string {
  const code = (FIT_CODES as Readonly<Record<string, string>>)[fit];
  return code === undefined ? fit : t(`caseReview.rank.fitWord.${code}`);
}

/** A mode of inheritance as the ranking abbreviates it (AD, AR, XLR…); "ANY" in words. */
export const inheritanceModeText = (t: TFunction, mode: string): string =>
  mode === 'ANY' ? t('caseReview.rank.anyMode') : mode;

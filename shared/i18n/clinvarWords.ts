/**
 * ClinVar's words in the reader's language (issue 22; decisions 0055, 0058), one rule for the
 * screen and the documents: a significance ("Pathogenic/Likely_pathogenic", "Benign|risk_factor")
 * is translated part by part with its separators kept, a review status ("criteria provided, single
 * submitter" as ClinVar's table writes it, "criteria_provided,_single_submitter" as its VCF does)
 * as a whole. A value the catalogue does not know is shown as ClinVar writes it, underscores as
 * spaces. `t` returns the key itself for a key it lacks (i18next and the document catalogue both do).
 */
export type KeyT = (key: string) => string;

/** ACMG/AMP classes by their ClinVar spelling: worded as the app's own classes. */
const ACMG_CLASSES = new Set([
  'pathogenic',
  'likely_pathogenic',
  'uncertain_significance',
  'likely_benign',
  'benign',
]);

const worded = (t: KeyT, key: string, raw: string): string => {
  const text = t(key);
  return text === key ? raw.replaceAll('_', ' ') : text;
};

export function clinvarSignificanceWords(t: KeyT, significance: string | null | undefined): string {
  if (significance === null || significance === undefined || significance === '') return '—';
  return significance
    .split(/([/|,]_?\s*)/)
    .map((part, i) => {
      if (i % 2 === 1) return part.replace('_', ' ');
      const key = part.trim().toLowerCase().replaceAll(' ', '_');
      if (key === '') return part;
      return worded(t, `terms.${ACMG_CLASSES.has(key) ? 'acmgClass' : 'clinvar'}.${key}`, part);
    })
    .join('');
}

export function clinvarReviewWords(t: KeyT, status: string | null | undefined): string {
  if (status === null || status === undefined || status === '') return '—';
  const key = status
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_|_$/g, '');
  return worded(t, `terms.clinvarReview.${key}`, status);
}

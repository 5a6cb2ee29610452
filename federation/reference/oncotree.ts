/**
 * Tumour types of the demo's cancer cohorts as OncoTree codes (MSKCC, oncotree.mskcc.org; issue 19),
 * the vocabulary the app's tumour-type picker uses (shared/cancer/tumourTypes.ts: every code here is
 * in its committed subset). A Beacon individual carries its tumour type as one more disease term,
 * `oncotree:<CODE>` (the Bioregistry prefix), beside the ICD-10 diagnosis it is mapped from; the
 * node filters on it like on any disease term. No OncoTree file is in the shared data, so the few
 * codes and names are written here by hand from the public tree.
 */

export const ONCOTREE_PREFIX = 'oncotree:';

/** [CURIE, OncoTree name] of the codes the generator assigns. */
export const ONCOTREE_ROWS: readonly (readonly [string, string])[] = [
  ['oncotree:BRCA', 'Invasive Breast Carcinoma'],
  ['oncotree:HGSOC', 'High-Grade Serous Ovarian Cancer'],
  ['oncotree:COAD', 'Colon Adenocarcinoma'],
  ['oncotree:UCEC', 'Uterine Endometrioid Carcinoma'],
  ['oncotree:PRAD', 'Prostate Adenocarcinoma'],
  ['oncotree:PAAD', 'Pancreatic Adenocarcinoma'],
  ['oncotree:SKCM', 'Cutaneous Melanoma'],
  ['oncotree:STAD', 'Stomach Adenocarcinoma'],
  ['oncotree:SARCNOS', 'Sarcoma, NOS'],
];

/**
 * The documented mapping: a cancer patient's ICD-10 diagnosis → the OncoTree type it is recorded
 * as. Unspecified ICD-10 sites map to the commonest histology of that site (C56 ovary → high-grade
 * serous; C54.1 endometrium → endometrioid; C49.9 soft tissue → sarcoma, NOS).
 */
export const ICD10_TO_ONCOTREE: Readonly<Record<string, string>> = {
  'ICD10:C50.9': 'oncotree:BRCA',
  'ICD10:C56': 'oncotree:HGSOC',
  'ICD10:C18.9': 'oncotree:COAD',
  'ICD10:C54.1': 'oncotree:UCEC',
  'ICD10:C61': 'oncotree:PRAD',
  'ICD10:C25.9': 'oncotree:PAAD',
  'ICD10:C43.9': 'oncotree:SKCM',
  'ICD10:C16.9': 'oncotree:STAD',
  'ICD10:C49.9': 'oncotree:SARCNOS',
};

/** The OncoTree terms of a patient's diagnoses (one per mapped ICD-10 code, deduplicated). */
export function tumourTypesOf(diseases: readonly string[]): string[] {
  const out = new Set<string>();
  for (const d of diseases) {
    const t = ICD10_TO_ONCOTREE[d];
    if (t !== undefined) out.add(t);
  }
  return [...out];
}

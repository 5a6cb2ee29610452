/**
 * Tumour types of the demo's cancer cohorts as OncoTree codes (MSKCC, oncotree.mskcc.org; issue 19),
 * the vocabulary the app's tumour-type picker uses (shared/cancer/tumourTypes.ts: every code here is
 * in its committed subset). A Beacon individual carries its tumour type as one more disease term,
 * `oncotree:<CODE>` (the Bioregistry prefix), beside the ICD-10 diagnosis it is mapped from; the
 * node filters on it like on any disease term. No OncoTree file is in the shared data, so the few
 * codes and names are written here by hand from the public tree.
 */
export declare const ONCOTREE_PREFIX = "oncotree:";
/** [CURIE, OncoTree name] of the codes the generator assigns. */
export declare const ONCOTREE_ROWS: readonly (readonly [string, string])[];
/**
 * The documented mapping: a cancer patient's ICD-10 diagnosis → the OncoTree type it is recorded
 * as. Unspecified ICD-10 sites map to the commonest histology of that site (C56 ovary → high-grade
 * serous; C54.1 endometrium → endometrioid; C49.9 soft tissue → sarcoma, NOS).
 */
export declare const ICD10_TO_ONCOTREE: Readonly<Record<string, string>>;
/** The OncoTree terms of a patient's diagnoses (one per mapped ICD-10 code, deduplicated). */
export declare function tumourTypesOf(diseases: readonly string[]): string[];

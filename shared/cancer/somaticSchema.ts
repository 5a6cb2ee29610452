/**
 * The `somatic` table of a cancer case's database (issue 19): one row per allele of a case of kind
 * "cancer", beside `variants` (same `vid`). Tumour (`t_`) and normal (`n_`) read counts stay apart;
 * the knowledge columns are what the committed tables said at import (their versions are in
 * case_meta), and `tier_*` is the app's AMP/ASCO/CAP proposal, not the oncologist's decision.
 */
export const SOMATIC_COLUMNS: readonly (readonly [string, string])[] = [
  ['vid', 'INTEGER'],
  /** mutect2 | strelka2 | generic */
  ['caller', 'VARCHAR'],
  ['t_ad_ref', 'INTEGER'],
  ['t_ad_alt', 'INTEGER'],
  ['t_dp', 'INTEGER'],
  ['t_vaf', 'DOUBLE'],
  /** NULL for a tumour-only case. */
  ['n_ad_ref', 'INTEGER'],
  ['n_ad_alt', 'INTEGER'],
  ['n_dp', 'INTEGER'],
  ['n_vaf', 'DOUBLE'],
  /** The normal's reads say germline (somaticCalls.ts germlineLeak). */
  ['germline_leak', 'BOOLEAN'],
  /** One-letter protein change (`V600E`) and its first residue, from HGVSp. */
  ['protein_change', 'VARCHAR'],
  ['protein_pos', 'INTEGER'],
  /** allele | residue | indel | splice | 3d; NULL: no hotspot. */
  ['hotspot', 'VARCHAR'],
  ['hotspot_label', 'VARCHAR'],
  ['hotspot_tumours', 'INTEGER'],
  /** Best CIViC level among matched evidence (A–E), NULL: none. */
  ['civic_level', 'VARCHAR'],
  ['clinvar_oncogenicity', 'VARCHAR'],
  /** oncogene | tumour_suppressor | both | NULL */
  ['gene_role', 'VARCHAR'],
  /** The gene is in the CPSR predisposition superpanel. */
  ['predisposition_gene', 'BOOLEAN'],
  /** I | II | III | IV and A–D: the proposal; the evidence and what is missing as JSON. */
  ['tier', 'VARCHAR'],
  ['tier_level', 'VARCHAR'],
  ['tier_json', 'VARCHAR'],
];

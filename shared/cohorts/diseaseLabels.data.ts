/**
 * Labels of the disease codes the demo federation's nodes use (docs/federation-data-card.md), so
 * a cohort shows and exports "Cystic fibrosis (ORPHA:586)" rather than a bare code (issue 13).
 * Sources: ORPHA and OMIM names from HPO's phenotype.hpoa 2023-01-27 (DiseaseName column);
 * ICD10 titles from WHO ICD-10 2019. OncoTree tumour types (`oncotree:<CODE>`, issue 19) are named
 * by the app's OncoTree subset (shared/cancer/tumourTypes.ts; ontologyLabels.ts). The same rows as federation/reference/diseases.data.ts,
 * checked against it and against phenotype.hpoa in ../shared by
 * electron/main/cohorts/diseaseLabels.conformance.test.ts. A code not listed here is shown as its id.
 */

/** Where the labels come from, per code prefix (for Phenopacket resources and the docs). */
export const DISEASE_LABEL_SOURCES = {
  ORPHA: 'phenotype.hpoa 2023-01-27',
  OMIM: 'phenotype.hpoa 2023-01-27',
  ICD10: 'WHO ICD-10 2019',
} as const;

/** [CURIE, label] */
export const DISEASE_LABELS: ReadonlyMap<string, string> = new Map([
  ['ORPHA:145', 'Hereditary breast and ovarian cancer syndrome'],
  ['ORPHA:144', 'Lynch syndrome'],
  ['ORPHA:524', 'Li-Fraumeni syndrome'],
  ['ORPHA:733', 'Familial adenomatous polyposis'],
  ['OMIM:604370', 'Breast-Ovarian cancer, familial, susceptibility to, 1'],
  ['OMIM:612555', 'Breast-Ovarian cancer, familial, susceptibility to, 2'],
  ['OMIM:120435', 'Lynch syndrome I'],
  ['OMIM:609310', 'Colorectal cancer, hereditary nonpolyposis, type 2'],
  ['OMIM:151623', 'Li-Fraumeni syndrome'],
  ['OMIM:114480', 'Breast cancer'],
  ['OMIM:155600', 'Melanoma, cutaneous malignant'],
  ['ORPHA:33069', 'Dravet syndrome'],
  ['OMIM:607208', 'Epileptic encephalopathy, early infantile, 6 (Dravet syndrome)'],
  ['OMIM:613720', 'Epileptic encephalopathy, early infantile, 7'],
  ['OMIM:121200', 'Seizures, benign familial neonatal, 1'],
  ['OMIM:300672', 'Developmental and epileptic encephalopathy 2'],
  ['ORPHA:505652', 'CDKL5-deficiency disorder'],
  ['ORPHA:1934', 'Early infantile epileptic encephalopathy'],
  ['ORPHA:306', 'Benign familial infantile epilepsy'],
  ['ORPHA:586', 'Cystic fibrosis'],
  ['OMIM:219700', 'Cystic fibrosis'],
  ['ORPHA:558', 'Marfan syndrome'],
  ['OMIM:154700', 'Marfan syndrome'],
  ['ORPHA:666', 'Osteogenesis imperfecta'],
  ['OMIM:166200', 'Osteogenesis imperfecta, type I'],
  ['ORPHA:98896', 'Duchenne muscular dystrophy'],
  ['OMIM:310200', 'Duchenne muscular dystrophy'],
  ['ORPHA:70', 'Proximal spinal muscular atrophy'],
  ['OMIM:253300', 'Spinal muscular atrophy, type I'],
  ['ORPHA:716', 'Phenylketonuria'],
  ['OMIM:261600', 'Phenylketonuria'],
  ['ICD10:C50.9', 'Malignant neoplasm of breast, unspecified'],
  ['ICD10:C56', 'Malignant neoplasm of ovary'],
  ['ICD10:C18.9', 'Malignant neoplasm of colon, unspecified'],
  ['ICD10:C54.1', 'Malignant neoplasm of endometrium'],
  ['ICD10:C25.9', 'Malignant neoplasm of pancreas, unspecified'],
  ['ICD10:C61', 'Malignant neoplasm of prostate'],
  ['ICD10:C43.9', 'Malignant melanoma of skin, unspecified'],
  ['ICD10:C16.9', 'Malignant neoplasm of stomach, unspecified'],
  ['ICD10:C49.9', 'Malignant neoplasm of connective and soft tissue, unspecified'],
  ['ICD10:G40.9', 'Epilepsy, unspecified'],
  ['ICD10:G40.4', 'Other generalized epilepsy and epileptic syndromes'],
  ['ICD10:G40.1', 'Localization-related (focal)(partial) symptomatic epilepsy'],
  ['ICD10:E84.9', 'Cystic fibrosis, unspecified'],
  ['ICD10:Q87.4', 'Marfan syndrome'],
  ['ICD10:Q78.0', 'Osteogenesis imperfecta'],
  ['ICD10:G71.0', 'Muscular dystrophy'],
  ['ICD10:G12.0', 'Infantile spinal muscular atrophy, type I [Werdnig-Hoffman]'],
  ['ICD10:E70.0', 'Classical phenylketonuria'],
  ['ICD10:R69', 'Illness, unspecified'],
]);

/**
 * What the reference tables contain: the hand-picked genes, HPO terms and diseases the generator uses.
 * build.ts reads this list, looks every item up in /work/shared/data and writes the *.data.ts tables;
 * an id missing from the source makes the build fail rather than invent a label.
 */

/** Core genes per cohort kind; always included (the generator plants signal in some of them). */
export const CORE_GENES = {
  cancer: [
    'BRCA1', 'BRCA2', 'MLH1', 'MSH2', 'MSH6', 'PMS2', 'TP53', 'PALB2', 'ATM', 'CHEK2', 'APC', 'PTEN',
    'CDH1', 'STK11', 'RAD51C', 'RAD51D', 'BRIP1', 'MUTYH', 'CDKN2A', 'BRAF',
  ],
  neuro: [
    'SCN1A', 'KCNQ2', 'CDKL5', 'STXBP1', 'SCN2A', 'SCN8A', 'PCDH19', 'SLC2A1', 'GRIN2A', 'DEPDC5',
    'TSC1', 'TSC2', 'MECP2', 'SYNGAP1', 'KCNT1',
  ],
  rareDisease: [
    'CFTR', 'FBN1', 'COL1A1', 'COL1A2', 'DMD', 'SMN1', 'PAH', 'HBB', 'GAA', 'FMR1', 'PKD1', 'LDLR',
  ],
} as const;

/** How many extra genes to take from each shared panel (first N in the panel's own order). */
export const PANEL_EXTRAS = { cancer: 60, epilepsy: 60, acmg: 90 } as const;

/** Background genes sampled evenly from each chromosome's protein-coding genes. */
export const BACKGROUND_PER_CHROM = 5;
export const CHROMS = [
  '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18',
  '19', '20', '21', '22', 'X',
] as const;

/** HPO terms the generator assigns; the build closes them upward to HP:0000001. */
export const HPO_TERMS = [
  // neuro
  'HP:0001250', 'HP:0007359', 'HP:0002069', 'HP:0002373', 'HP:0010819', 'HP:0032794', 'HP:0012469',
  'HP:0002133', 'HP:0002121', 'HP:0011097', 'HP:0002384', 'HP:0001263', 'HP:0001249', 'HP:0000717',
  'HP:0001252', 'HP:0002353', 'HP:0002376', 'HP:0001251', 'HP:0000252', 'HP:0001272', 'HP:0002521',
  'HP:0002360',
  // cancer
  'HP:0003002', 'HP:0100615', 'HP:0003003', 'HP:0012114', 'HP:0002894', 'HP:0100242', 'HP:0006744',
  'HP:0012056', 'HP:0030692', 'HP:0012125', 'HP:0012126', 'HP:0200063',
  // rare disease
  'HP:0002205', 'HP:0002110', 'HP:0001738', 'HP:0012236', 'HP:0001508', 'HP:0004401', 'HP:0001166',
  'HP:0001083', 'HP:0002616', 'HP:0000098', 'HP:0000767', 'HP:0002650', 'HP:0002757', 'HP:0000592',
  'HP:0000938', 'HP:0000365', 'HP:0000703', 'HP:0004322', 'HP:0001324', 'HP:0003707', 'HP:0003236',
  'HP:0003391', 'HP:0001284', 'HP:0001308', 'HP:0004923', 'HP:0000964', 'HP:0001631',
  // common background
  'HP:0000822', 'HP:0002099', 'HP:0001513', 'HP:0000545', 'HP:0002076', 'HP:0000821',
] as const;

/** ORPHA and OMIM diseases; labels come from phenotype.hpoa. */
export const DISEASE_IDS = [
  'ORPHA:145', 'ORPHA:144', 'ORPHA:524', 'ORPHA:733', 'OMIM:604370', 'OMIM:612555', 'OMIM:120435',
  'OMIM:609310', 'OMIM:151623', 'OMIM:114480', 'OMIM:155600', 'ORPHA:33069', 'OMIM:607208',
  'OMIM:613720', 'OMIM:121200', 'OMIM:300672', 'ORPHA:505652', 'ORPHA:1934', 'ORPHA:306', 'ORPHA:586',
  'OMIM:219700', 'ORPHA:558', 'OMIM:154700', 'ORPHA:666', 'OMIM:166200', 'ORPHA:98896', 'OMIM:310200',
  'ORPHA:70', 'OMIM:253300', 'ORPHA:716', 'OMIM:261600',
] as const;

/**
 * ICD-10 codes with their WHO ICD-10 (2019) titles. No ICD-10 file is in the shared data, so these few
 * labels are written here by hand from the public classification.
 */
export const ICD10: readonly (readonly [string, string])[] = [
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
];

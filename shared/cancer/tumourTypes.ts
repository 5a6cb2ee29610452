/**
 * Tumour types for cancer cases (issue 19), as OncoTree codes (MSKCC, oncotree.mskcc.org): the
 * vocabulary cBioPortal, cancerhotspots and Genome Nexus already use, so a tumour type chosen here
 * lines up with the hotspot tables' tissue composition without a mapping service. NCIt / ICD-O were
 * the alternative; OncoTree is smaller and has one code per clinical tumour type.
 *
 * OncoTree is not in ../shared/data, so this is a documented subset (common solid and haematological
 * types, codes and names as published in the OncoTree tree), not a derived table. Each type lists
 * the CIViC 2018 disease ontology ids (from civic.data.ts's evidence) that count as "this tumour
 * type" for AMP/ASCO/CAP tiering: the type itself and its broader parents (NSCLC evidence applies to
 * a lung adenocarcinoma). DOID:162 ("Cancer", tumour-agnostic evidence) applies to every type.
 * `tissue` is the cancerhotspots tissue name used in the residue table's tumour-type composition.
 */
export interface TumourType {
  readonly code: string;
  readonly name: string;
  readonly tissue: string;
  readonly doids: readonly string[];
}

export const ONCOTREE_SUBSET_NOTE =
  'OncoTree subset (codes and names of the public tree; 34 common tumour types)';

/** DOIDs of tumour-agnostic evidence. */
export const PAN_CANCER_DOIDS: readonly string[] = ['162'];

const t = (code: string, name: string, tissue: string, doids: string[]): TumourType => ({
  code,
  name,
  tissue,
  doids,
});

export const TUMOUR_TYPES: readonly TumourType[] = [
  t('BRCA', 'Invasive Breast Carcinoma', 'breast', [
    '1612',
    '0060079',
    '0060075',
    '0060081',
    '0060080',
    '6263',
  ]),
  t('LUAD', 'Lung Adenocarcinoma', 'lung', ['3910', '3908', '1324', '3905']),
  t('LUSC', 'Lung Squamous Cell Carcinoma', 'lung', ['3907', '3908', '1324', '3905']),
  t('NSCLC', 'Non-Small Cell Lung Cancer', 'lung', ['3908', '1324', '3905']),
  t('SCLC', 'Small Cell Lung Cancer', 'lung', ['5409', '1324', '3905']),
  t('COADREAD', 'Colorectal Adenocarcinoma', 'bowel', ['9256', '0050861', '219']),
  t('COAD', 'Colon Adenocarcinoma', 'bowel', ['9256', '0050861', '219']),
  t('READ', 'Rectal Adenocarcinoma', 'bowel', ['9256', '0050861']),
  t('MEL', 'Melanoma', 'skin', ['1909']),
  t('SKCM', 'Cutaneous Melanoma', 'skin', ['8923', '1909']),
  t('ACRM', 'Acral Melanoma', 'skin', ['6367', '8923', '1909']),
  t('UM', 'Uveal Melanoma', 'eye', ['6039', '1909']),
  t('PAAD', 'Pancreatic Adenocarcinoma', 'pancreas', ['4074', '3498', '1793', '4905', '3587']),
  t('PRAD', 'Prostate Adenocarcinoma', 'prostate', ['10283', '10286']),
  t('GBM', 'Glioblastoma Multiforme', 'brain', ['3068', '3070', '0060108']),
  t('ASTR', 'Astrocytoma', 'brain', ['3069', '3070', '0060108']),
  t('AML', 'Acute Myeloid Leukemia', 'blood', ['9119', '1240', '2531']),
  t('CML', 'Chronic Myelogenous Leukemia', 'blood', ['8552', '1240', '2531']),
  t('CLL', 'Chronic Lymphocytic Leukemia/Small Lymphocytic Lymphoma', 'blood', [
    '1040',
    '1240',
    '2531',
  ]),
  t('MDS', 'Myelodysplastic Syndromes', 'blood', ['0050908', '2531']),
  t('PCM', 'Plasma Cell Myeloma', 'blood', ['9538', '0070004', '2531']),
  t('DLBCLNOS', 'Diffuse Large B-Cell Lymphoma, NOS', 'blood', ['0050745', '2531']),
  t('GIST', 'Gastrointestinal Stromal Tumor', 'soft_tissue', ['9253']),
  t('THPA', 'Papillary Thyroid Cancer', 'thyroid', ['3969', '3963', '1781']),
  t('THME', 'Medullary Thyroid Cancer', 'thyroid', ['3973', '3963', '1781']),
  t('HGSOC', 'High-Grade Serous Ovarian Cancer', 'ovary', ['0050933', '4001', '2152', '2394']),
  t('BLCA', 'Bladder Urothelial Carcinoma', 'bladder', ['4007', '2671']),
  t('STAD', 'Stomach Adenocarcinoma', 'stomach', ['3717', '5517', '10534']),
  t('UCEC', 'Uterine Endometrioid Carcinoma', 'uterus', ['1380', '2871']),
  t('CCRCC', 'Renal Clear Cell Carcinoma', 'kidney', ['4467', '4450']),
  t('HNSC', 'Head and Neck Squamous Cell Carcinoma', 'head_neck', ['5520', '11934']),
  t('NBL', 'Neuroblastoma', 'peripheral_nervous_system', ['769']),
  t('CHOL', 'Cholangiocarcinoma', 'biliary_tract', ['4947']),
  // The demo federation's Li-Fraumeni patients (issue 19); DOID:1115 sarcoma.
  t('SARCNOS', 'Sarcoma, NOS', 'soft_tissue', ['1115']),
];

const BY_CODE = new Map(TUMOUR_TYPES.map((x) => [x.code, x]));

/** The tumour type of an OncoTree code in the subset, or undefined. */
export const tumourType = (code: string): TumourType | undefined => BY_CODE.get(code);

export const TUMOUR_CODES = TUMOUR_TYPES.map((x) => x.code) as [string, ...string[]];

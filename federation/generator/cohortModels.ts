/**
 * Clinical models: which diagnoses and HPO phenotypes a patient of each cohort kind gets. `always`
 * terms are given to every patient of the model, `often` ones with probability 0.6, `sometimes` 0.25.
 */
import type { Sex } from '../reference';

export interface DiseaseModel {
  readonly diseases: readonly string[];
  readonly always: readonly string[];
  readonly often?: readonly string[];
  readonly sometimes?: readonly string[];
  /** Restrict carriers/patients to one sex (X-linked or sex-specific cancers). */
  readonly sex?: Exclude<Sex, 'unknown'>;
  /** Draw one of the optional terms when chance gave none (undiagnosed patients always have a phenotype). */
  readonly atLeastOne?: boolean;
  /** Mean birth year of patients with this model. */
  readonly born: number;
}

const SEIZURE = 'HP:0001250';
const DD = 'HP:0001263';
const ID = 'HP:0001249';

/** Models used by planted variants (keyed by PlantedVariant.model) and by random patients. */
export const MODELS: Readonly<Record<string, DiseaseModel>> = {
  'hboc-brca1': {
    diseases: ['ORPHA:145', 'OMIM:604370', 'ICD10:C50.9'],
    always: ['HP:0003002'],
    sometimes: ['HP:0100615'],
    sex: 'female',
    born: 1972,
  },
  'hboc-brca2': {
    diseases: ['ORPHA:145', 'OMIM:612555', 'ICD10:C50.9'],
    always: ['HP:0003002'],
    sometimes: ['HP:0100615', 'HP:0002894'],
    sex: 'female',
    born: 1968,
  },
  'lynch-mlh1': {
    diseases: ['ORPHA:144', 'OMIM:609310', 'ICD10:C18.9'],
    always: ['HP:0003003'],
    sometimes: ['HP:0012114', 'HP:0012126'],
    born: 1970,
  },
  lfs: {
    diseases: ['ORPHA:524', 'OMIM:151623', 'ICD10:C49.9'],
    always: ['HP:0100242'],
    often: ['HP:0003002'],
    sometimes: ['HP:0006744', 'HP:0030692'],
    born: 1990,
  },
  'breast-chek2': {
    diseases: ['OMIM:114480', 'ICD10:C50.9'],
    always: ['HP:0003002'],
    sex: 'female',
    born: 1966,
  },
  'melanoma-braf': { diseases: ['ICD10:C43.9'], always: ['HP:0012056'], born: 1962 },
  dravet: {
    diseases: ['ORPHA:33069', 'OMIM:607208', 'ICD10:G40.4'],
    always: ['HP:0002373', 'HP:0032794', DD],
    often: ['HP:0002069', 'HP:0002133'],
    sometimes: ['HP:0001251', ID],
    born: 2013,
  },
  'kcnq2-dee': {
    diseases: ['ORPHA:1934', 'OMIM:613720', 'ICD10:G40.4'],
    always: ['HP:0007359', 'HP:0002353', DD],
    often: ['HP:0001252'],
    sometimes: [ID],
    born: 2015,
  },
  cdkl5: {
    diseases: ['ORPHA:505652', 'OMIM:300672', 'ICD10:G40.4'],
    always: ['HP:0012469', 'HP:0011097', DD],
    often: ['HP:0001252', 'HP:0002360'],
    sometimes: ['HP:0002521', 'HP:0000252'],
    sex: 'female',
    born: 2016,
  },
  cf: {
    diseases: ['ORPHA:586', 'OMIM:219700', 'ICD10:E84.9'],
    always: ['HP:0012236', 'HP:0002205'],
    often: ['HP:0001738', 'HP:0002110'],
    sometimes: ['HP:0004401', 'HP:0001508'],
    born: 2008,
  },
  marfan: {
    diseases: ['ORPHA:558', 'OMIM:154700', 'ICD10:Q87.4'],
    always: ['HP:0001166', 'HP:0002616'],
    often: ['HP:0001083', 'HP:0000098'],
    sometimes: ['HP:0000767', 'HP:0002650'],
    born: 1995,
  },
  oi: {
    diseases: ['ORPHA:666', 'OMIM:166200', 'ICD10:Q78.0'],
    always: ['HP:0002757', 'HP:0000592'],
    often: ['HP:0000938'],
    sometimes: ['HP:0000365', 'HP:0000703', 'HP:0004322'],
    born: 2006,
  },
  // random patients (no planted explanation)
  'breast-ca': { diseases: ['ICD10:C50.9'], always: ['HP:0003002'], sex: 'female', born: 1964 },
  'ovarian-ca': { diseases: ['ICD10:C56'], always: ['HP:0100615'], sex: 'female', born: 1960 },
  'colon-ca': {
    diseases: ['ICD10:C18.9'],
    always: ['HP:0003003'],
    sometimes: ['HP:0200063'],
    born: 1958,
  },
  'endometrial-ca': {
    diseases: ['ICD10:C54.1'],
    always: ['HP:0012114'],
    sex: 'female',
    born: 1960,
  },
  'prostate-ca': { diseases: ['ICD10:C61'], always: ['HP:0012125'], sex: 'male', born: 1955 },
  'pancreas-ca': { diseases: ['ICD10:C25.9'], always: ['HP:0002894'], born: 1957 },
  'melanoma-ca': { diseases: ['ICD10:C43.9'], always: ['HP:0012056'], born: 1963 },
  'stomach-ca': { diseases: ['ICD10:C16.9'], always: ['HP:0012126'], born: 1955 },
  'focal-epilepsy': {
    diseases: ['ICD10:G40.1'],
    always: ['HP:0007359'],
    often: ['HP:0002353'],
    sometimes: ['HP:0002384', DD],
    born: 1995,
  },
  'generalised-epilepsy': {
    diseases: ['ICD10:G40.4'],
    always: ['HP:0002069'],
    often: ['HP:0002353'],
    sometimes: ['HP:0002121', 'HP:0032794', 'HP:0002373'],
    born: 2000,
  },
  'epilepsy-nos': {
    diseases: ['ICD10:G40.9'],
    always: [SEIZURE],
    sometimes: [ID, 'HP:0000717', 'HP:0010819', 'HP:0002376'],
    born: 1998,
  },
  dmd: {
    diseases: ['ORPHA:98896', 'OMIM:310200', 'ICD10:G71.0'],
    always: ['HP:0001324', 'HP:0003236'],
    often: ['HP:0003707', 'HP:0003391'],
    sex: 'male',
    born: 2012,
  },
  sma: {
    diseases: ['ORPHA:70', 'OMIM:253300', 'ICD10:G12.0'],
    always: ['HP:0001252', 'HP:0001324'],
    often: ['HP:0001284', 'HP:0001308'],
    born: 2018,
  },
  pku: {
    diseases: ['ORPHA:716', 'OMIM:261600', 'ICD10:E70.0'],
    always: ['HP:0004923'],
    sometimes: [ID, 'HP:0000964', SEIZURE],
    born: 2004,
  },
  undiagnosed: {
    diseases: [],
    always: [],
    atLeastOne: true,
    often: [DD, 'HP:0001252'],
    sometimes: [ID, 'HP:0004322', 'HP:0001631', 'HP:0000252', 'HP:0001251', 'HP:0001508', SEIZURE],
    born: 2011,
  },
  healthy: { diseases: [], always: [], born: 1975 },
};

/** Random (unexplained) patient models per cohort kind with relative weights. */
export const RANDOM_MODELS: Readonly<
  Record<'cancer' | 'neuro' | 'rare-disease' | 'population', readonly (readonly [string, number])[]>
> = {
  cancer: [
    ['breast-ca', 45],
    ['ovarian-ca', 8],
    ['colon-ca', 16],
    ['endometrial-ca', 5],
    ['prostate-ca', 10],
    ['pancreas-ca', 5],
    ['melanoma-ca', 6],
    ['stomach-ca', 5],
  ],
  neuro: [
    ['focal-epilepsy', 40],
    ['generalised-epilepsy', 30],
    ['epilepsy-nos', 30],
  ],
  'rare-disease': [
    ['undiagnosed', 62],
    ['dmd', 12],
    ['sma', 10],
    ['pku', 16],
  ],
  population: [['healthy', 1]],
};

/** Common conditions anyone may have (each with its own probability). */
export const BACKGROUND_PHENOTYPES: readonly (readonly [string, number])[] = [
  ['HP:0000822', 0.06],
  ['HP:0002099', 0.05],
  ['HP:0001513', 0.05],
  ['HP:0000545', 0.04],
  ['HP:0002076', 0.04],
  ['HP:0000821', 0.02],
];

import { describe, expect, it } from 'vitest';
import type { DatasetDeclaration } from './declaration';
import { datasetUse } from './enrichment';
import type { FederatedAnswer } from './sheet';
import type { SuggestInput } from './suggest';
import { suggestCriteria } from './suggest';
import { bs1Threshold } from './bs1';

// Issue 18 (decision 0051): BA1/BS1/PM2 only from datasets not enriched for the case's disease,
// judged by what each dataset declares. Hand-made datasets; every frequency computed by hand.

const BRCA1_KEY = '17-43057062-T-TG';
const AT = '2026-12-06T10:00:00.000Z';
const CANCER: DatasetDeclaration = {
  title: 'Italian hereditary cancer cohort',
  description: 'Italian hereditary cancer cohort (cancer), Italian Genome Data Node.',
  kind: 'cancer',
  duo: [{ id: 'DUO:0000043', label: 'clinical care use' }],
};
const POPULATION: DatasetDeclaration = { title: 'Spanish population reference (aggregate)' };
const EPILEPSY: DatasetDeclaration = { title: 'Finnish epilepsy cohort', kind: 'neuro' };
const MIXED: DatasetDeclaration = {
  title: 'Italian undiagnosed disease cohort',
  kind: 'rare-disease',
};
const BREAST = { gene: 'BRCA1', phenotypes: ['HP:0003002'] };
const HBOC = { id: 'OMIM:604370', label: 'Breast-ovarian cancer, familial, susceptibility to, 1' };

const answer = (over: Partial<FederatedAnswer>): FederatedAnswer => ({
  variantKey: BRCA1_KEY,
  node: 'Italian node (IT)',
  dataset: 'IT-CA-01',
  granularity: 'count',
  exists: true,
  count: 6,
  individuals: { min: 500, max: 500 },
  at: AT,
  declared: CANCER,
  ...over,
});
// The AD threshold a BRCA1 diagnosis gives under the defaults: 1/2000 × 1 × 1 / 0.5 / 2 = 0.05 %.
const ad = bs1Threshold({ disease: HBOC, modes: ['AD'], pm2: 0.0001, ba1: 0.05 });
const input = (federation: FederatedAnswer[], over: Partial<SuggestInput> = {}): SuggestInput => ({
  variant: {
    variant_key: BRCA1_KEY,
    gene: 'BRCA1',
    consequence: 'frameshift_variant',
    pop_af: null,
    modes: [],
  },
  frequencyFields: [],
  transPathogenic: [],
  federation,
  patient: { phenotypes: ['HP:0003002'], diagnosis: HBOC },
  thresholds: { ba1: 0.05, bs1: ad.bs1, pm2: 0.0001, bs1Why: ad.why },
  ...over,
});
const codes = (i: SuggestInput) => suggestCriteria(i).criteria.map((c) => c.code);

describe('issue 18: which datasets may give BA1/BS1/PM2 a frequency', () => {
  it('issue 18: a hereditary cancer cohort is enriched for a cancer-predisposition gene, whatever the phenotype', () => {
    const u = datasetUse(CANCER, { gene: 'BRCA1', phenotypes: [] });
    expect(u).toMatchObject({ use: false, enriched: true });
    expect(u.why).toContain('Italian hereditary cancer cohort: enriched for BRCA1 carriers');
    // A cardiomyopathy gene is not enriched there: the cancer cohort is an unrelated disease.
    expect(datasetUse(CANCER, { gene: 'MYH7', phenotypes: ['HP:0001639'] }).use).toBe(true);
    // ... unless the patient has a neoplasm (HP:0003002 Breast carcinoma is within HP:0002664).
    const t = datasetUse(CANCER, { gene: 'MYH7', phenotypes: ['HP:0003002'] });
    expect(t).toMatchObject({ use: false, enriched: true });
    expect(t.why).toContain('Breast carcinoma (HP:0003002) is within Neoplasm (HP:0002664)');
  });

  it('issue 18: a cohort of the matching phenotype is enriched; an unrelated one is a control; a mixed or silent one is set aside', () => {
    const scn1a = { gene: 'SCN1A', phenotypes: ['HP:0011097'] }; // Epileptic spasm
    expect(datasetUse(EPILEPSY, scn1a)).toMatchObject({ use: false, enriched: true });
    expect(datasetUse(EPILEPSY, BREAST)).toMatchObject({ use: true, enriched: false });
    const dravet = {
      id: 'OMIM:607208',
      label: 'Dravet syndrome (severe myoclonic epilepsy of infancy)',
    };
    expect(
      datasetUse(EPILEPSY, { gene: 'SCN1A', phenotypes: [], diagnosis: dravet }),
    ).toMatchObject({ use: false, enriched: true });
    expect(datasetUse(MIXED, BREAST)).toMatchObject({ use: false, enriched: false });
    expect(datasetUse(MIXED, BREAST).why).toContain('mixed phenotypes');
    expect(datasetUse(POPULATION, BREAST)).toMatchObject({ use: true });
    expect(datasetUse({ title: 'Cohort 7' }, BREAST)).toMatchObject({
      use: false,
      enriched: false,
    });
    expect(datasetUse(undefined, BREAST).why).toContain('/datasets was not read');
  });

  it('issue 18: a DUO disease-specific restriction declares the focus (HPO), or sets the dataset aside when its ontology cannot be compared', () => {
    const ds = (id: string, label: string): DatasetDeclaration => ({
      title: 'Cohort 7',
      duo: [{ id: 'DUO:0000007', label: 'disease specific research', modifiers: [{ id, label }] }],
    });
    expect(datasetUse(ds('HP:0002664', 'Neoplasm'), BREAST)).toMatchObject({
      use: false,
      enriched: true,
    });
    expect(datasetUse(ds('HP:0002664', 'Neoplasm'), { gene: 'MYH7', phenotypes: [] }).use).toBe(
      true,
    );
    const mondo = datasetUse(ds('MONDO:0007254', 'breast cancer'), {
      gene: 'MYH7',
      phenotypes: [],
    });
    expect(mondo).toMatchObject({ use: false, enriched: false });
    expect(mondo.why).toContain('MONDO:0007254');
  });
});

describe('issue 18: BA1/BS1/PM2 from the datasets not enriched for the diagnosis', () => {
  it('issue 18: BRCA1 at ≥ 0.6 % in a hereditary cancer cohort does not give BS1 at the AD threshold (0.05 %); the sheet names the cohort, its frequency and why', () => {
    // 6 of 500: at least 6/1,000 = 0.6 %, far above 0.05 %: BS1 before decision 0051.
    const s = suggestCriteria(input([answer({})]));
    expect(s.criteria.map((c) => c.code)).not.toContain('BS1');
    expect(s.criteria.map((c) => c.code)).not.toContain('BA1');
    const aside = s.notes.find((n) => n.code === 'BS1')?.text ?? '';
    expect(aside).toContain('Not used for BA1/BS1/PM2');
    expect(aside).toContain('IT-CA-01 at Italian node (IT) (count): 6 of 500 individuals');
    expect(aside).toContain('allele frequency 0.0060 to 0.012');
    expect(aside).toContain('enriched for BRCA1 carriers');
    // Carriers in a cohort enriched for the disease: PS4's question, never suggested.
    expect(s.criteria.map((c) => c.code)).not.toContain('PS4');
    expect(s.notes.find((n) => n.code === 'PS4')?.text).toContain('odds ratio above 5');
    // The cohort is not "absence from controls" either: PM2 stays, from what is usable.
    expect(codes(input([answer({})]))).toContain('PM2');
  });

  it('issue 18: a population reference at 2 of 300 (at least 1/300 = 0.33 %) gives BS1 at 0.05 %, the cancer cohort beside it only a note', () => {
    const pop = answer({
      node: 'Spanish node (ES)',
      dataset: 'ES-AF-01',
      count: 2,
      individuals: { min: 300, max: 300 },
      declared: POPULATION,
    });
    const s = suggestCriteria(input([answer({}), pop]));
    const bs1 = s.criteria.find((c) => c.code === 'BS1');
    expect(bs1?.reason).toContain('0.33 %');
    expect(bs1?.source).toContain('ES-AF-01 at Spanish node (ES)');
    expect(bs1?.source).not.toContain('IT-CA-01');
    expect(s.notes.find((n) => n.code === 'BS1')?.text).toContain('IT-CA-01');
  });

  it('issue 18: the local cache follows the same rule: a cached cancer cohort at 10 of 100 is set aside, a cached population reference counts', () => {
    const cancer = { datasetId: 'SE-CA-01', carriers: 10, individuals: 100, declared: CANCER };
    const s = suggestCriteria(input([], { cache: [cancer] }));
    expect(s.criteria.map((c) => c.code)).not.toContain('BS1');
    expect(s.notes.find((n) => n.code === 'BS1')?.text).toContain(
      'SE-CA-01 (local cache): 10 carriers of 100 individuals, allele frequency 0.050 to 0.10',
    );
    const pop = { datasetId: 'ES-AF-01', carriers: 2, individuals: 100, declared: POPULATION };
    // 2 of 100: at least 2/200 = 1 % ≥ 0.05 %.
    const withPop = suggestCriteria(input([], { cache: [cancer, pop] }));
    expect(withPop.criteria.find((c) => c.code === 'BS1')?.source).toContain(
      'local cache (ES-AF-01: 2 of 100)',
    );
  });
});

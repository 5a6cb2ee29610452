import { describe, expect, it } from 'vitest';
import type { CohortVariantRow } from './exportFormats';
import { toExportRow } from './exportFormats';
import { acmgClass, byIndividual, toCohortMessage, toPhenopacket } from './phenopacket';

const base: CohortVariantRow = {
  dataset_id: 'FI-RD-01',
  node_id: 'FI',
  individual_id: 'I1',
  sex: 'male',
  age_band: '1970-1979',
  country: 'FI',
  diseases: ['ICD10:G40.9', 'MONDO:0005027'],
  phenotypes: ['HP:0001250'],
  variant_key: '2-165991234-C-T',
  chrom: '2',
  pos: 165991234,
  ref: 'C',
  alt: 'T',
  gene: 'SCN1A',
  consequence: 'missense_variant',
  hgvs_c: 'NM_001165963.4:c.2836C>T',
  hgvs_p: null,
  clin_sig: 'likely_pathogenic',
  af: 0.00002,
  zygosity: 'het',
};
const origin = { createdBy: 'Cohort Desk', created: '2026-11-27T10:00:00Z' };
type Packet = {
  diseases: { term: { id: string; label: string } }[];
  phenotypicFeatures: { type: { label: string } }[];
  interpretations: {
    summary: string;
    diagnosis?: {
      disease: { id: string; label: string };
      genomicInterpretations: {
        subjectOrBiosampleId: string;
        variantInterpretation: {
          acmgPathogenicityClassification: string;
          variationDescriptor: {
            vcfRecord: Record<string, string>;
            allelicState: { id: string; label: string };
          };
        };
      }[];
    };
  }[];
  metaData: { resources: { namespacePrefix: string }[] };
};

describe('Phenopacket v2 export (issue 13)', () => {
  it('issue 13: diseases carry their labels from the app tables; a code without one says so', () => {
    const p = toPhenopacket([toExportRow(base)], origin) as unknown as Packet;
    expect(p.diseases.map((d) => d.term)).toEqual([
      { id: 'ICD10:G40.9', label: 'Epilepsy, unspecified' },
      { id: 'MONDO:0005027', label: 'MONDO:0005027 (label unknown to Cohort Desk)' },
    ]);
    expect(p.phenotypicFeatures[0]?.type.label).toBe('Seizure');
    expect(p.metaData.resources.map((r) => r.namespacePrefix)).toEqual([
      'GENO',
      'HP',
      'ICD10',
      'MONDO',
    ]);
  });

  it('issue 13: matching variants are genomic interpretations with zygosity and GRCh38 coordinates', () => {
    const rows = [
      base,
      { ...base, variant_key: '2-165991300-G-A', pos: 165991300, zygosity: 'hom' },
    ];
    const p = toPhenopacket(rows.map(toExportRow), origin) as unknown as Packet;
    const diagnosis = p.interpretations[0]?.diagnosis;
    expect(diagnosis?.disease).toEqual({ id: 'ICD10:G40.9', label: 'Epilepsy, unspecified' });
    const gis = diagnosis?.genomicInterpretations ?? [];
    expect(gis.map((g) => g.variantInterpretation.variationDescriptor.allelicState.label)).toEqual([
      'heterozygous',
      'homozygous',
    ]);
    const first = gis[0]?.variantInterpretation;
    expect(first?.acmgPathogenicityClassification).toBe('LIKELY_PATHOGENIC');
    expect(first?.variationDescriptor.vcfRecord).toEqual({
      genomeAssembly: 'GRCh38',
      chrom: '2',
      pos: '165991234',
      ref: 'C',
      alt: 'T',
    });
    expect(gis[0]?.subjectOrBiosampleId).toBe('I1');
  });

  it('without a recorded disease the variants are named in the interpretation summary', () => {
    const p = toPhenopacket([toExportRow({ ...base, diseases: [] })], origin) as unknown as Packet;
    expect(p.interpretations[0]?.diagnosis).toBeUndefined();
    expect(p.interpretations[0]?.summary).toContain('2-165991234-C-T (SCN1A), heterozygous');
  });

  it('groups rows per individual; a Cohort needs members', () => {
    const rows = [base, { ...base, individual_id: 'I2' }, { ...base, individual_id: 'I2' }];
    expect(byIndividual(rows.map(toExportRow)).map((g) => g.length)).toEqual([1, 2]);
    const info = { ...origin, id: 'c', summary: 's', notes: [], datasets: [] };
    expect(toCohortMessage([], info)).toBeNull();
    expect(acmgClass('Uncertain significance')).toBe('UNCERTAIN_SIGNIFICANCE');
    expect(acmgClass(null)).toBe('NOT_PROVIDED');
  });
});

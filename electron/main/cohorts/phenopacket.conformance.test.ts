import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CohortVariantRow } from '../../../shared/cohorts/exportFormats';
import { NO_VARIANT, toExportRow } from '../../../shared/cohorts/exportFormats';
import { toCohortMessage, toPhenopacket } from '../../../shared/cohorts/phenopacket';
import { PHENOPACKET_SPECS, phenopacketValidator } from './testing/phenopacketSchemas';

// Issues 6 and 13: exports validate against the official Phenopacket v2 schemas in ../shared.
function validator(schema: 'phenopacket-schema.json' | 'cohort-schema.json') {
  const validate = phenopacketValidator(schema);
  if (validate === undefined) throw new Error(`${PHENOPACKET_SPECS} is missing`);
  return validate;
}

const person = {
  dataset_id: 'FI-RD-01',
  node_id: 'FI',
  individual_id: 'FI-RD-01-0001',
  sex: 'female',
  age_band: '1980-1989',
  country: 'FI',
  diseases: ['ORPHA:586', 'ICD10:E84.9'],
  phenotypes: ['HP:0001250', 'HP:0002104'],
};
const variant = {
  variant_key: '7-117559590-ATCT-A',
  chrom: '7',
  pos: 117559590,
  ref: 'ATCT',
  alt: 'A',
  gene: 'CFTR',
  consequence: 'inframe_deletion',
  hgvs_c: 'NM_000492.4:c.1521_1523del',
  hgvs_p: 'NP_000483.3:p.Phe508del',
  clin_sig: 'pathogenic',
  af: 0.01,
  zygosity: 'hom',
};
const rows: CohortVariantRow[] = [
  { ...person, ...variant },
  { ...person, ...variant, variant_key: '7-117548628-C-T', pos: 117548628, ref: 'C', alt: 'T' },
  // No disease recorded, unknown sex, a disease code without a label, a heterozygous carrier.
  {
    ...person,
    ...variant,
    dataset_id: 'SE-CA-01',
    node_id: 'SE',
    individual_id: 'SE-CA-01-0042',
    sex: 'unknown',
    age_band: null,
    diseases: [],
    phenotypes: [],
    zygosity: 'het',
    hgvs_c: null,
    hgvs_p: null,
    clin_sig: null,
  },
  { ...person, ...NO_VARIANT, individual_id: 'FI-RD-01-0002', diseases: ['MONDO:0009061'] },
];
const exportRows = rows.map(toExportRow);
const origin = { createdBy: 'Cohort Desk test', created: '2026-11-26T10:00:00Z' };

describe.skipIf(!existsSync(PHENOPACKET_SPECS))(
  'Phenopacket v2 export conformance (issues 6, 13)',
  () => {
    it('issue 13: the export is a standard Cohort message; it and every member validate, notes in its metadata', () => {
      const message = toCohortMessage(exportRows, {
        ...origin,
        id: 'cohort-2026-11-26T10-00-00-000Z',
        summary: 'Cohort Desk export: genotype gene CFTR.',
        notes: ['SE-CA-01: pulled for clinical care; DUO:0000042 allows research only'],
        datasets: [
          { datasetId: 'FI-RD-01', note: 'included' },
          { datasetId: 'IT-CA-01', note: 'left out: pulled for clinical care' },
        ],
      });
      expect(message).not.toBeNull();
      const cohort = validator('cohort-schema.json');
      expect(cohort(message), JSON.stringify(cohort.errors)).toBe(true);
      expect(Object.keys(message ?? {})).not.toContain('note');
      expect(message?.description).toContain('DUO:0000042 allows research only');
      const packet = validator('phenopacket-schema.json');
      const members = message?.members as Record<string, unknown>[];
      expect(members.map((m) => m.id)).toEqual([
        'FI-RD-01:FI-RD-01-0001',
        'SE-CA-01:SE-CA-01-0042',
        'FI-RD-01:FI-RD-01-0002',
      ]);
      for (const m of members) expect(packet(m), JSON.stringify(packet.errors)).toBe(true);
    });

    it('the validator is not vacuous: a packet without metaData or with a bad sex fails', () => {
      const validate = validator('phenopacket-schema.json');
      const packet = toPhenopacket(exportRows.slice(0, 2), origin);
      expect(validate(packet)).toBe(true);
      delete packet.metaData;
      expect(validate(packet)).toBe(false);
      // Referenced schemas are really applied: an unknown sex in the subject (individual.json) fails.
      const badSex = toPhenopacket(exportRows.slice(0, 2), origin);
      badSex.subject = { id: 'x', sex: 'WOMAN' };
      expect(validate(badSex)).toBe(false);
      // ...and so are the interpretation's: a gene and a variant in one genomic interpretation fail.
      const both = toPhenopacket(exportRows.slice(0, 2), origin) as {
        interpretations: { diagnosis: { genomicInterpretations: Record<string, unknown>[] } }[];
      };
      const gi = both.interpretations[0]?.diagnosis.genomicInterpretations[0];
      if (gi !== undefined) gi.gene = { valueId: 'HGNC:1884', symbol: 'CFTR' };
      expect(validate(both)).toBe(false);
    });
  },
);

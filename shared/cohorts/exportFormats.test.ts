import { describe, expect, it } from 'vitest';
import { toCsv, toPhenopacket } from './exportFormats';

const row = {
  dataset_id: 'FI-RD-01',
  node_id: 'FI',
  individual_id: 'I1',
  sex: 'female',
  age_band: null,
  country: 'FI',
  diseases: ['ORPHA:145'],
  phenotypes: ['HP:0000098', 'HP:0000252'],
};

describe('cohort export formats', () => {
  it('CSV puts provenance first, quotes cells and defuses formulas', () => {
    const csv = toCsv([row, { ...row, individual_id: '=HYPERLINK("x")' }]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'dataset_id,node_id,individual_id,sex,age_band,country,diseases,phenotypes',
    );
    expect(lines[1]).toBe(
      '"FI-RD-01","FI","I1","female","","FI","ORPHA:145","HP:0000098;HP:0000252"',
    );
    expect(lines[2]).toContain('"\'=HYPERLINK(""x"")"');
  });
  it('Phenopacket v2 carries subject, features with labels and provenance', () => {
    const p = toPhenopacket(row, 'Cohort Desk', '2026-01-01T00:00:00Z') as {
      subject: { sex: string };
      phenotypicFeatures: { type: { label: string } }[];
      metaData: { phenopacketSchemaVersion: string; externalReferences: { id: string }[] };
    };
    expect(p.subject.sex).toBe('FEMALE');
    expect(p.phenotypicFeatures[0]?.type.label).toBe('Tall stature');
    expect(p.metaData.phenopacketSchemaVersion).toBe('2.0');
    expect(p.metaData.externalReferences[0]?.id).toBe('FI-RD-01');
  });
});

import { describe, expect, it } from 'vitest';
import { phenotypeOfPhenopacket } from './phenopacketTerms';

describe('issue 17: phenotype of a phenopacket', () => {
  it('splits observed and excluded features and reads the sex', () => {
    const p = phenotypeOfPhenopacket({
      id: 'case-1',
      subject: { id: 'case-1', sex: 'FEMALE' },
      phenotypicFeatures: [
        { type: { id: 'HP:0001250', label: 'Seizure' } },
        { type: { id: 'HP:0000252', label: 'Microcephaly' }, excluded: true },
        { type: { id: 'HP:0001263', label: 'Global developmental delay' }, excluded: false },
      ],
    });
    expect(p).toEqual({
      observed: ['HP:0001250', 'HP:0001263'],
      excluded: ['HP:0000252'],
      sex: 'female',
    });
    expect(phenotypeOfPhenopacket({}).sex).toBe('unknown');
  });

  it('refuses a feature without a term id, naming the field', () => {
    expect(() => phenotypeOfPhenopacket({ phenotypicFeatures: [{ type: {} }] })).toThrow(
      /phenotypicFeatures/,
    );
  });
});

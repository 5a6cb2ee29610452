import { describe, expect, it } from 'vitest';
import { tinyCorpus } from './testing/tinyCorpus';

const c = tinyCorpus();
const t = (id: string): number => c.ontology.indexOf(id) ?? -1;

describe('issue 17: the annotation corpus', () => {
  it('propagates annotations to ancestors with the highest frequency below', () => {
    // Seizure is implied by OMIM:1 (Focal seizure 50%) and OMIM:3 (Absence, unknown -> 1).
    const seizure = c.postings[t('HP:0000011')]!;
    expect([...seizure.diseases]).toEqual([0, 2]);
    expect([...seizure.frequencies]).toEqual([0.5, 1]);
    // Excluded-term frequencies count an unknown frequency as 0.5.
    expect([...seizure.excludedFrequencies]).toEqual([0.5, 0.5]);
  });

  it('computes information content as -ln(share of diseases)', () => {
    expect(c.ic[t('HP:0000012')]).toBeCloseTo(Math.log(3), 6); // 1 of 3 diseases
    expect(c.ic[t('HP:0000011')]).toBeCloseTo(Math.log(3 / 2), 6); // 2 of 3
    expect(c.ic[t('HP:0000118')]).toBeCloseTo(0, 6);
  });

  it('computes the background as the mean frequency over diseases', () => {
    expect(c.background[t('HP:0000012')]).toBeCloseTo(0.5 / 3, 6);
    expect(c.background[t('HP:0000021')]).toBeCloseTo((1 + 0.8) / 3, 6);
    expect(c.background[t('HP:0000020')]).toBeCloseTo(2 / 3, 6);
    // No disease has it: half a disease's worth, so it is never impossible.
    expect(c.background[t('HP:0000005')]).toBeCloseTo(0.5 / 3, 6);
  });

  it('links genes and diseases and finds genes by symbol or alias', () => {
    expect(c.geneIndex('genea')).toBe(0);
    expect(c.geneIndex('OLDB')).toBe(1);
    expect([...c.genes[2]!.diseases]).toEqual([2]);
    expect([...c.excludedBy[t('HP:0000021')]!]).toEqual([2]);
  });

  it('resolves old ids to their current term', () => {
    expect(c.ontology.indexOf('HP:0000099')).toBe(t('HP:0000022'));
    expect(c.ontology.indexOf('HP:1234567')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { resolveTerms } from './patientTerms';
import { tinyCorpus } from './testing/tinyCorpus';

const o = tinyCorpus().ontology;
const ids = (xs: Int32Array) => [...xs].map((t) => o.ids[t]);

describe('issue 17: patient terms', () => {
  it('keeps the most specific observed terms and resolves old ids', () => {
    const p = resolveTerms(o, ['HP:0000011', 'HP:0000012', 'HP:0000099'], []);
    expect(ids(p.observed)).toEqual(['HP:0000012', 'HP:0000022']);
  });

  it('drops contradictions and names unknown ids', () => {
    const p = resolveTerms(
      o,
      ['HP:0000012', 'HP:0000021', 'HP:7777777'],
      ['HP:0000021', 'HP:0000011', 'HP:0000013'],
    );
    // Cataract is both: left out. "No seizure" with a focal seizure observed: the observation wins.
    expect(ids(p.observed)).toEqual(['HP:0000012']);
    expect(ids(p.excluded)).toEqual(['HP:0000013']);
    expect(p.unknown).toEqual(['HP:7777777']);
  });
});

import { describe, expect, it } from 'vitest';
import { referenceCorpus } from '../ranking/reference';
import { informativeTerms, phenotypeSimilarity, termOf } from './similarity';

const corpus = referenceCorpus();

describe('issue 18: phenotype similarity for patients like mine', () => {
  it('issue 18: orders the patient’s terms most informative first, keeping only the most specific', () => {
    // Seizure (general) is implied by Febrile seizure, so only the specific one is offered.
    const { terms, unknown } = informativeTerms(corpus, [
      'HP:0001250',
      'HP:0002373',
      'HP:0001263',
      'HP:9999999',
    ]);
    expect(unknown).toEqual(['HP:9999999']);
    expect(terms.map((t) => t.id).sort()).toEqual(['HP:0001263', 'HP:0002373']);
    expect(terms[0]!.ic).toBeGreaterThanOrEqual(terms[1]!.ic);
    expect(terms.every((t) => t.label !== '')).toBe(true);
  });

  it('issue 18: reads node phenotypes given as ids or labels', () => {
    const seizure = termOf(corpus.ontology, 'HP:0001250');
    expect(seizure).toBeDefined();
    expect(termOf(corpus.ontology, corpus.ontology.labels[seizure!]!.toUpperCase())).toBe(seizure);
    expect(termOf(corpus.ontology, 'not a phenotype')).toBeUndefined();
  });

  it('issue 18: the same phenotype scores highest, a related one higher than an unrelated one, nothing shared 0', () => {
    const patient = ['HP:0002373', 'HP:0001263'];
    const same = phenotypeSimilarity(corpus, patient, patient);
    const related = phenotypeSimilarity(corpus, patient, ['HP:0001250']);
    const unrelated = phenotypeSimilarity(corpus, patient, ['HP:0003002']);
    expect(same).toBeGreaterThan(related);
    expect(related).toBeGreaterThan(unrelated);
    expect(phenotypeSimilarity(corpus, patient, [])).toBe(0);
    // Symmetric: the same score from either side.
    expect(phenotypeSimilarity(corpus, ['HP:0001250'], patient)).toBe(related);
  });
});

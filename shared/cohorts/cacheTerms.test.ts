import { afterEach, describe, expect, it } from 'vitest';
import { CohortFiltersSchema } from './definition';
import { keepCacheTerms, noteCacheTerms, resetCacheTerms } from './cacheTerms';
import { withDescendants } from './hpo';
import { cohortWhere } from './viewSql';

afterEach(resetCacheTerms);

describe('descendant expansion kept to the terms the cache carries', () => {
  it('without noted terms nothing is pruned (native tests, before any load)', () => {
    expect(keepCacheTerms('HP:0000152', withDescendants('HP:0000152'))).toEqual(
      withDescendants('HP:0000152'),
    );
  });
  it('keeps the term itself and the noted descendants only; notes only add', () => {
    noteCacheTerms(['HP:0000157', 'HP:0001250']);
    noteCacheTerms(['HP:0000164']);
    const w = cohortWhere(
      CohortFiltersSchema.parse({ phenotypes: [{ id: 'HP:0000152', includeDescendants: true }] }),
    );
    // HP:0001250 (Seizure) is in the cache but is not a descendant of head or neck.
    expect(w.params).toEqual(['HP:0000152', 'HP:0000157', 'HP:0000164']);
  });
});

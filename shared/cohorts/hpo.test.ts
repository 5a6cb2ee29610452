import { describe, expect, it } from 'vitest';
import { hpoLabel, hpoSearch, hpoSize, hpoVersion, withDescendants } from './hpo';

describe('HPO table (every current term of hp.json 2024-08-13)', () => {
  it('holds the whole ontology, not a demo subset', () => {
    expect(hpoSize()).toBeGreaterThan(18_000);
    expect(hpoVersion()).toBe('2024-08-13');
    expect(hpoLabel('HP:0000098')).toBe('Tall stature');
    expect(hpoLabel('HP:0001250')).toBe('Seizure');
    expect(hpoLabel('HP:9999999')).toBeUndefined();
  });
  it('descendants include the term, children and grandchildren, sorted and unique', () => {
    const d = withDescendants('HP:0001250'); // Seizure
    expect(d).toContain('HP:0001250');
    expect(d).toContain('HP:0002069'); // Bilateral tonic-clonic seizure, via Generalized-onset seizure
    expect(d.length).toBeGreaterThan(50);
    expect([...new Set(d)].sort()).toEqual(d);
    expect(withDescendants('HP:0000001')).toHaveLength(hpoSize());
  });
  it('a term outside the table matches only itself', () => {
    expect(withDescendants('HP:9999999')).toEqual(['HP:9999999']);
  });
  it('searches by id, label words and exact synonyms, best match first', () => {
    expect(hpoSearch('HP:0001250').map((h) => h.term.label)).toEqual(['Seizure']);
    expect(hpoSearch('0001250')[0]?.term.id).toBe('HP:0001250');
    expect(hpoSearch('seizure')[0]?.term.id).toBe('HP:0001250');
    const tonic = hpoSearch('bilat tonic clon');
    expect(tonic.map((h) => h.term.id)).toContain('HP:0002069');
    // "Epileptic seizure" is an exact synonym of Seizure: the hit says which synonym matched.
    const viaSyn = hpoSearch('epileptic seizure').find((h) => h.term.id === 'HP:0001250');
    expect(viaSyn?.via?.toLowerCase()).toContain('epileptic');
    expect(hpoSearch('seiz', 5)).toHaveLength(5);
    expect(hpoSearch('   ')).toEqual([]);
    expect(hpoSearch('zzzxqq')).toEqual([]);
  });
});

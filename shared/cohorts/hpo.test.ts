import { describe, expect, it } from 'vitest';
import { hpoLabel, hpoVersion, withDescendants } from './hpo';
import { HPO_ROWS } from './hpo.data';

describe('HPO descendants (compact table, hp.json 2024-08-13)', () => {
  it('includes the term itself and every is_a descendant', () => {
    const d = withDescendants('HP:0000118');
    expect(d).toContain('HP:0000118');
    // every term but the root sits under Phenotypic abnormality or another top branch
    const child = HPO_ROWS.find(([, , parents]) => parents.includes('HP:0000118'));
    expect(d).toContain(child?.[0]);
    expect(withDescendants('HP:0000001')).toHaveLength(HPO_ROWS.length);
  });
  it('reaches grandchildren and stays sorted and unique', () => {
    const d = withDescendants('HP:0000152');
    expect(d).toContain('HP:0000157'); // tongue <- mouth <- head or neck (via intermediate terms)
    expect([...new Set(d)].sort()).toEqual(d);
  });
  it('a term outside the table matches only itself', () => {
    expect(withDescendants('HP:9999999')).toEqual(['HP:9999999']);
  });
  it('knows labels and the release', () => {
    expect(hpoLabel('HP:0000098')).toBe('Tall stature');
    expect(hpoVersion()).toBe('2024-08-13');
  });
});

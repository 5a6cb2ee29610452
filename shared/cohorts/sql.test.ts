import { describe, expect, it } from 'vitest';
import { CohortFiltersSchema } from './definition';
import {
  cohortByPhenotypeSql,
  cohortCountSql,
  cohortFrom,
  cohortRowsSql,
  cohortWhere,
} from './sql';
import { withDescendants } from './hpo';

const f = (input: object) => CohortFiltersSchema.parse(input);

describe('cohort SQL building', () => {
  it('an empty cohort selects everyone', () => {
    expect(cohortWhere(f({}))).toEqual({ sql: 'TRUE', params: [] });
  });
  it('binds every value as a parameter, never splicing user text', () => {
    const evil = "ZZ' OR 1=1 --";
    const w = cohortFrom(f({ genotype: { gene: evil } }));
    expect(w.sql).not.toContain(evil);
    expect(w.params).toEqual([evil]);
  });
  it('expands descendants only when asked', () => {
    const withD = cohortWhere(f({ phenotypes: [{ id: 'HP:0000152' }] }));
    expect(withD.params).toEqual(withDescendants('HP:0000152'));
    const without = cohortWhere(
      f({ phenotypes: [{ id: 'HP:0000152', includeDescendants: false }] }),
    );
    expect(without.params).toEqual(['HP:0000152']);
    expect(without.sql).toBe('(list_has_any(i.phenotypes, [?]::VARCHAR[]))');
  });
  it('ANDs parts, ORs values, and honours phenotype match any/all', () => {
    const w = cohortFrom(
      f({
        phenotypes: [
          { id: 'HP:0000098', includeDescendants: false },
          { id: 'HP:0000252', includeDescendants: false },
        ],
        phenotypeMatch: 'any',
        sexes: ['female'],
        countries: ['FI', 'SE'],
        genotype: { gene: 'BRCA1', consequence: 'stop_gained', maxAf: 0.01 },
      }),
    );
    expect(w.sql).toContain(' OR ');
    expect(w.sql).toContain('i.country IN (?, ?)');
    expect(w.sql).toContain('JOIN (SELECT DISTINCT g.dataset_id, g.individual_id FROM genotypes g');
    expect(w.params).toEqual([
      'BRCA1',
      'stop_gained',
      0.01,
      'HP:0000098',
      'HP:0000252',
      'female',
      'FI',
      'SE',
    ]);
    expect((w.sql.match(/\?/g) ?? []).length).toBe(w.params.length);
  });
  it('validates limits instead of splicing arbitrary numbers', () => {
    expect(() => cohortRowsSql(f({}), 0)).toThrow(RangeError);
    expect(() => cohortByPhenotypeSql(f({}), 1.5)).toThrow(RangeError);
    expect(cohortCountSql(f({})).sql).toBe(
      'SELECT count(*)::INTEGER AS n FROM individuals i WHERE TRUE',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { CohortFiltersSchema } from './definition';
import {
  cohortByColumnSql,
  cohortByPhenotypeSql,
  cohortCountSql,
  cohortRowsSql,
  cohortVariantsSql,
} from './sql';
import { cohortFrom, cohortWhere } from './viewSql';
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
    expect(cohortCountSql(f({}), []).sql).toBe(
      'SELECT coalesce(sum(n), 0)::INTEGER AS n FROM (SELECT 0 AS n WHERE FALSE) x',
    );
  });
});

describe('issue 20: statements over the query layout', () => {
  const one = [{ id: 'FI-RD-01', individuals: 10 }];
  it('binds values, escapes dataset ids into names and writes only integer bounds', () => {
    const evil = "ZZ' OR 1=1 --";
    const odd = [{ id: "x'; DROP TABLE y; --", individuals: 3 }];
    const q = cohortVariantsSql(f({ sexes: ['female'], genotype: { gene: evil } }), 5, odd);
    expect(q.sql).not.toContain(evil);
    expect(q.sql).not.toContain("x'");
    // The sex condition is read from cd_individual_bits (decision 0103): its bitmaps and lists.
    expect(q.params).toEqual([evil, 'sex', 'female', 'sex', 'female']);
    expect((q.sql.match(/\?/g) ?? []).length).toBe(q.params.length);
    expect(q.sql).toContain('bitstring_agg(ix, 0, 2)');
  });
  it('one branch per dataset the filters name; none answers with a typed empty relation', () => {
    const two = [...one, { id: 'SE-CA-01', individuals: 4 }];
    expect(cohortRowsSql(f({}), 5, two).sql.match(/UNION ALL/g)).toHaveLength(1);
    expect(cohortRowsSql(f({ datasets: ['SE-CA-01'] }), 5, two).sql).not.toContain('FI_2d_RD');
    expect(cohortRowsSql(f({ datasets: ['XX'] }), 5, two).sql).toContain('WHERE FALSE');
    expect(cohortRowsSql(f({}), 5, [{ id: 'EMPTY', individuals: 0 }]).sql).toContain('WHERE FALSE');
  });
  it('answers from the summaries when they hold the answer, never from list columns', () => {
    expect(cohortCountSql(f({ genotype: { gene: 'BRCA1' } }), one).sql).toContain('cd_gene_counts');
    expect(cohortByPhenotypeSql(f({}), 10, one).sql).toContain('cd_term_counts');
    expect(cohortVariantsSql(f({ genotype: { gene: 'BRCA1' } }), 10, one).sql).toContain(
      'v.n_carriers',
    );
    expect(cohortCountSql(f({ phenotypes: [{ id: 'HP:0000152' }] }), one).sql).not.toContain(
      'list_has_any',
    );
  });
  it('issue 20: sex and country alone are answered from cd_individual_groups; everyone’s first rows are an ix range', () => {
    const sexCountry = f({ sexes: ['female'], countries: ['FI', 'SE'] });
    expect(cohortCountSql(sexCountry, one).sql).toContain('cd_individual_groups');
    expect(cohortByColumnSql(sexCountry, 'country', one).sql).toContain('cd_individual_groups');
    expect(cohortCountSql(f({ ...sexCountry, diseases: ['ORPHA:145'] }), one).sql).not.toContain(
      'cd_individual_groups',
    );
    expect(cohortRowsSql(f({}), 50, one).sql).toContain('i.ix < 50');
    expect(cohortRowsSql(sexCountry, 50, one).sql).not.toContain('i.ix < 50');
  });
});

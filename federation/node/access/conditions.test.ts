import { describe, expect, it } from 'vitest';
import { clauseMatches, conditionsMet, matchField } from './conditions';

const faculty = {
  type: 'AffiliationAndRole',
  value: 'faculty@med.example.org',
  source: 'https://grid.example/1',
  by: 'so',
};

describe('PASS-02 visa conditions (DNF engine)', () => {
  it('const, pattern and split_pattern match full strings; unknown prefixes never match', () => {
    expect(matchField('const:abc', 'abc')).toBe(true);
    expect(matchField('const:abc', 'ABC')).toBe(false);
    expect(matchField('pattern:faculty@*', 'faculty@x.org')).toBe(true);
    expect(matchField('pattern:fac?lty@*', 'faculty@x.org')).toBe(true);
    expect(matchField('pattern:faculty', 'faculty@x.org')).toBe(false);
    expect(matchField('pattern:a.c', 'abc')).toBe(false);
    expect(matchField('split_pattern:b*', 'a;bc;d')).toBe(true);
    expect(matchField('split_pattern:z*', 'a;bc;d')).toBe(false);
    expect(matchField('regex:.*', 'anything')).toBe(false);
    expect(matchField('noprefix', 'noprefix')).toBe(false);
  });

  it('a clause matches one visa on type and every field; unknown clause fields fail', () => {
    expect(
      clauseMatches(
        { type: 'AffiliationAndRole', value: 'const:faculty@med.example.org', by: 'const:so' },
        faculty,
      ),
    ).toBe(true);
    expect(clauseMatches({ type: 'AffiliationAndRole', by: 'const:system' }, faculty)).toBe(false);
    expect(clauseMatches({ type: 'ResearcherStatus' }, faculty)).toBe(false);
    expect(clauseMatches({ type: 'AffiliationAndRole', asserted: 'const:1' }, faculty)).toBe(false);
  });

  it('outer OR, inner AND, each clause satisfied by some visa', () => {
    const sys = { ...faculty, by: 'system' };
    const dnf = [[{ type: 'AffiliationAndRole', by: 'const:so' }], [{ type: 'ResearcherStatus' }]];
    expect(conditionsMet(dnf, [faculty])).toBe(true);
    expect(conditionsMet(dnf, [sys])).toBe(false);
    const and = [[{ type: 'AffiliationAndRole', by: 'const:so' }, { type: 'ResearcherStatus' }]];
    expect(conditionsMet(and, [faculty])).toBe(false);
    expect(
      conditionsMet(and, [
        faculty,
        { type: 'ResearcherStatus', value: 'x', source: 'y', by: 'so' },
      ]),
    ).toBe(true);
    expect(conditionsMet([], [])).toBe(true);
  });
});

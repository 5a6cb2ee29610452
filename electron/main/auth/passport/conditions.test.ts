import { describe, expect, it } from 'vitest';
import { conditionsMet, matchField, parseConditions } from './conditions';

const faculty = {
  type: 'AffiliationAndRole',
  value: 'faculty@uni.example',
  source: 'https://uni.example',
  by: 'so',
};
const system = { ...faculty, by: 'system' };

describe('visa conditions DNF (PASS-02, STANDARDS 2.7.7)', () => {
  it('const:, pattern:, split_pattern: match full strings; unknown prefixes never match', () => {
    expect(matchField('const:so', 'so')).toBe(true);
    expect(matchField('const:so', 'SO')).toBe(false);
    expect(matchField('pattern:faculty@*', 'faculty@uni.example')).toBe(true);
    expect(matchField('pattern:fac?lty@uni.example', 'faculty@uni.example')).toBe(true);
    expect(matchField('pattern:faculty', 'faculty@uni.example')).toBe(false);
    expect(matchField('pattern:a.c', 'abc')).toBe(false);
    expect(matchField('split_pattern:https://b*', 'https://a;https://b.example')).toBe(true);
    expect(matchField('regex:.*', 'anything')).toBe(false);
    expect(matchField('so', 'so')).toBe(false);
  });

  it('a clause that only by:so satisfies is not met by by:system, and is by by:so', () => {
    const conditions = parseConditions([
      [{ type: 'AffiliationAndRole', value: 'pattern:faculty@*', by: 'const:so' }],
    ])!;
    expect(conditionsMet(conditions, [system])).toBe(false);
    expect(conditionsMet(conditions, [faculty])).toBe(true);
  });

  it('outer list is OR, inner list is AND; each clause needs a visa', () => {
    const conditions = parseConditions([
      [
        { type: 'AffiliationAndRole', by: 'const:so' },
        { type: 'ResearcherStatus', by: 'const:so' },
      ],
      [{ type: 'AffiliationAndRole', value: 'const:member@other.example' }],
    ])!;
    expect(conditionsMet(conditions, [faculty])).toBe(false);
    const rs = {
      type: 'ResearcherStatus',
      value: 'https://doi.org/x',
      source: 'https://doi.org/x',
      by: 'so',
    };
    expect(conditionsMet(conditions, [faculty, rs])).toBe(true);
  });

  it('unknown clause fields never match; malformed conditions are refused', () => {
    expect(
      conditionsMet(parseConditions([[{ type: 'AffiliationAndRole', asserted: 'const:1' }]])!, [
        faculty,
      ]),
    ).toBe(false);
    expect(parseConditions([[]])).toBeUndefined();
    expect(parseConditions({ type: 'x' })).toBeUndefined();
    expect(parseConditions([[{ type: 'x', value: 3 }]])).toBeUndefined();
  });
});

describe('issue 12 item 7: pattern: conditions cannot stall the main process', () => {
  it('11 stars against a 40-character value is decided (no backtracking regex)', () => {
    const pattern = `${'a*'.repeat(11)}b`;
    expect(matchField(`pattern:${pattern}`, 'a'.repeat(40))).toBe(false);
    expect(matchField(`split_pattern:${pattern}`, `x;${'a'.repeat(40)}`)).toBe(false);
    expect(matchField(`pattern:${pattern}`, `${'a'.repeat(39)}b`)).toBe(true);
  });
});

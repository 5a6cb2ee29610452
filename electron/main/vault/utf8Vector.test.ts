import { describe, expect, it } from 'vitest';
import { constantUtf8, utf8Vector } from './utf8Vector';

describe('utf8Vector (the vault tables’ string columns)', () => {
  it('ASCII, nulls, empty strings and non-ASCII text round-trip', () => {
    for (const values of [
      ['FI-RD-01-000001', '', 'het', null, '17-43045712-G-A'],
      ['Åland', null, 'São Miguel', 'ß', '', '𝔸'],
      [],
    ]) {
      const v = utf8Vector(values);
      expect(v.length).toBe(values.length);
      expect([...v]).toEqual(values);
      expect(v.nullCount).toBe(values.filter((x) => x === null).length);
    }
  });
  it('constant columns', () => {
    expect([...constantUtf8(3, 'FI-RD-01')]).toEqual(['FI-RD-01', 'FI-RD-01', 'FI-RD-01']);
    expect([...constantUtf8(0, 'x')]).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { lengthLog10, parseCodingLengths, referenceCodingLengths } from './codingLength';

describe('issue 17: coding lengths for the gene-length correction (hand-computed)', () => {
  const lengths = parseCodingLengths('GENEL:4000,genes:100,GENEM:1000', 1000);

  it('is log10(length / median), floored at 300 bases, 0 for a gene the table lacks', () => {
    expect(lengthLog10(lengths, 'GENEL')).toBeCloseTo(Math.log10(4), 12);
    expect(lengthLog10(lengths, 'geneL')).toBeCloseTo(0.60206, 5);
    expect(lengthLog10(lengths, 'GENEM')).toBe(0);
    expect(lengthLog10(lengths, 'GENES')).toBeCloseTo(Math.log10(0.3), 12);
    expect(lengthLog10(lengths, 'UNKNOWN')).toBe(0);
  });

  it('the committed table knows the long and the short genes of the exome', () => {
    const table = referenceCodingLengths();
    expect(table.lengthOf('TTN')).toBeGreaterThan(100_000);
    expect(table.lengthOf('ins')).toBe(330);
    expect(table.median).toBeGreaterThan(1000);
  });
});

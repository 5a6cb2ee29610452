import { describe, expect, it } from 'vitest';
import type { VariantRecord } from './input';
import { consequenceScore, frequencyScore, variantScore } from './variants';

const v = (over: Partial<VariantRecord>): VariantRecord => ({
  gene: 'GENEA',
  chrom: 'chr1',
  pos: 100,
  ref: 'A',
  alt: 'G',
  consequence: 'missense_variant',
  impact: 'MODERATE',
  populationAf: null,
  zygosity: 'het',
  ...over,
});

describe('issue 17: variant pathogenicity priors', () => {
  it('scores consequence classes, the most severe of several terms counting', () => {
    expect(consequenceScore('stop_gained', 'HIGH')).toBe(1);
    expect(consequenceScore('missense_variant', 'MODERATE')).toBe(0.6);
    expect(consequenceScore('splice_region_variant&intron_variant', 'LOW')).toBe(0.3);
    // A term outside the table falls back to its impact.
    expect(consequenceScore('feature_elongation', 'MODERATE')).toBe(0.5);
  });

  it('follows Exomiser frequency score: 1 when absent, 0 from 2%', () => {
    expect(frequencyScore(null)).toBe(1);
    expect(frequencyScore(0.02)).toBe(0);
    // 0.1%: 1.13533 - 0.13533 e^0.1
    expect(frequencyScore(0.001)).toBeCloseTo(1.13533 - 0.13533 * Math.exp(0.1), 10);
    expect(frequencyScore(0.000001)).toBeCloseTo(1, 4);
  });

  it('multiplies the two', () => {
    expect(variantScore(v({ populationAf: 0.01 }))).toBeCloseTo(
      0.6 * (1.13533 - 0.13533 * Math.E),
      10,
    );
    expect(variantScore(v({ populationAf: 0.5 }))).toBe(0);
  });
});

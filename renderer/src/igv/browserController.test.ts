import { describe, expect, it } from 'vitest';
import { currentLocus, locusCentre, shiftLocus } from './browserController';
import type { IgvBrowser } from './igvTypes';

const withLoci = (loci: string | string[]): IgvBrowser =>
  ({ currentLoci: () => loci }) as unknown as IgvBrowser;

describe('keyboard pan and igv loci (issue 8)', () => {
  it('shifts a locus by a fraction of its width, never before position 1', () => {
    expect(shiftLocus('chr17:1001-2000', 0.25)).toBe('chr17:1251-2250');
    expect(shiftLocus('chr17:1,001-2,000', -0.25)).toBe('chr17:751-1750');
    expect(shiftLocus('chr17:101-1100', -0.5)).toBe('chr17:1-1000');
    expect(shiftLocus('BRCA1', 0.25)).toBeUndefined();
  });

  it('reads the first frame and rounds the fractional end igv reports', () => {
    expect(currentLocus(withLoci('chr17:43044295-43125364.6'))).toBe('chr17:43044295-43125365');
    expect(currentLocus(withLoci(['chr1:1-100', 'chr2:5-50']))).toBe('chr1:1-100');
    expect(currentLocus(withLoci(''))).toBeUndefined();
  });

  it('finds the centre base the locus box puts a variant on (sort by genotype there)', () => {
    // A variant at 43045712 is shown with 20 bases either side.
    expect(locusCentre('chr17:43045692-43045732')).toEqual({ chr: 'chr17', pos: 43045712 });
    expect(locusCentre('chr17:43,045,680-43,045,721')).toEqual({ chr: 'chr17', pos: 43045700 });
    expect(locusCentre('BRCA1')).toBeUndefined();
  });
});

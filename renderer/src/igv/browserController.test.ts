import { describe, expect, it } from 'vitest';
import { emptyFilters } from '../../../shared/cohorts/definition';
import { controllerFor, currentLocus, locusCentre, shiftLocus } from './browserController';
import type { QueryFn } from './cohortReader';
import { createGenotypeReader } from './genotypeReader';
import { keepGenotypeReader } from './genotypeTracks';
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

describe('sort by genotype while the genotype track reloads (genome-browser-cohort)', () => {
  const KEY = '17-43045712-G-A';
  // The cache's answers to the reader's three statements (shared/cohorts/browserSql.ts).
  const query: QueryFn = (sql) =>
    Promise.resolve(
      sql.includes('ORDER BY i.dataset_id, i.individual_id')
        ? [{ dataset_id: 'FI-RD-01', individual_id: 'I0' }]
        : sql.includes('GROUP BY variant_key')
          ? [{ variant_key: KEY, pos: 43045712, ref: 'G', alt: 'A', gene: 'BRCA1', ac: 1, an: 2 }]
          : [{ variant_key: KEY, dataset_id: 'FI-RD-01', individual_id: 'I0', zygosity: 'het' }],
    );

  it('waits for the tracks to be loaded again, then sorts the track igv now draws', async () => {
    keepGenotypeReader('genotypes', createGenotypeReader(query, emptyFilters()));
    const track = {
      id: 'genotypes',
      sortSamplesByGenotype: () => Promise.resolve(),
      sampleKeys: ['FI-RD-01/I0'],
    };
    // Removed and not yet loaded again until the sync settles.
    let reloaded = false;
    let settle = (): void => undefined;
    const idle = new Promise<void>((resolve) => {
      settle = () => {
        reloaded = true;
        resolve();
      };
    });
    const browser = {
      currentLoci: () => '17:43045702-43045722',
      findTracks: (f: (t: unknown) => boolean) => (reloaded ? [track] : []).filter(f),
    } as unknown as IgvBrowser;
    const sorted = controllerFor(browser, () => idle).sortGenotypes('genotypes', 'DESC');
    settle();
    expect(await sorted).toMatchObject({
      variants: [KEY],
      carriers: [{ sample: 'FI-RD-01/I0', zygosity: 'hetvar' }],
      first: 'FI-RD-01/I0',
    });
  });
});

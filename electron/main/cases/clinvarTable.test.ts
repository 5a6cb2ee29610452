import { describe, expect, it } from 'vitest';
import { clinvarTable } from './clinvarTable';

describe('the compact ClinVar table (issue 18)', () => {
  it('finds the verified BRCA1 c.68_69delAG record on the case key, with review status, stars and release', () => {
    const t = clinvarTable();
    expect(t.release).toBe('2026-02-26');
    // VCF 17:43124027 ACT>A; the case key trims nothing here (shared/vcf variantKey).
    const r = t.lookup(['17-43124027-ACT-A', '17-1-A-G'], ['BRCA1', 'SCN1A']);
    expect(r.variants).toEqual([
      expect.objectContaining({
        variationId: '17662',
        gene: 'BRCA1',
        significance: 'Pathogenic',
        reviewStatus: 'reviewed by expert panel',
        stars: 3,
        date: '2026-02-26',
      }),
    ]);
    // Loss of function is BRCA1's mechanism (PVS1); SCN1A is not covered at all.
    expect(r.genes).toHaveLength(1);
    expect(r.genes[0]?.pathogenicNull).toBeGreaterThan(1000);
    expect(r.coveredGenes).toContain('TP53');
    expect(r.coveredGenes).not.toContain('SCN1A');
  });
});

import { describe, expect, it } from 'vitest';
import { bs1Modes, bs1Threshold, DEFAULT_BS1_ASSUMPTIONS, maxCredibleAf } from './bs1';
import { suggestCriteria } from './suggest';

// Issue 18 (decision 0046): BS1 per disease, the maximum credible allele frequency (Whiffin 2017).
// Every expected value below is computed by hand from the formula.

const BOUNDS = { pm2: 0.0001, ba1: 0.05 };

describe('issue 18: BS1 per disease (maximum credible allele frequency)', () => {
  it('issue 18: the defaults give AD 1/2000 × 1 × 1 / 0.5 / 2 = 0.0005, AR √0.0005 / √0.5 = √0.001 ≈ 0.031623, X-linked 0.0005 / 0.5 = 0.001', () => {
    const a = DEFAULT_BS1_ASSUMPTIONS;
    expect(maxCredibleAf('AD', a)).toBeCloseTo(0.0005, 12);
    expect(maxCredibleAf('XLD', a)).toBeCloseTo(0.0005, 12);
    expect(maxCredibleAf('AR', a)).toBeCloseTo(0.0316228, 6);
    expect(maxCredibleAf('XLR', a)).toBeCloseTo(0.001, 12);
    expect(maxCredibleAf('MT', a)).toBeUndefined();
  });

  it('issue 18: the clinician’s assumptions: HCM-like AD (prevalence 1/500, allelic 0.02, genetic 1, penetrance 0.5) gives 0.002 × 0.02 / 0.5 / 2 = 0.00004; AR (1/10,000, 0.5, 0.8, 1) gives 0.01 × 0.5 × √0.8 ≈ 0.0044721', () => {
    expect(
      maxCredibleAf('AD', { prevalence: 1 / 500, allelic: 0.02, genetic: 1, penetrance: 0.5 }),
    ).toBeCloseTo(0.00004, 12);
    expect(
      maxCredibleAf('AR', { prevalence: 1 / 10_000, allelic: 0.5, genetic: 0.8, penetrance: 1 }),
    ).toBeCloseTo(0.0044721, 6);
  });

  it('issue 18: the annotation’s inheritance terms map to modes; a mixed disease takes the most permissive mode', () => {
    expect(bs1Modes([6])).toEqual(['AD']);
    expect(bs1Modes([32113])).toEqual(['AD', 'AR']);
    expect(bs1Modes([1419, 3829])).toEqual(['XLR']);
    expect(bs1Modes([3745])).toEqual([]);
    const t = bs1Threshold({
      disease: { id: 'OMIM:1', label: 'Mixed' },
      modes: ['AD', 'AR'],
      ...BOUNDS,
    });
    expect(t.perDisease).toBe(true);
    expect(t.bs1).toBeCloseTo(0.0316228, 6);
    expect(t.why).toContain('Mixed (OMIM:1), AR');
    expect(t.why).toContain('penetrance 0.5');
  });

  it('issue 18: without a covered mode the 1 % default stays, and says why; a threshold is kept between PM2 and BA1', () => {
    expect(bs1Threshold({ modes: [], ...BOUNDS })).toMatchObject({ bs1: 0.01, perDisease: false });
    expect(
      bs1Threshold({ disease: { id: 'OMIM:2', label: 'Mito' }, modes: ['MT'], ...BOUNDS }).why,
    ).toContain('no mode of inheritance');
    // AD with prevalence 1/100,000 and penetrance 1: 0.00001 / 2 = 0.000005, below PM2's 0.0001.
    const low = bs1Threshold({
      modes: ['AD'],
      assumptions: { prevalence: 1e-5, allelic: 1, genetic: 1, penetrance: 1 },
      ...BOUNDS,
    });
    expect(low.bs1).toBe(0.0001);
    expect(low.why).toContain('kept between');
  });

  it('issue 18: at 0.2 % an AD disease’s threshold (0.05 %) suggests BS1 where the 1 % default suggests nothing', () => {
    const variant = {
      variant_key: '1-100-A-G',
      gene: 'GENE1',
      consequence: 'missense_variant',
      pop_af: 0.002,
      modes: [],
    };
    const base = { variant, frequencyFields: ['gnomAD_AF'], transPathogenic: [] };
    expect(suggestCriteria(base).criteria.map((c) => c.code)).not.toContain('BS1');
    const t = bs1Threshold({
      disease: { id: 'OMIM:3', label: 'Dominant X' },
      modes: ['AD'],
      ...BOUNDS,
    });
    const s = suggestCriteria({
      ...base,
      thresholds: { ba1: 0.05, bs1: t.bs1, pm2: 0.0001, bs1Why: t.why },
    });
    const bs1 = s.criteria.find((c) => c.code === 'BS1');
    expect(bs1?.reason).toContain('0.050 %');
    expect(bs1?.caveat).toContain('Whiffin');
  });
});

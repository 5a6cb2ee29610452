import { describe, expect, it } from 'vitest';
import { federationFrequency } from './federationFrequency';
import type { FederatedAnswer } from './sheet';
import type { SuggestInput } from './suggest';
import { suggestCriteria } from './suggest';

const KEY = '2-166002500-C-T';
const AT = '2026-12-06T10:00:00.000Z';
const ans = (over: Partial<FederatedAnswer>): FederatedAnswer => ({
  variantKey: KEY,
  node: 'Italian node (IT)',
  dataset: 'IT-PC-01',
  granularity: 'count',
  exists: true,
  count: null,
  at: AT,
  // A population reference: its frequency counts for BA1/BS1/PM2 (decision 0051).
  declared: { title: 'Italian population controls' },
  ...over,
});
const input = (federation: FederatedAnswer[]): SuggestInput => ({
  variant: {
    variant_key: KEY,
    gene: 'SCN1A',
    consequence: 'missense_variant',
    pop_af: null,
    modes: [],
  },
  frequencyFields: ['gnomAD_AF'],
  transPathogenic: [],
  federation,
});
const freqCodes = (f: FederatedAnswer[]) =>
  suggestCriteria(input(f)).criteria.filter((c) => ['BA1', 'BS1', 'PM2'].includes(c.code));

describe('issue 18: the federation\u2019s answers as frequency evidence, computed by hand', () => {
  it('issue 18: "<10 of 6,400" bounds the allele frequency between 1/12,800 and 9/6,400', () => {
    const f = federationFrequency(
      [ans({ countRange: { min: 1, max: 9 }, individuals: { min: 6400, max: 6400 } })],
      KEY,
    );
    expect(f.carriers).toEqual({ min: 1, max: 9 });
    expect(f.afLow).toBe(1 / 12_800);
    expect(f.afHigh).toBe(9 / 6400);
    // 1/12,800 = 0.000078 < 0.0001: PM2 stays suggested, with the upper bound said.
    const [pm2] = freqCodes([
      ans({ countRange: { min: 1, max: 9 }, individuals: { min: 6400, max: 6400 } }),
    ]);
    expect(pm2?.code).toBe('PM2');
    expect(pm2?.reason).toContain('allow up to 0.0014');
    expect(pm2?.source).toContain('IT-PC-01 at Italian node (IT) (count): <10 of 6,400');
    expect(pm2?.source).toContain(AT);
  });

  it('issue 18: a yes/no answer gives no frequency: PM2 from the VCF is kept and the yes is named', () => {
    const f = federationFrequency([ans({ granularity: 'boolean' })], KEY);
    expect(f.counted).toBe(0);
    expect(f.seenWithoutCount).toBe(1);
    expect(f.afHigh).toBeUndefined();
    const [pm2] = freqCodes([ans({ granularity: 'boolean' })]);
    expect(pm2?.code).toBe('PM2');
    expect(pm2?.source).toContain('no usable dataset gave a count and a size, so no frequency');
    expect(pm2?.source).toContain('seen in 1 more without a count');
  });

  it('issue 18: exactly 3 of 6,400 (at least 3/12,800 = 0.00023) withdraws PM2 with a note', () => {
    const f = [ans({ count: 3, individuals: { min: 6400, max: 6400 } })];
    expect(federationFrequency(f, KEY).afLow).toBe(3 / 12_800);
    expect(freqCodes(f)).toEqual([]);
    const note = suggestCriteria(input(f)).notes.find((n) => n.code === 'PM2');
    expect(note?.text).toContain('at least at 0.00023');
    expect(note?.text).toContain('datasets usable for frequency');
  });

  it('issue 18: pooled counts: 150 of 6,400 plus a rounded 40 (35–44) of 3,000 give at least 185/18,800 (BS1 under 1 %: none), 300 exact of 6,400 gives BS1', () => {
    const f = federationFrequency(
      [
        ans({ count: 150, individuals: { min: 6400, max: 6400 } }),
        ans({
          dataset: 'ES-PC-01',
          node: 'Spanish node (ES)',
          countRange: { min: 35, max: 44 },
          individuals: { min: 2995, max: 3004 },
        }),
      ],
      KEY,
    );
    expect(f.carriers).toEqual({ min: 185, max: 194 });
    expect(f.afLow).toBe(185 / (2 * (6400 + 3004)));
    expect(f.afHigh).toBe(194 / (6400 + 2995));
    const bs1 = freqCodes([ans({ count: 300, individuals: { min: 6400, max: 6400 } })]);
    // 300/12,800 = 2.3 % ≥ 1 %.
    expect(bs1.map((c) => c.code)).toEqual(['BS1']);
    expect(bs1[0]?.reason).toContain('2.3 %');
    expect(bs1[0]?.reason).toContain('the least the federation');
  });

  it('issue 18: a failed lookup counts for nothing; chrX doubles the upper bound; chrY sets none', () => {
    expect(federationFrequency([ans({ error: 'timed out', exists: null })], KEY).answered).toBe(0);
    const x = federationFrequency(
      [ans({ variantKey: 'X-100-A-G', count: 2, individuals: { min: 100, max: 100 } })],
      'X-100-A-G',
    );
    expect(x.afHigh).toBe(0.04);
    const y = federationFrequency(
      [ans({ variantKey: 'Y-100-A-G', count: 2, individuals: { min: 100, max: 100 } })],
      'Y-100-A-G',
    );
    expect(y.afHigh).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { AppliedCriterion } from './combine';
import { classOfPoints, posteriorOfPoints, scorePoints } from './points';

const a = (code: AppliedCriterion['code'], strength: AppliedCriterion['strength']) => ({
  code,
  strength,
});

describe('Tavtigian point scale, issue 18', () => {
  it('class boundaries (Tavtigian 2020 Table 2)', () => {
    expect([12, 10, 9, 6, 5, 0, -1, -6, -7, -12].map((p) => [p, classOfPoints(p)])).toEqual([
      [12, 'pathogenic'],
      [10, 'pathogenic'],
      [9, 'likely_pathogenic'],
      [6, 'likely_pathogenic'],
      [5, 'uncertain_significance'],
      [0, 'uncertain_significance'],
      [-1, 'likely_benign'],
      [-6, 'likely_benign'],
      [-7, 'benign'],
      [-12, 'benign'],
    ]);
  });

  it('points by hand: 8 + 1 = 9 (PVS1, PM2 supporting) is likely pathogenic', () => {
    const r = scorePoints([a('PVS1', 'very_strong'), a('PM2', 'supporting')]);
    expect(r.points).toBe(9);
    expect(r.cls).toBe('likely_pathogenic');
  });

  it('points by hand: 4 + 2 + 2 + 1 − 1 = 8', () => {
    const r = scorePoints([
      a('PS2', 'strong'),
      a('PM1', 'moderate'),
      a('PM6', 'moderate'),
      a('PP3', 'supporting'),
      a('BP4', 'supporting'),
    ]);
    expect(r.points).toBe(8);
    expect(r.cls).toBe('likely_pathogenic');
  });

  it('points by hand: −4 − 4 − 1 = −9 is benign; BA1 is benign whatever the sum', () => {
    expect(scorePoints([a('BS1', 'strong'), a('BS2', 'strong'), a('BP4', 'supporting')])).toEqual(
      expect.objectContaining({ points: -9, cls: 'benign' }),
    );
    const ba1 = scorePoints([
      a('BA1', 'stand_alone'),
      a('PVS1', 'very_strong'),
      a('PS1', 'strong'),
    ]);
    expect(ba1.points).toBe(4);
    expect(ba1.cls).toBe('benign');
  });

  it('posterior (Tavtigian 2018, prior 0.1, OddsPath very strong 350), by hand', () => {
    // 0 points: the prior. 6: 350^0.75 = 80.92, 8.092 / 8.992 = 0.900. 10: 350^1.25 = 1513.9,
    // 151.39 / 152.29 = 0.9941. 8: 35 / 35.9 = 0.9749. −1: 350^−0.125 = 0.4808, 0.04808 / 0.94808 = 0.0507.
    expect(posteriorOfPoints(0)).toBeCloseTo(0.1, 6);
    expect(posteriorOfPoints(6)).toBeCloseTo(0.9, 3);
    expect(posteriorOfPoints(8)).toBeCloseTo(0.9749, 4);
    expect(posteriorOfPoints(10)).toBeCloseTo(0.9941, 4);
    expect(posteriorOfPoints(-1)).toBeCloseTo(0.0507, 4);
  });
});

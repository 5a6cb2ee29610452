import { describe, expect, it } from 'vitest';
import type { LikelihoodOptions } from './likelihood';
import { likelihoodScores } from './likelihood';
import { resolveTerms } from './patientTerms';
import { tinyCorpus } from './testing/tinyCorpus';

// Frequencies are stored as float32: hand values match to 6 decimals.
const c = tinyCorpus();
const plain: LikelihoodOptions = {
  partial: 0.5,
  unexplained: 0.1,
  excludedWeight: 0.9,
  ascertainment: 1,
  recorded: 0,
  recordedUnknown: 0.5,
  observedTemper: 0,
};
const scores = (observed: string[], excluded: string[], o: Partial<LikelihoodOptions> = {}) =>
  likelihoodScores(c, resolveTerms(c.ontology, observed, excluded), { ...plain, ...o });

describe('issue 17: phenotype likelihood ratios (hand-computed)', () => {
  it('uses frequency / background for exact, discounted ancestors for partial matches', () => {
    const s = scores(['HP:0000012', 'HP:0000022'], []);
    // OMIM:1: Focal seizure 0.5 / (0.5/3) = 3; Myopia only via Eye: 0.5 * 1 / (2/3) = 0.75.
    expect(s[0]).toBeCloseTo(Math.log(3) + Math.log(0.75), 6);
    // OMIM:2: Focal seizure unexplained (0.1); Myopia 1 / (1/3) = 3.
    expect(s[1]).toBeCloseTo(Math.log(0.1) + Math.log(3), 6);
    // OMIM:3: Focal via Seizure 0.5 * 1 / 0.5 = 1; Myopia unexplained.
    expect(s[2]).toBeCloseTo(Math.log(1) + Math.log(0.1), 6);
  });

  it('treats an observed term the disease is annotated NOT to have as unexplained', () => {
    const s = scores(['HP:0000021'], []);
    expect(s[0]).toBeCloseTo(Math.log(1 / 0.6), 6); // Cataract unknown -> 1, background 1.8/3
    expect(s[1]).toBeCloseTo(Math.log(0.8 / 0.6), 6);
    expect(s[2]).toBeCloseTo(Math.log(0.1), 6);
  });

  it('counts an excluded term against a disease by (1 - w f) / (1 - background)', () => {
    const s = scores([], ['HP:0000021']);
    const base = -Math.log(1 - 0.6);
    expect(s[0]).toBeCloseTo(Math.log(1 - 0.9 * 0.5) + base, 6); // unknown counts 0.5
    expect(s[1]).toBeCloseTo(Math.log(1 - 0.9 * 0.8) + base, 6);
    expect(s[2]).toBeCloseTo(base, 6);
    // With ascertainment 2, a disease's own excluded features are twice as likely recorded.
    const a = scores([], ['HP:0000021'], { ascertainment: 2 });
    expect(a[1]! - s[1]!).toBeCloseTo(Math.log(2), 6);
    expect(a[2]).toBeCloseTo(s[2]!, 6);
  });

  it('counts unmentioned disease features by (1 - recorded f)', () => {
    const s = scores(['HP:0000012'], [], { recorded: 0.5, recordedUnknown: 0.5 });
    const r = scores(['HP:0000012'], []);
    // OMIM:1: Cataract unmentioned (no frequency: 0.5). OMIM:2: Cataract 0.8 and Myopia 0.5.
    expect(s[0]! - r[0]!).toBeCloseTo(Math.log(1 - 0.25), 6);
    expect(s[1]! - r[1]!).toBeCloseTo(Math.log(1 - 0.4) + Math.log(1 - 0.25), 6);
    // OMIM:3: Absence seizure is a sibling of the observed term, so unmentioned too.
    expect(s[2]! - r[2]!).toBeCloseTo(Math.log(1 - 0.25), 6);
  });

  it('issue 17 (decision 0056): weights the observed terms by n^-t, not the excluded ones', () => {
    // Two observed terms, t = 0.5: each observed ln LR counts 2^-0.5; the excluded term in full.
    const s = scores(['HP:0000012', 'HP:0000022'], ['HP:0000021'], { observedTemper: 0.5 });
    const w = Math.SQRT1_2;
    const base = -Math.log(1 - 0.6);
    expect(s[0]).toBeCloseTo(w * (Math.log(3) + Math.log(0.75)) + Math.log(1 - 0.45) + base, 6);
    expect(s[1]).toBeCloseTo(w * (Math.log(0.1) + Math.log(3)) + Math.log(1 - 0.72) + base, 6);
    expect(s[2]).toBeCloseTo(w * (Math.log(1) + Math.log(0.1)) + base, 6);
    // One observed term: n^-t = 1, the plain ratio.
    const one = scores(['HP:0000022'], [], { observedTemper: 0.5 });
    expect(one[1]).toBeCloseTo(Math.log(3), 6);
  });
});

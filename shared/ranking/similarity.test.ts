import { describe, expect, it } from 'vitest';
import { resolveTerms } from './patientTerms';
import { resnikScores } from './similarity';
import { tinyCorpus } from './testing/tinyCorpus';

const c = tinyCorpus();

describe('issue 17: Resnik best-match average (hand-computed)', () => {
  it('averages the IC of each patient term best shared ancestor', () => {
    const patient = resolveTerms(c.ontology, ['HP:0000012', 'HP:0000022'], []);
    const s = resnikScores(c, patient);
    // OMIM:1: Focal seizure itself (ln 3) and Myopia~Cataract via Eye (ln 3/2).
    expect(s[0]).toBeCloseTo((Math.log(3) + Math.log(1.5)) / 2, 10);
    // OMIM:2: nothing for Focal seizure (0), Myopia itself (ln 3).
    expect(s[1]).toBeCloseTo(Math.log(3) / 2, 10);
    // OMIM:3: Focal~Absence via Seizure (ln 3/2), nothing for Myopia.
    expect(s[2]).toBeCloseTo(Math.log(1.5) / 2, 10);
  });

  it('subtracts the IC of excluded terms the disease has, when asked to', () => {
    const patient = resolveTerms(c.ontology, ['HP:0000022'], ['HP:0000021']);
    const s = resnikScores(c, patient, { excludedWeight: 1 });
    // OMIM:2: ln 3 for Myopia, minus IC(Cataract) = ln(3/2).
    expect(s[1]).toBeCloseTo(Math.log(3) - Math.log(1.5), 10);
    // OMIM:3 lacks Cataract: only Myopia's best match (root, 0).
    expect(s[2]).toBeCloseTo(0, 10);
  });
});

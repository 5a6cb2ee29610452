import { describe, expect, it } from 'vitest';
import { contextLogRatio, contextReasons, diseaseOnset, isoYears } from './context';
import { buildCorpus } from './corpus';
import { buildOntology } from './ontology';
import { phenotypeOfPhenopacket } from './phenopacketTerms';
import { DEFAULT_RANKING, rankCase } from './rank';
import { TINY_HPO } from './testing/tinyCorpus';

// The tiny ontology plus onset classes. OMIM:1 (GENEA, congenital onset), OMIM:2 (GENEB, adult
// onset) and OMIM:3 (GENEB, X-linked recessive) all have Seizure (no frequency).
const hpo = [
  TINY_HPO,
  '0000004\tClinical course\t0000001',
  '0003674\tOnset\t0000004',
  '0003577\tCongenital onset\t0003674',
  '0003581\tAdult onset\t0003674',
  '0011462\tYoung adult onset\t0003581',
].join('\n');
const diseases = [
  'OMIM:1\tCongenital epilepsy\t6\t3577\t0\t11\t',
  'OMIM:2\tAdult epilepsy\t6\t3581\t1\t11\t',
  'OMIM:3\tX-linked epilepsy\t1419\t\t1\t11\t',
].join('\n');
const corpus = buildCorpus(buildOntology(hpo), diseases, '1\tGENEA\t\n2\tGENEB\t');
const seizure = { observed: ['HP:0000011'], excluded: [] };

describe('issue 17: onset and sex against a disease (hand-computed)', () => {
  it('reads onset classes and ISO 8601 ages in years', () => {
    expect(diseaseOnset(corpus, 0)).toEqual({ from: 0, to: 0 });
    expect(diseaseOnset(corpus, 1)).toEqual({ from: 16, to: 100 });
    expect(diseaseOnset(corpus, 2)).toBeNull();
    expect(isoYears('P2Y6M')).toBeCloseTo(2.5, 10);
    expect(isoYears('P14D')).toBeCloseTo(14 / 365, 10);
    expect(isoYears('P')).toBeUndefined();
  });

  it('counts only clear contradictions of the annotated onset', () => {
    const child = { sex: 'male' as const, onset: { from: 3, to: 3 } };
    // Adult onset from 16: the earliest credible onset is 16/2 - 0.5 = 7.5 years.
    expect(contextReasons(corpus, child, 1)).toEqual(['onset-before']);
    // Congenital (0..0): onsets after 2·0 + 1 = 1 year contradict it.
    expect(contextReasons(corpus, child, 0)).toEqual(['onset-after']);
    expect(contextReasons(corpus, { sex: 'male', onset: { from: 0.5, to: 0.5 } }, 0)).toEqual([]);
    expect(contextReasons(corpus, { sex: 'male', ageYears: 5 }, 1)).toEqual(['age-before']);
    expect(contextReasons(corpus, { sex: 'male', ageYears: 30 }, 1)).toEqual([]);
    expect(contextReasons(corpus, { sex: 'female' }, 2)).toEqual(['xlr-female']);
    expect(contextReasons(corpus, { sex: 'male' }, 2)).toEqual([]);
    // One factor for the onset however many ways it is contradicted, one for the sex.
    const both = contextLogRatio(['onset-before', 'age-before', 'xlr-female']);
    expect(both).toBeCloseTo(Math.log(0.1) + Math.log(0.2), 10);
  });

  it('takes the earliest onset of the observed features and the age when last seen', () => {
    const p = phenotypeOfPhenopacket({
      subject: { sex: 'FEMALE', timeAtLastEncounter: { age: { iso8601duration: 'P4Y' } } },
      phenotypicFeatures: [
        { type: { id: 'HP:0000011' }, onset: { age: { iso8601duration: 'P2Y' } } },
        { type: { id: 'HP:0000021' }, onset: { ontologyClass: { id: 'HP:0003577' } } },
        {
          type: { id: 'HP:0000022' },
          excluded: true,
          onset: { ontologyClass: { id: 'HP:0011461' } },
        },
      ],
    });
    expect(p.onset).toEqual({ from: 0, to: 0 });
    expect(p.ageYears).toBe(4);
  });

  it('multiplies the disease likelihood ratio and tempers the sum over a gene', () => {
    // Seizure in every disease: ln LR = ln(1 / bg) with bg = 3/3 = 1, so 0 before the context.
    const r = rankCase(corpus, { ...seizure, sex: 'female', onset: { from: 0, to: 0 } });
    expect(r.phenotype[0]).toBeCloseTo(0, 10);
    expect(r.phenotype[1]).toBeCloseTo(Math.log(0.1), 10);
    expect(r.phenotype[2]).toBeCloseTo(Math.log(0.2), 10);
    // GENEB: (1/t)·ln(0.1^t + 0.2^t) with t = 0.5, in log10.
    const t = DEFAULT_RANKING.phenotypeTemper;
    const geneB = Math.log(0.1 ** t + 0.2 ** t) / t / Math.LN10;
    expect(r.genes.map((g) => g.symbol)).toEqual(['GENEA', 'GENEB']);
    expect(r.genes[1]?.score).toBeCloseTo(geneB, 10);
    const plain = rankCase(
      corpus,
      { ...seizure, sex: 'female' },
      { ...DEFAULT_RANKING, phenotypeTemper: 1 },
    );
    expect(plain.genes[0]?.score).toBeCloseTo(Math.log10(1 + 0.2), 10);
  });
});

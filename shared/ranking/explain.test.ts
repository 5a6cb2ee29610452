import { describe, expect, it } from 'vitest';
import { explainGene } from './explain';
import { explainTerms } from './explainTerms';
import type { LikelihoodOptions } from './likelihood';
import { resolveTerms } from './patientTerms';
import { DEFAULT_RANKING } from './rank';
import { tinyCorpus } from './testing/tinyCorpus';

const c = tinyCorpus();
const likelihood: LikelihoodOptions = {
  partial: 0.5,
  unexplained: 0.1,
  excludedWeight: 0.9,
  ascertainment: 1,
  recorded: 0,
  recordedUnknown: 0.5,
  observedTemper: 0,
};
const log10 = (x: number) => Math.log(x) / Math.LN10;

describe('issue 17: explanations', () => {
  it('names the matched disease term, the shared ancestor and its information content', () => {
    const p = resolveTerms(c.ontology, ['HP:0000012', 'HP:0000022'], ['HP:0000021']);
    const e = explainTerms(c, p, 0, likelihood);
    expect(e.observed[0]).toMatchObject({
      term: { id: 'HP:0000012', label: 'Focal seizure' },
      kind: 'exact',
      diseaseTerm: { id: 'HP:0000012', frequency: 0.5 },
    });
    expect(e.observed[0]!.ic).toBeCloseTo(Math.log(3), 10);
    expect(e.observed[0]!.log10Lr).toBeCloseTo(log10(3), 6);
    expect(e.observed[1]).toMatchObject({
      term: { label: 'Myopia' },
      kind: 'partial',
      diseaseTerm: { label: 'Cataract', frequency: null },
      sharedAncestor: { label: 'Eye' },
    });
    expect(e.observed[1]!.ic).toBeCloseTo(Math.log(1.5), 10);
    expect(e.observed[1]!.log10Lr).toBeCloseTo(log10(0.75), 6);
    // Excluded Cataract, which OMIM:1 has without a frequency (counted as 0.5).
    expect(e.excluded[0]).toMatchObject({ diseaseTerm: { label: 'Cataract', frequency: null } });
    expect(e.excluded[0]!.log10Absent).toBeCloseTo(log10((1 - 0.45) / (1 - 0.6)), 6);
    expect(e.excluded[0]!.log10Considered).toBe(0); // ascertainment 1 here
    expect(e.excluded[0]!.log10Lr).toBeCloseTo(e.excluded[0]!.log10Absent, 10);
  });

  it('says when the patient term is a kind of the disease term', () => {
    const p = resolveTerms(c.ontology, ['HP:0000023'], []);
    const m = explainTerms(c, p, 0, likelihood).observed[0]!;
    expect(m).toMatchObject({ kind: 'specific', sharedAncestor: { label: 'Cataract' } });
    // OMIM:1's Cataract (no frequency: 1), discounted: 0.5 * 1 / 0.6 (beats Eye: 0.5 / (2/3)).
    expect(m.log10Lr).toBeCloseTo(log10(0.5 / 0.6), 6);
  });

  it('says when a disease is annotated not to have an observed term', () => {
    const p = resolveTerms(c.ontology, ['HP:0000021'], []);
    const m = explainTerms(c, p, 2, likelihood).observed[0]!;
    expect(m.kind).toBe('contradicted');
    expect(m.log10Lr).toBeCloseTo(-1, 10);
  });

  it('says what would change the rank, re-ranked exactly', () => {
    const request = { observed: ['HP:0000012', 'HP:0000022'], excluded: [], sex: 'male' as const };
    const e = explainGene(c, request, 'geneb', { ...DEFAULT_RANKING, likelihood })!;
    expect(e.rank).toBe(2);
    expect(e.above).toMatchObject({ symbol: 'GENEA' });
    expect(e.above!.gap).toBeCloseTo(log10(2.25) - log10(0.3), 6);
    expect(e.diseases[0]).toMatchObject({ id: 'OMIM:2', modes: ['AR'] });
    // Focal seizure is unexplained by OMIM:2: without it, GENEB would lead.
    expect(e.changes).toContainEqual({
      kind: 'drop-term',
      term: { id: 'HP:0000012', label: 'Focal seizure' },
      rank: 1,
    });
    expect(explainGene(c, request, 'NOPE')).toBeUndefined();
  });

  it('decision 0080: shows the two-allele credit with the exome counts it rests on', () => {
    const v = (gene: string, consequence: string, zygosity: 'het' | 'hom', pos: number) => ({
      gene,
      chrom: 'chr1',
      pos,
      ref: 'C',
      alt: 'T',
      consequence,
      impact: 'HIGH' as const,
      populationAf: null,
      zygosity,
    });
    const request = {
      observed: ['HP:0000012'],
      excluded: [],
      sex: 'female' as const,
      variants: [
        v('GENEX', 'stop_gained', 'hom', 1),
        v('BG1', 'missense_variant', 'het', 2),
        v('BG2', 'missense_variant', 'het', 3),
        v('BG3', 'missense_variant', 'het', 4),
      ],
    };
    const e = explainGene(c, request, 'GENEX', { ...DEFAULT_RANKING, likelihood })!;
    expect(e.genotype).toMatchObject({ fit: 'homozygous', mode: 'ANY' });
    // (3 + 1) / (1 + 1) = 2 times rarer by chance.
    expect(e.twoAlleles).toEqual({
      twoAlleleGenes: 1,
      oneAlleleGenes: 3,
      log10Credit: expect.closeTo(log10(2), 10) as number,
    });
    expect(
      explainGene(c, request, 'BG1', { ...DEFAULT_RANKING, likelihood })!.twoAlleles,
    ).toBeUndefined();
  });
});

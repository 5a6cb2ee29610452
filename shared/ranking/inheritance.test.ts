import { describe, expect, it } from 'vitest';
import type { ScoredVariant } from './inheritance';
import { diseaseModes, genotypeFit } from './inheritance';
import type { VariantRecord } from './input';
import { tinyCorpus } from './testing/tinyCorpus';

const o = tinyCorpus().ontology;
const terms = (...ids: string[]) => Int32Array.from(ids.map((id) => o.indexOf(id) ?? -1));
const sv = (score: number, zygosity: VariantRecord['zygosity'], pos = 1): ScoredVariant => ({
  score,
  record: {
    gene: 'G',
    chrom: 'chr1',
    pos,
    ref: 'A',
    alt: 'T',
    consequence: 'x',
    impact: 'HIGH',
    populationAf: null,
    zygosity,
  },
});

describe('issue 17: inheritance fit', () => {
  it('reads modes from inheritance terms and their descendants', () => {
    expect(diseaseModes(o, terms('HP:0000006'))).toEqual(['AD']);
    expect(diseaseModes(o, terms('HP:0032113'))).toEqual(['AD', 'AR']);
    // X-linked recessive is also X-linked: the specific mode wins.
    expect(diseaseModes(o, terms('HP:0001419'))).toEqual(['XLR']);
    expect(diseaseModes(o, terms('HP:0001417'))).toEqual(['XL']);
    expect(diseaseModes(o, terms())).toEqual(['ANY']);
  });

  it('needs two alleles for a recessive disease; one het is a carrier', () => {
    const carrier = genotypeFit([sv(0.6, 'het')], 'AR', 'female');
    expect(carrier.fit).toBe('carrier only');
    expect(carrier.score).toBeCloseTo(0.06, 10);
    const compound = genotypeFit([sv(0.6, 'het', 1), sv(1, 'het', 2)], 'AR', 'female');
    expect(compound.fit).toBe('two alleles (phase unknown)');
    expect(compound.score).toBeCloseTo(Math.sqrt(0.6), 10);
    expect(compound.variants.map((v) => v.record.pos)).toEqual([2, 1]);
    expect(genotypeFit([sv(0.6, 'hom')], 'AR', 'male')).toMatchObject({
      fit: 'homozygous',
      score: 0.6,
    });
  });

  it('takes one allele for dominant modes and for X-linked recessive in a male', () => {
    expect(genotypeFit([sv(0.6, 'het')], 'AD', 'female')).toMatchObject({ score: 0.6 });
    expect(genotypeFit([sv(1, 'hemi')], 'XLR', 'male')).toMatchObject({
      fit: 'hemizygous',
      score: 1,
    });
    expect(genotypeFit([sv(1, 'het')], 'XLR', 'female').fit).toBe('carrier only');
    // Unknown sex: between the male and the female reading.
    expect(genotypeFit([sv(1, 'het')], 'XLR', 'unknown').score).toBeCloseTo(Math.sqrt(0.1), 10);
    expect(genotypeFit([], 'AD', 'male')).toMatchObject({ fit: 'no variant', score: 0 });
  });
});

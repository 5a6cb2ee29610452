import { describe, expect, it } from 'vitest';
import type { ScoredVariant } from './inheritance';
import { diseaseModes, exomeGenotypes, genotypeFit, twoAlleleRarity } from './inheritance';
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

  it("decision 0080: counts the exome's genes with two damaging alleles and with one", () => {
    const exome = exomeGenotypes([
      [sv(0.6, 'hom')], // two (homozygous)
      [sv(0.6, 'het', 1), sv(1, 'het', 2)], // two (two alleles)
      [sv(1, 'het', 1), sv(0.05, 'het', 2)], // one: the synonymous allele is not damaging
      [sv(0.6, 'hemi')], // one: every chrX allele of a male is haploid
      [sv(0.02, 'hom')], // neither: an intronic allele
    ]);
    expect(exome).toEqual({ twoAlleleGenes: 2, oneAlleleGenes: 2 });
    expect(twoAlleleRarity({ twoAlleleGenes: 20, oneAlleleGenes: 399 }, 1)).toBeCloseTo(
      Math.log(400 / 21),
      12,
    );
    expect(twoAlleleRarity({ twoAlleleGenes: 20, oneAlleleGenes: 399 }, 0.5)).toBeCloseTo(
      0.5 * Math.log(400 / 21),
      12,
    );
    // More two-allele than one-allele genes (a filtered list): no credit, never a penalty.
    expect(twoAlleleRarity({ twoAlleleGenes: 9, oneAlleleGenes: 3 }, 1)).toBe(0);
    expect(twoAlleleRarity(undefined, 1)).toBe(0);
  });

  it('decision 0080: the two-allele credit applies where the mode predicts two alleles', () => {
    const credit = { rarity: Math.log(10), weight: 6 };
    // Unknown mode: a single het allele is one allele, without credit; a het stop-gained with a
    // homozygous missense is two alleles: 6 ln sqrt(0.6) + ln 10 = 0.77 beats one allele's 0.
    expect(genotypeFit([sv(1, 'het')], 'ANY', 'female', undefined, credit)).toMatchObject({
      fit: 'one allele',
      rarity: 0,
    });
    expect(
      genotypeFit([sv(1, 'het', 1), sv(0.6, 'hom', 2)], 'ANY', 'female', undefined, credit),
    ).toMatchObject({ fit: 'two alleles (phase unknown)', rarity: Math.log(10) });
    const hom = genotypeFit([sv(0.9, 'hom')], 'ANY', 'female', undefined, credit);
    expect(hom).toMatchObject({ fit: 'homozygous', score: 0.9, rarity: Math.log(10) });
    // Recessive: two damaging alleles earn it; a second allele below EXOME_DAMAGING does not.
    expect(
      genotypeFit([sv(0.6, 'het', 1), sv(1, 'het', 2)], 'AR', 'female', undefined, credit),
    ).toMatchObject({
      fit: 'two alleles (phase unknown)',
      rarity: Math.log(10),
    });
    expect(
      genotypeFit([sv(1, 'het', 1), sv(0.05, 'het', 2)], 'AR', 'female', undefined, credit),
    ).toMatchObject({
      fit: 'two alleles (phase unknown)',
      rarity: 0,
    });
    // Dominant: two alleles are no likelier when the gene is causal; no credit.
    expect(genotypeFit([sv(0.9, 'hom')], 'AD', 'female', undefined, credit)).toMatchObject({
      fit: 'one allele',
      rarity: 0,
    });
    // A male's hemizygous allele is a single allele by chance: no credit under an unknown mode.
    expect(genotypeFit([sv(0.9, 'hemi')], 'ANY', 'male', undefined, credit).rarity).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { VariantRecord } from './input';
import type { RankingOptions } from './rank';
import { parseCodingLengths } from './codingLength';
import { DEFAULT_RANKING, rankCase } from './rank';
import { tinyCorpus } from './testing/tinyCorpus';

const c = tinyCorpus();
const options: RankingOptions = {
  ...DEFAULT_RANKING,
  likelihood: {
    partial: 0.5,
    unexplained: 0.1,
    excludedWeight: 0.9,
    ascertainment: 1,
    recorded: 0,
    recordedUnknown: 0.5,
    observedTemper: 0,
  },
  novelDisease: -3,
  variantWeight: 1,
};
const variant = (gene: string, consequence: string, zygosity: VariantRecord['zygosity']) => ({
  gene,
  chrom: 'chr1',
  pos: 1000,
  ref: 'C',
  alt: 'T',
  consequence,
  impact: 'HIGH' as const,
  populationAf: null,
  zygosity,
});
const log10 = (x: number) => Math.log(x) / Math.LN10;
const lse = (...xs: number[]) => Math.log(xs.reduce((s, x) => s + Math.exp(x), 0)) / Math.LN10;

describe('issue 17: ranking genes (hand-computed)', () => {
  it('phenotype only: every gene with a disease, by its diseases likelihood ratios', () => {
    const r = rankCase(
      c,
      { observed: ['HP:0000012', 'HP:0000022'], excluded: [], sex: 'female' },
      options,
    );
    expect(r.mode).toBe('pheno');
    expect(r.genes.map((g) => g.symbol)).toEqual(['GENEA', 'GENEB', 'GENEC']);
    expect(r.genes[0]!.score).toBeCloseTo(log10(3 * 0.75), 6);
    expect(r.genes[1]!.score).toBeCloseTo(log10(0.1 * 3), 6);
    expect(r.genes[2]!.score).toBeCloseTo(log10(1 * 0.1), 6);
    expect(r.diseases.map((d) => c.diseases[d.index]!.id)).toEqual(['OMIM:1', 'OMIM:2', 'OMIM:3']);
  });

  it('with variants: genes carrying one, phenotype times genotype under each mode', () => {
    const r = rankCase(
      c,
      {
        observed: ['HP:0000012', 'HP:0000022'],
        excluded: [],
        sex: 'female',
        variants: [
          variant('GENEB', 'missense_variant', 'het'),
          variant('geneC', 'stop_gained', 'het'),
          variant('GENEX', 'synonymous_variant', 'hom'),
        ],
      },
      options,
    );
    expect(r.mode).toBe('vcf');
    const byGene = new Map(r.genes.map((g) => [g.symbol, g]));
    // GENEB: OMIM:2 is recessive, one het missense = carrier (0.6 * 0.1); or a novel disease.
    expect(byGene.get('GENEB')!.score).toBeCloseTo(
      lse(Math.log(0.3 * 0.06), -3 + Math.log(0.6)),
      6,
    );
    expect(byGene.get('GENEB')!.genotype?.fit).toBe('one allele');
    // GENEC: OMIM:3 says nothing on inheritance: one stop-gained allele fits (1.0).
    expect(byGene.get('GENEC')!.score).toBeCloseTo(lse(Math.log(0.1), -3), 6);
    // A gene without a known disease can still rank, on the novel-disease term alone.
    expect(byGene.get('GENEX')!.score).toBeCloseTo(lse(-3 + Math.log(0.05)), 6);
    expect(r.genes.map((g) => g.symbol)).toEqual(['GENEC', 'GENEB', 'GENEX']);
    expect(byGene.has('GENEA')).toBe(false);
  });

  it('issue 17: the same chance variant counts for less in a long gene than in a short one', () => {
    // Background variants fall in proportion to coding length: GENEX (8,000 bases) carries a rare
    // stop-gained allele by chance four times as often as GENEY (2,000), median 2,000.
    const withLengths = { ...c, codingLengths: parseCodingLengths('GENEX:8000,GENEY:2000', 2000) };
    const request = {
      observed: ['HP:0000012'],
      excluded: [],
      sex: 'female' as const,
      variants: [variant('GENEX', 'stop_gained', 'het'), variant('GENEY', 'stop_gained', 'het')],
    };
    const r = rankCase(withLengths, request, { ...options, lengthWeight: 1 });
    expect(r.genes.map((g) => g.symbol)).toEqual(['GENEY', 'GENEX']);
    expect(r.genes[0]!.score).toBeCloseTo(lse(-3), 6);
    expect(r.genes[1]!.score).toBeCloseTo(lse(-3) - Math.log10(4), 6);
    expect(r.genes[1]!.lengthPenalty).toBeCloseTo(Math.log10(4), 12);
    // Without the table (or at weight 0) the two tie, as before.
    const off = rankCase(withLengths, request, { ...options, lengthWeight: 0 });
    expect(off.genes[0]!.score).toBe(off.genes[1]!.score);
  });

  it('issue 17 (decision 0056): observed terms are tempered without variants, not with them', () => {
    const tempered: RankingOptions = {
      ...options,
      likelihood: { ...options.likelihood, observedTemper: 0.5 },
    };
    const request = {
      observed: ['HP:0000012', 'HP:0000022'],
      excluded: [],
      sex: 'female' as const,
    };
    const plain = rankCase(c, request, options);
    const t = rankCase(c, request, tempered);
    // Two observed terms and t = 0.5: every disease's observed ln LR is weighted by 2^-0.5.
    expect(t.phenotype[1]).toBeCloseTo(Math.SQRT1_2 * (plain.phenotype[1] ?? 0), 10);
    const withVariants = { ...request, variants: [variant('GENEB', 'stop_gained', 'het')] };
    expect(rankCase(c, withVariants, tempered).phenotype).toEqual(
      rankCase(c, withVariants, options).phenotype,
    );
  });

  it('issue 17 (decision 0080): one allele annotated on two transcripts of a gene is one allele', () => {
    // VEP writes a CSQ entry per transcript: the same het allele twice is not two alleles.
    const twice = [
      variant('GENEB', 'missense_variant', 'het'),
      variant('GENEB', 'stop_gained', 'het'),
    ];
    const r = rankCase(
      c,
      { observed: ['HP:0000012'], excluded: [], sex: 'female', variants: twice },
      options,
    );
    const g = r.genes.find((x) => x.symbol === 'GENEB')!;
    expect(g.genotype?.fit).not.toBe('two alleles (phase unknown)');
    expect(g.genotype?.variants.map((v) => v.record.consequence)).toEqual(['stop_gained']);
    expect(r.exome).toMatchObject({ twoAlleleGenes: 0, oneAlleleGenes: 1 });
  });

  it("issue 17 (decision 0080): two damaging alleles earn the exome's two-allele rarity", () => {
    // Nine genes with one rare damaging allele, GENEX homozygous missense, GENEY het stop-gained;
    // neither has a known disease. Two alleles are (10 + 1) / (1 + 1) times rarer by chance here.
    const background = Array.from({ length: 9 }, (_, i) => ({
      ...variant(`BG${String(i)}`, 'missense_variant', 'het'),
      pos: 2000 + i,
    }));
    const request = {
      observed: ['HP:0000012'],
      excluded: [],
      sex: 'female' as const,
      variants: [
        ...background,
        variant('GENEX', 'missense_variant', 'hom'),
        { ...variant('GENEY', 'stop_gained', 'het'), pos: 3000 },
      ],
    };
    const on = { ...options, variantWeight: 6, twoAlleleWeight: 1 };
    const r = rankCase(c, request, on);
    expect(r.exome).toEqual({ twoAlleleGenes: 1, oneAlleleGenes: 10, rarity: Math.log(11 / 2) });
    const byGene = new Map(r.genes.map((g) => [g.symbol, g]));
    expect(byGene.get('GENEX')!.genotype).toMatchObject({ fit: 'homozygous', mode: 'ANY' });
    expect(byGene.get('GENEX')!.score).toBeCloseTo(lse(-3 + 6 * Math.log(0.6) + Math.log(5.5)), 6);
    expect(byGene.get('GENEY')!.score).toBeCloseTo(lse(-3), 6);
    // 0.6^6 x 5.5 = 0.26 against 1: the stop-gained allele still leads; at weight 0 the
    // homozygous missense counts as one allele (0.6^6 = 0.047), as before decision 0080.
    const off = rankCase(c, request, { ...on, twoAlleleWeight: 0 });
    expect(new Map(off.genes.map((g) => [g.symbol, g])).get('GENEX')!.score).toBeCloseTo(
      lse(-3 + 6 * Math.log(0.6)),
      6,
    );
    // A homozygous stop-gained against the het one: ahead by the credit alone.
    const hom = rankCase(
      c,
      {
        ...request,
        variants: [
          ...background,
          variant('GENEX', 'stop_gained', 'hom'),
          { ...variant('GENEY', 'stop_gained', 'het'), pos: 3000 },
        ],
      },
      on,
    );
    expect(hom.genes.map((g) => g.symbol).slice(0, 2)).toEqual(['GENEX', 'GENEY']);
    expect(hom.genes[0]!.score - hom.genes[1]!.score).toBeCloseTo(log10(5.5), 6);
    // The whole exome's counts, when the request carries only part of it, are what count.
    const part = rankCase(
      c,
      {
        ...request,
        variants: [variant('GENEX', 'stop_gained', 'hom')],
        exomeGenotypes: { twoAlleleGenes: 1, oneAlleleGenes: 10 },
      },
      on,
    );
    expect(part.genes[0]!.score).toBeCloseTo(hom.genes[0]!.score, 10);
  });
});

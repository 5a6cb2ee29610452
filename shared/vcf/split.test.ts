import { describe, expect, it } from 'vitest';
import { cohortChrom, trimAlleles, variantKey } from './normalize';
import { splitRecord } from './split';
import { parseText, row, vcf } from './testing/parseText';

describe('minimal representation and the variant key', () => {
  it('trims shared bases at the end, then at the start, keeping the padding base of an indel', () => {
    expect(trimAlleles(100, 'TAT', 'TGT')).toEqual({ pos: 101, ref: 'A', alt: 'G' });
    expect(trimAlleles(123, 'AT', 'AAT')).toEqual({ pos: 123, ref: 'A', alt: 'AA' });
    expect(trimAlleles(10, 'CTT', 'CT')).toEqual({ pos: 10, ref: 'CT', alt: 'C' });
    expect(trimAlleles(10, 'gcg', 'GCGCG')).toEqual({ pos: 10, ref: 'G', alt: 'GCG' });
    expect(trimAlleles(5, 'A', 'T')).toEqual({ pos: 5, ref: 'A', alt: 'T' });
  });

  it("uses the cohorts' chromosome names and key form (shared/cohorts/sampleCache.ts, recordConvert.ts)", () => {
    expect(variantKey('chr17', 43045712, 'G', 'A')).toBe('17-43045712-G-A');
    expect(variantKey('13', 32897288, 'ATT', 'A')).toBe('13-32897288-ATT-A');
    expect(variantKey('chrM', 73, 'a', 'g')).toBe('MT-73-A-G');
    expect(cohortChrom('chrX')).toBe('X');
    expect(cohortChrom('chr1_KI270706v1_random')).toBe('chr1_KI270706v1_random');
  });

  it('does not left-align (no reference sequence offline): the same deletion written elsewhere keys differently', () => {
    expect(variantKey('1', 100, 'CAA', 'CA')).toBe('1-100-CA-C');
    expect(variantKey('1', 101, 'AA', 'A')).toBe('1-101-AA-A');
  });
});

describe('splitting multi-allelic records', () => {
  const META = [
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="x">',
    '##INFO=<ID=RR,Number=R,Type=Integer,Description="x">',
    '##INFO=<ID=GG,Number=G,Type=Integer,Description="x">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="x">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="x">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="x">',
    '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="x">',
  ];
  const rec = parseText(
    vcf(
      '4.3',
      META,
      ['S1', 'S2', 'S3'],
      [
        row(
          1,
          100,
          '.',
          'GCA',
          'G,GCAA,TCA',
          9,
          'PASS',
          'AC=1,2,3;RR=10,11,12,13;GG=0,1,2,3,4,5,6,7,8,9;DP=30',
          'GT:AD:PL',
          '1|2:5,6,7,0:0,1,2,3,4,5,6,7,8,9',
          '0/3:1,0,0,2:.',
          '3:1,0,0,9:0,1,2,3',
        ),
      ],
    ),
  ).kept[0];

  it('gives one trimmed, keyed variant per ALT', () => {
    expect(rec).toBeDefined();
    if (rec === undefined) return;
    const v = splitRecord(rec);
    expect(v.map((x) => [x.altIndex, x.kind, x.pos, x.ref, x.alt, x.key])).toEqual([
      [1, 'bases', 100, 'GCA', 'G', '1-100-GCA-G'],
      [2, 'bases', 101, 'C', 'CA', '1-101-C-CA'],
      [3, 'bases', 100, 'G', 'T', '1-100-G-T'],
    ]);
  });

  it('reduces Number=A, R and G INFO values to the allele and keeps the others', () => {
    if (rec === undefined) return;
    const info = splitRecord(rec).map((v) => Object.fromEntries(v.info()));
    expect(info[1]).toEqual({ AC: 2, RR: [10, 12], GG: [0, 3, 5], DP: 30 });
    expect(info[2]).toEqual({ AC: 3, RR: [10, 13], GG: [0, 6, 9], DP: 30 });
  });

  it('recodes genotypes (other ALTs become 0, flagged) and subsets FORMAT values by ploidy', () => {
    if (rec === undefined) return;
    const [a1, a2, a3] = splitRecord(rec);
    expect(a1?.genotype(0)).toEqual({ alleles: [1, 0], phased: true, otherAlt: true });
    expect(a2?.genotype(0)).toEqual({ alleles: [0, 1], phased: true, otherAlt: true });
    expect(a3?.genotype(1)).toEqual({ alleles: [0, 1], phased: false, otherAlt: false });
    expect(Object.fromEntries(a1?.sample(0) ?? [])).toEqual({
      GT: '1|0',
      AD: [5, 6],
      PL: [0, 1, 2],
    });
    expect(Object.fromEntries(a3?.sample(2) ?? [])).toEqual({ GT: '1', AD: [1, 9], PL: [0, 3] });
    expect(a1?.sample(1).get('PL')).toEqual([]);
  });

  it('decision 0095: reads AD, ADF, ADR and AF declared Number=. (GATK 3, VCF 4.2) per allele, and not at all when their length does not fit', () => {
    const text = vcf(
      '4.2',
      [
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="x">',
        '##FORMAT=<ID=AD,Number=.,Type=Integer,Description="x">',
        '##FORMAT=<ID=AF,Number=.,Type=Float,Description="x">',
        '##FORMAT=<ID=XX,Number=.,Type=Integer,Description="x">',
      ],
      ['FITS', 'SHORT'],
      [
        row(
          1,
          100,
          '.',
          'A',
          'C,G,T',
          9,
          'PASS',
          '.',
          'GT:AD:AF:XX',
          '0/1:10,1,2,3:0.1,0.2,0.3:7,8,9',
          '0/2:10,1:0.1:7',
        ),
      ],
    );
    const r = parseText(text).kept[0];
    if (r === undefined) throw new Error('no record');
    const alleles = splitRecord(r);
    expect(alleles.map((v) => [v.sample(0).get('AD'), v.sample(0).get('AF')])).toEqual([
      [[10, 1], 0.1],
      [[10, 2], 0.2],
      [[10, 3], 0.3],
    ]);
    // A list that is not one count per allele cannot say which count is this allele's.
    expect(alleles.map((v) => [v.sample(1).get('AD'), v.sample(1).get('AF')])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    // Keys the app does not read per allele stay as written.
    expect(alleles[2]?.sample(0).get('XX')).toEqual([7, 8, 9]);
  });

  it('keeps symbolic alleles as written and gives none for a reference-only record', () => {
    const p = parseText(
      vcf(
        '4.3',
        [],
        [],
        [row(1, 5, '.', 'C', '<DEL>,*', 5, 'PASS', '.'), row(1, 6, '.', 'C', '.', 5, 'PASS', '.')],
      ),
    );
    const [sym, ref] = p.kept;
    expect(sym === undefined ? [] : splitRecord(sym).map((v) => [v.kind, v.key])).toEqual([
      ['symbolic', '1-5-C-<DEL>'],
      ['overlap', '1-5-C-*'],
    ]);
    expect(ref === undefined ? undefined : splitRecord(ref)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { normaliseChrom, parseAssembly, readRefseq, refseqAccession } from './assembly';
import {
  liftPosition,
  liftSpan,
  liftVariant,
  parseLiftTable,
  refAgrees,
  reverseComplement,
} from './liftover';
import { liftTable } from './liftoverTables';

// A hand-made table: chain 0 maps chr1 [100, 110) and [115, 125) to chr1 [1000, 1010) and
// [1020, 1030) (a 5-base source gap, a 10-base destination gap); chain 1 maps chr2 [0, 50) onto the
// reverse strand of a 1,000-base chr3; chain 2 (lower score) overlaps chain 0 at chr1 [105, 108).
const TOY = [
  '1 1 + 5000 100 1000|a,5,a|a,0,0',
  '2 3 - 1000 0 0|1e,0,0',
  '1 7 + 5000 105 4000|3,0,0',
].join('\n');
const toy = parseLiftTable(TOY);

describe('liftover (issue 15 item 2)', () => {
  it('maps positions inside blocks and says why outside them', () => {
    expect(liftPosition(toy, '1', 100)).toEqual({ chrom: '1', pos0: 1000, strand: '+' });
    expect(liftPosition(toy, 'chr1', 117)).toEqual({ chrom: '1', pos0: 1022, strand: '+' });
    expect(liftPosition(toy, '1', 112)).toBe('unmapped');
    expect(liftPosition(toy, '9', 5)).toBe('unknown-chromosome');
  });

  it('prefers the better-scoring chain where two overlap', () => {
    expect(liftPosition(toy, '1', 106)).toEqual({ chrom: '1', pos0: 1006, strand: '+' });
  });

  it('maps reverse-strand chains to forward coordinates and reverse-complements SNVs', () => {
    expect(liftPosition(toy, '2', 0)).toEqual({ chrom: '3', pos0: 999, strand: '-' });
    expect(liftSpan(toy, '2', 10, 13)).toEqual({ chrom: '3', start0: 987, end0: 990, strand: '-' });
    expect(liftVariant(toy, { chrom: '2', pos: 11, ref: 'AC', alt: 'GT' })).toEqual({
      chrom: '3',
      pos: 989,
      ref: 'GT',
      alt: 'AC',
    });
    expect(liftVariant(toy, { chrom: '2', pos: 11, ref: 'A', alt: 'AT' })).toBe(
      'reverse-strand-indel',
    );
  });

  it('refuses spans that cross a gap or leave the chain, instead of stretching them', () => {
    expect(liftSpan(toy, '1', 108, 117)).toBe('gap');
    expect(liftSpan(toy, '1', 108, 117, { allowGaps: true })).toEqual({
      chrom: '1',
      start0: 1008,
      end0: 1022,
      strand: '+',
    });
    expect(liftSpan(toy, '1', 108, 112)).toBe('unmapped');
  });

  it('matches the published positions of BRAF V600E and TP53 R175H (liftover README)', () => {
    const up = liftTable('GRCh37', 'GRCh38');
    const down = liftTable('GRCh38', 'GRCh37');
    if (up === undefined || down === undefined) throw new Error('tables missing');
    expect(liftVariant(up, { chrom: '7', pos: 140453136, ref: 'A', alt: 'T' })).toEqual({
      chrom: '7',
      pos: 140753336,
      ref: 'A',
      alt: 'T',
    });
    expect(liftPosition(up, '17', 7578406 - 1)).toMatchObject({ chrom: '17', pos0: 7675088 - 1 });
    expect(liftPosition(down, 'chr17', 7675088 - 1)).toMatchObject({ pos0: 7578406 - 1 });
    expect(liftTable('GRCh38', 'GRCh38')).toBeUndefined();
  });

  it('compares REF alleles and reverse-complements', () => {
    expect(reverseComplement('ACGTN')).toBe('NACGT');
    expect(refAgrees('ACG', 'acg')).toBe(true);
    expect(refAgrees('ACG', 'ANG')).toBe(true);
    expect(refAgrees('ACG', 'ATG')).toBe(false);
    expect(refAgrees('A', 'AC')).toBe(false);
  });
});

describe('assembly names and accessions (issue 15 item 2)', () => {
  it('reads assembly names as servers write them, never guessing', () => {
    expect(parseAssembly('GRCh37.p13')).toBe('GRCh37');
    expect(parseAssembly('hg19')).toBe('GRCh37');
    expect(parseAssembly('GCF_000001405.25')).toBe('GRCh37');
    expect(parseAssembly('GCF_000001405.39')).toBe('GRCh38');
    expect(parseAssembly('hg38')).toBe('GRCh38');
    expect(parseAssembly('T2T-CHM13')).toBeUndefined();
    expect(parseAssembly('')).toBeUndefined();
  });

  it('tells GRCh37 and GRCh38 RefSeq accessions apart', () => {
    expect(readRefseq('refseq:NC_000017.10')).toEqual({ chrom: '17', assembly: 'GRCh37' });
    expect(readRefseq('NC_000017.11')).toEqual({ chrom: '17', assembly: 'GRCh38' });
    expect(readRefseq('NC_000023.10')).toEqual({ chrom: 'X', assembly: 'GRCh37' });
    expect(readRefseq('NC_000001.9')).toEqual({ chrom: '1', assembly: undefined });
    expect(refseqAccession('chr7', 'GRCh37')).toBe('NC_000007.13');
    expect(refseqAccession('Y', 'GRCh38')).toBe('NC_000024.10');
    expect(normaliseChrom('NC_000001.11')).toBe('1');
    expect(normaliseChrom('chrM')).toBe('MT');
  });
});

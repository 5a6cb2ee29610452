import { describe, expect, it } from 'vitest';
import { parseGenomic, toBeaconParams } from './parseGenomic';

describe('parseGenomic (STANDARDS 3.2 query types)', () => {
  it('reads a gene symbol, case-insensitively', () => {
    expect(parseGenomic('brca1')).toEqual({ ok: true, query: { kind: 'gene', gene: 'BRCA1' } });
  });
  it('reads gene + amino-acid change in one- and three-letter form', () => {
    expect(parseGenomic('BRAF V600E')).toEqual({
      ok: true,
      query: { kind: 'geneAa', gene: 'BRAF', aa: 'V600E' },
    });
    expect(parseGenomic('BRAF p.Val600Glu')).toEqual({
      ok: true,
      query: { kind: 'geneAa', gene: 'BRAF', aa: 'Val600Glu' },
    });
  });
  it('reads a region with chr prefix and thousands separators as 0-based start, exclusive end', () => {
    const r = parseGenomic('chr17:43,044,295-43,125,483');
    expect(r).toEqual({
      ok: true,
      query: { kind: 'region', chrom: '17', start: 43044295, end: 43125483 },
    });
    if (!r.ok) throw new Error('parse');
    expect(toBeaconParams(r.query)).toEqual({
      assemblyId: 'GRCh38',
      referenceName: '17',
      start: 43044294,
      end: 43125483,
    });
  });
  it('reads a VCF-style variant as a sequence query', () => {
    const r = parseGenomic('7-117559590-ATCT-A');
    expect(r).toEqual({
      ok: true,
      query: { kind: 'variant', chrom: '7', pos: 117559590, ref: 'ATCT', alt: 'A' },
    });
    if (!r.ok) throw new Error('parse');
    expect(toBeaconParams(r.query)).toMatchObject({
      referenceName: '7',
      start: 117559589,
      referenceBases: 'ATCT',
      alternateBases: 'A',
    });
    expect(parseGenomic('X:100-A-G')).toMatchObject({ ok: true, query: { chrom: 'X', pos: 100 } });
  });
  it('empty text is no genomic constraint', () => {
    expect(parseGenomic('  ')).toEqual({ ok: true, query: { kind: 'none' } });
  });
  it('explains what it expected when the text is not understood', () => {
    for (const bad of ['17:500-100', '17', 'BRCA1 notachange', 'chr17:0-5', 'a b c']) {
      const r = parseGenomic(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
});

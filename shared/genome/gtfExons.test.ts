import { describe, expect, it } from 'vitest';
import type { Transcript } from './gtfExons';
import {
  EXON_TABLE_HEADER,
  createGtfCollector,
  exonTableRow,
  parseAttributes,
  parseExonTable,
  pickTranscripts,
} from './gtfExons';

// A tiny synthetic GTF (test data, not an asset): gene GENEA with two transcripts on '+', one
// tagged MANE_Select; gene GENEB outside the panel; a GFF3 row; a comment and a gene row.
const attrs = (tid: string, tags: readonly string[], gene = 'GENEA'): string =>
  `gene_id "G1"; transcript_id "${tid}"; gene_name "${gene}"; exon_number 1; ${tags.map((t) => `tag "${t}";`).join(' ')}`;
const row = (type: string, start: number, end: number, a: string, strand = '+'): string =>
  ['chr1', 'TEST', type, start, end, '.', strand, '.', a].join('\t');
const GTF = [
  '##description: inline test GTF',
  row('gene', 101, 1000, 'gene_id "G1"; gene_name "GENEA";'),
  row('exon', 101, 200, attrs('T1', ['basic'])),
  row('exon', 301, 400, attrs('T1', ['basic'])),
  row('exon', 501, 1000, attrs('T1', ['basic'])),
  row('CDS', 151, 200, attrs('T1', ['basic'])),
  row('CDS', 301, 400, attrs('T1', ['basic'])),
  row('CDS', 501, 700, attrs('T1', ['basic'])),
  row('exon', 501, 1000, attrs('T2', ['basic', 'MANE_Select'])),
  row('exon', 101, 200, attrs('T2', ['basic', 'MANE_Select'])),
  row('CDS', 601, 700, attrs('T2', ['basic', 'MANE_Select'])),
  row('exon', 5001, 5100, attrs('T3', ['basic'], 'GENEB')),
  [
    'chr1',
    'TEST',
    'exon',
    2001,
    2100,
    '.',
    '-',
    '.',
    'ID=exon:T4:1;Parent=T4;gene_name=GENEC;transcript_id=T4;tag=basic,CCDS',
  ].join('\t'),
].join('\n');

const collect = (keep: readonly string[]): Transcript[] => {
  const c = createGtfCollector((s) => keep.includes(s));
  for (const line of GTF.split('\n')) c.add(line);
  return c.transcripts();
};

describe('GTF exon structure (issue 8)', () => {
  it('reads GTF and GFF3 attributes, repeated tags included', () => {
    const a = parseAttributes('gene_name "BRCA1"; tag "basic"; tag "MANE_Select"; level 2;');
    expect(a.get('tag')).toEqual(['basic', 'MANE_Select']);
    expect(a.get('level')).toEqual(['2']);
    expect(parseAttributes('ID=x;tag=basic,CCDS;Note=a%3Bb').get('Note')).toEqual(['a;b']);
  });

  it('collects exon and CDS rows per transcript of the kept genes, 0-based half-open', () => {
    const ts = collect(['GENEA', 'GENEC']);
    expect(ts.map((t) => t.transcriptId)).toEqual(['T1', 'T2', 'T4']);
    const t1 = ts[0];
    expect(t1?.exons).toEqual([
      { start0: 100, end: 200 },
      { start0: 300, end: 400 },
      { start0: 500, end: 1000 },
    ]);
    expect(t1?.cds).toEqual({ start0: 150, end: 700 });
    // Exons arrive in any order; they come out sorted.
    expect(ts[1]?.exons.map((e) => e.start0)).toEqual([100, 500]);
    expect(ts[2]).toMatchObject({ symbol: 'GENEC', strand: '-', tags: ['CCDS', 'basic'] });
  });

  it('picks the MANE Select transcript over a longer coding one', () => {
    const [a] = pickTranscripts(collect(['GENEA']));
    expect(a?.transcriptId).toBe('T2');
    const [b] = pickTranscripts(collect(['GENEA']).filter((t) => t.transcriptId !== 'T2'));
    expect(b?.transcriptId).toBe('T1');
  });

  it('writes a table row the app reads back with coding and UTR exons marked as igv draws them', () => {
    const t1 = collect(['GENEA'])[0];
    if (t1 === undefined) throw new Error('no transcript');
    const line = exonTableRow(t1);
    expect(line).toBe('chr1\t100\t1000\tGENEA\t+\tT1\t150\t700\t100,100,500\t0,200,400\n');
    const [back] = parseExonTable(`${EXON_TABLE_HEADER}${line}`);
    expect(back?.exons).toEqual([
      { start: 100, end: 200, cdStart: 150 },
      { start: 300, end: 400 },
      { start: 500, end: 1000, cdEnd: 700 },
    ]);
    expect(parseExonTable(EXON_TABLE_HEADER)).toEqual([]);
  });
});

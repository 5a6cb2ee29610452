import { describe, expect, it } from 'vitest';
import { parseText, row, utf8, vcf } from './testing/parseText';

const META_43 = [
  '##contig=<ID=1,length=1000>',
  '##INFO=<ID=N1,Number=1,Type=Integer,Description="x">',
  '##INFO=<ID=FA,Number=A,Type=Float,Description="x">',
  '##INFO=<ID=SR,Number=R,Type=String,Description="x">',
  '##INFO=<ID=CH,Number=1,Type=Character,Description="x">',
  '##INFO=<ID=FL,Number=0,Type=Flag,Description="x">',
  '##INFO=<ID=TX,Number=1,Type=String,Description="x">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="x">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="x">',
  '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="x">',
];

/** Errors for one record (4.3 unless given) with samples S1 and S2. */
const errorsOf = (line: string, version = '4.3', meta = META_43): string[] =>
  parseText(vcf(version, meta, ['S1', 'S2'], [line])).errors;
const ok = (info: string, s1 = '0/1:5', s2 = '0/0:3', alt = 'T'): string =>
  row(1, 100, '.', 'C', alt, 50, 'PASS', info, 'GT:DP', s1, s2);

describe('VCF records (VCF §1.6)', () => {
  it('accepts a clean record and decodes INFO, samples and genotypes by the header', () => {
    const p = parseText(
      vcf(
        '4.3',
        META_43,
        ['S1', 'S2'],
        [
          row(
            1,
            100,
            'rs1;rs2',
            'C',
            'T,G',
            50,
            'PASS',
            'N1=3;FA=0.5,1e-3;SR=a,b%3Bc,d;FL;TX=x%2Cy',
            'GT:DP:PL',
            '1|2:7:0,1,2,3,4,5',
            './.',
          ),
        ],
      ),
    );
    expect(p.errors).toEqual([]);
    const r = p.kept[0];
    expect(r).toBeDefined();
    if (r === undefined) return;
    expect([r.chrom, r.pos, r.ids, r.ref, r.alts, r.qual, r.filters]).toEqual([
      '1',
      100,
      ['rs1', 'rs2'],
      'C',
      ['T', 'G'],
      50,
      ['PASS'],
    ]);
    expect(Object.fromEntries(r.info())).toEqual({
      N1: 3,
      FA: [0.5, 0.001],
      SR: ['a', 'b;c', 'd'],
      FL: true,
      TX: 'x,y',
    });
    expect(r.infoValue('FA')).toEqual([0.5, 0.001]);
    expect(r.infoValue('N')).toBeUndefined();
    expect(Object.fromEntries(r.sample(0))).toEqual({ GT: '1|2', DP: 7, PL: [0, 1, 2, 3, 4, 5] });
    expect(r.genotype(0)).toEqual({ alleles: [1, 2], phased: true });
    expect(r.genotype(1)).toEqual({ alleles: [null, null], phased: false });
  });

  it('names a record cut off before its sample columns, and a tab at the end of a line', () => {
    expect(errorsOf(row(1, 100, '.', 'C', 'T', 50, 'PASS', '.'))).toEqual([
      't.vcf:13: expected 11 tab-separated columns (8 fixed, FORMAT and 2 samples), found 8; the line is cut off or malformed',
    ]);
    expect(errorsOf(`${ok('.')}\t`)[0]).toContain('found 12 (a tab at the end of the line?)');
    expect(errorsOf(row(1, 100, '.', 'C', 'T', 50, 'PASS', '.', 'GT', '0/1'))[0]).toContain(
      'expected 11 tab-separated columns (8 fixed, FORMAT and 2 samples), found 10',
    );
  });

  it('checks CHROM, POS, ID, REF, ALT, QUAL and FILTER', () => {
    const line = (
      cols: Partial<Record<'chrom' | 'pos' | 'id' | 'ref' | 'alt' | 'qual' | 'filter', string>>,
    ): string =>
      row(
        cols.chrom ?? '1',
        cols.pos ?? '100',
        cols.id ?? '.',
        cols.ref ?? 'C',
        cols.alt ?? 'T',
        cols.qual ?? '5',
        cols.filter ?? 'PASS',
        '.',
        'GT',
        '0/1',
        '0/0',
      );
    expect(errorsOf(line({ chrom: 'chr 1' }))[0]).toContain('CHROM: "chr 1" contains white space');
    expect(errorsOf(line({ pos: '12a' }))[0]).toContain('POS: "12a" is not a position');
    expect(errorsOf(line({ pos: '1002' }))[0]).toContain(
      'POS: 1002 is past the end of 1 (length 1000 in its ##contig line)',
    );
    expect(errorsOf(line({ pos: '1001' }))).toEqual([]);
    expect(errorsOf(line({ id: 'rs1;rs1' }))[0]).toContain('ID: "rs1" is listed twice');
    expect(errorsOf(line({ id: 'rs1;' }))[0]).toContain('has an empty identifier');
    expect(errorsOf(line({ ref: 'CB' }))[0]).toContain('REF: "CB" is not a sequence of bases');
    expect(errorsOf(line({ alt: 'T,,G' }))[0]).toContain('ALT: allele 2 "" is empty');
    expect(errorsOf(line({ alt: 'c' }))[0]).toContain('is the same as REF');
    expect(errorsOf(line({ alt: 'T,T' }))[0]).toContain('"T" is listed twice');
    expect(errorsOf(line({ alt: '<DEL>BLAH>' }))[0]).toContain('is not a symbolic allele');
    expect(errorsOf(line({ alt: '[1:5[' }))[0]).toContain('is not a valid breakend');
    expect(errorsOf(line({ alt: 'T,<DEL>,*,<*>,C[1:5[,]1:7]A,.A,G.' }))).toEqual([]);
    expect(errorsOf(line({ qual: '-1' }))[0]).toContain('QUAL: -1 is negative');
    expect(errorsOf(line({ qual: 'NaN' }))).toEqual([]);
    expect(errorsOf(line({ filter: 'q10;.' }))[0]).toContain('mixes "."');
    expect(errorsOf(line({ filter: 'a;0' }))[0]).toContain('"0" is reserved');
    expect(errorsOf(line({ filter: 'a;a' }))[0]).toContain('"a" is listed twice');
  });

  it('types INFO values by the header: Number (1, A, R) and Type (Integer, Float, Character, Flag)', () => {
    expect(errorsOf(ok('N1=1,2'))[0]).toContain(
      'INFO N1: has 2 values, expected 1 (Number=1, Type=Integer (##INFO on line 3))',
    );
    expect(errorsOf(ok('FA=0.1,0.2'))[0]).toContain('INFO FA: has 2 values, expected 1');
    expect(errorsOf(ok('SR=a'))[0]).toContain('INFO SR: has 1 value, expected 2');
    expect(errorsOf(ok('N1=1.5'))[0]).toContain('"1.5" is not an Integer');
    expect(errorsOf(ok('FA=1.'))[0]).toContain('"1." is not a Float');
    expect(errorsOf(ok('CH=ab'))[0]).toContain('"ab" is not a single Character');
    expect(errorsOf(ok('FL=yes'))[0]).toContain('INFO FL: is a Flag');
    expect(errorsOf(ok('N1'))[0]).toContain('INFO N1: has no value');
    expect(errorsOf(ok('N1=1;N1=2'))[0]).toContain('INFO N1: appears twice');
    expect(errorsOf(ok('N1=1;;FL'))[0]).toContain('has an empty entry');
    expect(errorsOf(ok('N1=.;FA=.;SR=.'))).toEqual([]);
  });

  it('applies the reserved definitions to undeclared keys (AC, AF, DP, DB…), with their ranges', () => {
    expect(errorsOf(ok('AC=-1'))[0]).toContain('INFO AC: "-1" is negative; a count cannot be');
    expect(errorsOf(ok('AF=1.5'))[0]).toContain('INFO AF: "1.5" is above 1');
    expect(errorsOf(ok('DB=2'))[0]).toContain(
      'INFO DB: is a Flag (Number=0, Type=Flag (reserved by VCFv4.3',
    );
    expect(errorsOf(ok('CIGAR=1M2Q'))[0]).toContain('is not a valid CIGAR value');
    expect(errorsOf(ok('UNDECLARED=anything,goes'))).toEqual([]);
  });

  it('follows the version: 32-bit integers (reserved from 4.3), INFO keys and spaces', () => {
    expect(errorsOf(ok('N1=2147483648'))[0]).toContain('outside the 32-bit Integer range');
    expect(errorsOf(ok('N1=-2147483648'))[0]).toContain('reserves (for BCF)');
    expect(errorsOf(ok('N1=-2147483648'), '4.2')).toEqual([]);
    expect(errorsOf(ok('1X=3'))[0]).toContain('"1X" is not a valid INFO key');
    expect(errorsOf(ok('1X=3'), '4.2')).toEqual([]);
    expect(errorsOf(ok('TX=a b'))).toEqual([]);
    expect(errorsOf(ok('TX=a b'), '4.2')[0]).toContain('contains white space');
  });

  it('checks FORMAT keys and every sample: GT first and valid, fields typed and counted by ploidy', () => {
    const rec = (format: string, s1: string, s2 = '.', alt = 'T'): string =>
      row(1, 100, '.', 'C', alt, 5, 'PASS', '.', format, s1, s2);
    expect(errorsOf(rec('DP:GT', '3:0/1'))[0]).toContain(
      'FORMAT GT: GT must be the first FORMAT key',
    );
    expect(errorsOf(rec('GT:DP:DP', '0/1'))[0]).toContain('FORMAT DP: appears twice');
    expect(errorsOf(rec('GT::DP', '0/1'))[0]).toContain('has an empty key');
    expect(errorsOf(rec('GT:MIN_DP', '0/1'))).toEqual([]);
    expect(errorsOf(rec('GT:MIN_DP', '0/1'), '4.2')[0]).toContain('alphanumeric before VCF 4.3');
    expect(errorsOf(rec('GT', '0/2'))[0]).toContain(
      'sample S1 GT: allele 2 does not exist: the record has 1 ALT allele',
    );
    expect(errorsOf(rec('GT', '0/|1'))[0]).toContain('is not a genotype');
    expect(errorsOf(rec('GT:DP', '0/1:3:4'))[0]).toContain(
      'sample S1: has more fields than the 2 FORMAT keys (GT:DP)',
    );
    expect(errorsOf(rec('GT:DP', '0/1:x'))[0]).toContain('sample S1 DP: "x" is not an Integer');
    expect(errorsOf(rec('GT:PL', '0/1:1,2'))[0]).toContain(
      'sample S1 PL: has 2 values, expected 3',
    );
    expect(errorsOf(rec('GT:PL', '1:1,2'))).toEqual([]);
    expect(errorsOf(rec('GT:PL', '0/1/1:1,2,3,4'))).toEqual([]);
    expect(errorsOf(rec('GT:PL', '0/1:0,1,2,3,4,5', '.', 'T,G'))).toEqual([]);
    expect(errorsOf(rec('GT:DP', ''))[0]).toContain('sample S1: is empty; write "."');
  });

  it('reads 4.4 leading phase indicators and 4.5 local alleles (LAA, Number=LA, empty lists)', () => {
    const m = [
      '##FORMAT=<ID=LAA,Number=.,Type=Integer,Description="x">',
      '##FORMAT=<ID=LAD,Number=LR,Type=Integer,Description="x">',
    ];
    const rec = (s1: string): string =>
      row(1, 100, '.', 'C', 'T,G', 5, 'PASS', '.', 'GT:LAA:LAD', s1, '.');
    expect(errorsOf(rec('0/2:2:5,6'), '4.5', m)).toEqual([]);
    expect(errorsOf(rec('0/2:2:5'), '4.5', m)[0]).toContain('LAD: has 1 value, expected 2');
    expect(errorsOf(rec('0/0::5'), '4.5', m)).toEqual([]);
    expect(errorsOf(row(1, 100, '.', 'C', 'T', 5, 'PASS', '.', 'GT', '|0/1', '.'), '4.4')).toEqual(
      [],
    );
    expect(
      errorsOf(row(1, 100, '.', 'C', 'T', 5, 'PASS', '.', 'GT', '|0/1', '.'), '4.3')[0],
    ).toContain('is not a genotype');
  });

  it('wants each contig as one block, positions sorted, and no variant twice (compared trimmed)', () => {
    const rec = (chrom: string, pos: number, ref = 'C', alt = 'T'): string =>
      row(chrom, pos, '.', ref, alt, 5, 'PASS', '.', 'GT', '0/1', '0/0');
    const errs = (lines: string[]): string[] =>
      parseText(vcf('4.3', [], ['S1', 'S2'], lines)).errors;
    expect(errs([rec('1', 5), rec('1', 4)])[0]).toContain(
      't.vcf:4: POS: POS 4 comes after POS 5 on 1; records must be sorted',
    );
    expect(errs([rec('1', 5), rec('2', 4), rec('1', 9)])[0]).toContain(
      'records of contig 1 do not form one block',
    );
    expect(errs([rec('1', 123, 'TAT', 'TGT'), rec('1', 124, 'A', 'G')])[0]).toContain(
      't.vcf:4: ALT: A>G is the same variant as line 3',
    );
    expect(errs([rec('1', 5, 'C', '<INS>'), rec('1', 5, 'C', '<INS>')])).toEqual([]);
  });

  it('needs the final line break from 4.3 on, and reads CR+LF', () => {
    const text = vcf('4.3', [], [], [row(1, 5, '.', 'C', 'T', 5, 'PASS', '.')]).slice(0, -1);
    expect(parseText(text).errors).toEqual([
      't.vcf:3: the last line does not end with a line break (is the file cut off?)',
    ]);
    expect(parseText(text.replace('VCFv4.3', 'VCFv4.2')).errors).toEqual([]);
    expect(parseText(`${text.replace(/\n/g, '\r\n')}\r\n`).errors).toEqual([]);
  });

  it('names binary junk by line: control characters, bytes that are not UTF-8, a byte order mark', () => {
    const good = vcf('4.3', [], [], [row(1, 5, '.', 'C', 'T', 5, 'PASS', '.')]);
    expect(parseText(`${good}1\t6\t.\tC\u0000\tT\t5\tPASS\t.\n`).errors[0]).toContain(
      't.vcf:4: contains the control character 0x00',
    );
    const bytes = utf8(good);
    const junk = new Uint8Array([...bytes, 0xff, 0xfe, 0x0a]);
    expect(parseText(junk).errors[0]).toContain('t.vcf:4: is not UTF-8 text');
    expect(parseText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).errors[0]).toContain(
      't.vcf:1: starts with a UTF-8 byte order mark',
    );
  });

  it('gives the same answer whatever the chunk size (lines and UTF-8 characters split across chunks)', () => {
    const text = vcf(
      '4.3',
      ['##INFO=<ID=TX,Number=1,Type=String,Description="é">'],
      ['S1', 'S2'],
      [ok('TX=Zürich'), row(1, 50, '.', 'C', 'T', 5, 'PASS', '.', 'GT:DP', '0/9', '.')],
    );
    const whole = parseText(text);
    for (const size of [1, 2, 3, 7, 64]) {
      const p = parseText(text, size);
      expect(p.errors).toEqual(whole.errors);
      expect(p.kept.map((r) => r.infoValue('TX'))).toEqual(['Zürich']);
    }
  });

  it('names a "#" line or an empty line among the records', () => {
    const errs = parseText(
      vcf('4.3', [], [], [row(1, 5, '.', 'C', 'T', 5, 'PASS', '.'), '#comment', '']),
    ).errors;
    expect(errs).toEqual([
      't.vcf:4: a "#" line after the #CHROM header line; only data lines may follow it',
      't.vcf:5: is empty; every line after #CHROM must be a record',
    ]);
  });

  it('warns (and accepts) "=" inside an INFO value, and quoted free text', () => {
    const p = parseText(
      vcf(
        '4.3',
        META_43,
        ['S1', 'S2'],
        [ok('TX=a=b'), row(1, 101, '.', 'C', 'T', 5, 'PASS', 'TX="a,b"', 'GT:DP', '0/1', '.')],
      ),
    );
    expect(p.errors).toEqual([]);
    expect(p.warningLines).toEqual([
      't.vcf:13: warning: INFO TX: contains "=" in its value, which INFO values may not (encode it as %3D)',
    ]);
  });
});

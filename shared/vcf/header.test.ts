import { describe, expect, it } from 'vitest';
import { parseText, vcf } from './testing/parseText';

/** Errors of a file with these header lines and no records. */
const headerErrors = (version: string, meta: string[]): string[] =>
  parseText(vcf(version, meta, [], [])).errors;

describe('VCF header (VCF §1.4, §1.5)', () => {
  it('needs ##fileformat=VCFv4.1…4.5 on line 1, and says which versions it reads', () => {
    expect(parseText('#CHROM\tPOS\n').errors).toEqual([
      't.vcf:1: header fileformat: the first line must be ##fileformat=VCFv4.x (4.1 to 4.5); found "#CHROM\tPOS"',
    ]);
    expect(parseText('##fileformat=VCFv4.0\n').errors[0]).toContain(
      '"VCFv4.0" is not one of VCFv4.1, VCFv4.2, VCFv4.3, VCFv4.4, VCFv4.5',
    );
    expect(parseText('').errors).toEqual([
      't.vcf:1: the file is empty; a VCF starts with ##fileformat=VCFv4.x',
    ]);
  });

  it('names a missing #CHROM line, a line that is not ## meta, and a data line before #CHROM', () => {
    expect(parseText('##fileformat=VCFv4.3\n##x=1\n').errors).toEqual([
      't.vcf:2: header: the #CHROM header line is missing (expected after the ## lines)',
    ]);
    const p = parseText(
      '##fileformat=VCFv4.3\nhello\n1\t2\t.\tA\tC\t.\t.\t.\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n',
    );
    expect(p.errors[0]).toMatch(/^t\.vcf:2: header: a line before the #CHROM header line/);
    expect(p.errors[1]).toMatch(/^t\.vcf:3: header: a data line before the #CHROM header line/);
  });

  it('checks meta lines: key=value, non-empty, structured lines closed, quotes escaped', () => {
    expect(headerErrors('4.3', ['##Some text'])[0]).toContain(
      ':2: header: a meta-information line must be ##key=value',
    );
    expect(headerErrors('4.3', ['##reference='])[0]).toContain('##reference= has an empty value');
    expect(
      headerErrors('4.3', ['##INFO=<ID=A,Number=1,Type=Integer,Description="x"'])[0],
    ).toContain('must end with ">"');
    expect(
      headerErrors('4.3', ['##INFO=<ID=A,Number=1,Type=Integer,Description="a "b" c">'])[0],
    ).toContain('must be escaped');
    expect(
      headerErrors('4.3', ['##INFO=<ID=A,Number=1,Type=Integer,Description="a \\"b\\" c">']),
    ).toEqual([]);
    expect(headerErrors('4.3', ['##fileformat=VCFv4.3'])[0]).toContain('may appear only once');
  });

  it('checks ##INFO and ##FORMAT: required fields, Number, Type, quoted Description', () => {
    expect(headerErrors('4.3', ['##INFO=<ID=A,Number=1,Type=Integer>'])[0]).toContain(
      'Description missing',
    );
    expect(
      headerErrors('4.3', ['##INFO=<ID=A,Number=N,Type=Integer,Description="x">'])[0],
    ).toContain('header Number: Number=N is not');
    expect(headerErrors('4.3', ['##INFO=<ID=A,Number=1,Type=Int,Description="x">'])[0]).toContain(
      'header Type: Type=Int is not one of',
    );
    expect(
      headerErrors('4.3', ['##FORMAT=<ID=A,Number=0,Type=Flag,Description="x">'])[0],
    ).toContain('Type=Flag is not one of Integer, Float, Character, String');
    expect(headerErrors('4.3', ['##INFO=<ID=A,Number=1,Type=Integer,Description=x>'])[0]).toContain(
      'Description must be surrounded by double quotes',
    );
    expect(
      headerErrors('4.3', ['##INFO=<ID=1A,Number=1,Type=Integer,Description="x">'])[0],
    ).toContain('ID "1A" is not a valid INFO key');
  });

  it('knows which Number letters each version has (R from 4.2, P/M from 4.4, LA/LR/LG from 4.5)', () => {
    const def = (n: string): string => `##FORMAT=<ID=X,Number=${n},Type=Integer,Description="x">`;
    expect(headerErrors('4.1', [def('R')])[0]).toContain('Number=R is not');
    expect(headerErrors('4.2', [def('R')])).toEqual([]);
    expect(headerErrors('4.3', [def('P')])[0]).toContain('Number=P is not');
    expect(headerErrors('4.4', [def('P')])).toEqual([]);
    expect(headerErrors('4.4', [def('LA')])[0]).toContain('Number=LA is not');
    expect(headerErrors('4.5', [def('LA')])).toEqual([]);
  });

  it("holds reserved keys to the version's table (AD is reserved from 4.3)", () => {
    expect(
      headerErrors('4.3', ['##INFO=<ID=DP,Number=2,Type=Integer,Description="x">'])[0],
    ).toContain('DP is reserved by VCFv4.3 as Number=1, not 2');
    expect(
      headerErrors('4.3', ['##FORMAT=<ID=AD,Number=A,Type=Integer,Description="x">'])[0],
    ).toContain('AD is reserved by VCFv4.3 as Number=R, not A');
    expect(headerErrors('4.1', ['##FORMAT=<ID=AD,Number=.,Type=Integer,Description="x">'])).toEqual(
      [],
    );
  });

  it('wants ID, Number, Type, Description first up to 4.3, in any order from 4.4', () => {
    const line = '##INFO=<Number=1,Type=Integer,Description="x",ID=A>';
    expect(headerErrors('4.3', [line])[0]).toContain(
      'fields must start with ID, Number, Type, Description',
    );
    expect(headerErrors('4.4', [line])).toEqual([]);
  });

  it('wants unique IDs per key from 4.3; earlier files keep the first definition', () => {
    const twice = ['##contig=<ID=1>', '##contig=<ID=1,length=5>'];
    expect(headerErrors('4.3', twice)[0]).toContain(
      't.vcf:3: header ID: ##contig ID=1 is declared twice (first on line 2)',
    );
    expect(headerErrors('4.2', twice)).toEqual([]);
  });

  it('checks contig names by version: no ":" up to 4.3, SAM names from 4.3', () => {
    expect(headerErrors('4.2', ['##contig=<ID=HLA-A*01:01>'])[0]).toContain('contains ":"');
    expect(headerErrors('4.4', ['##contig=<ID=HLA-A*01:01>'])).toEqual([]);
    expect(headerErrors('4.3', ['##contig=<ID=*1>'])[0]).toContain('is not a valid contig name');
    expect(headerErrors('4.3', ['##contig=<ID=1,length=12x>'])[0]).toContain(
      'length=12x is not a whole number',
    );
  });

  it('checks ##ALT IDs: SV types with subtypes; before 4.3 also IUPAC codes, * and NON_REF', () => {
    const alt = (id: string): string => `##ALT=<ID=${id},Description="x">`;
    expect(headerErrors('4.3', [alt('THIS:IS')])[0]).toContain(
      'a structural-variant ID starts with DEL, INS',
    );
    expect(headerErrors('4.2', [alt('DEL1')])[0]).toContain('neither a structural-variant type');
    expect(headerErrors('4.2', [alt('NON_REF'), alt('*'), alt('R'), alt('DUP:TANDEM')])).toEqual(
      [],
    );
    expect(headerErrors('4.3', [alt('customcontig')])).toEqual([]);
  });

  it('checks URLs of ##assembly and ##pedigreeDB, and PEDIGREE/SAMPLE/META lines', () => {
    expect(headerErrors('4.3', ['##assembly=ftp://8080:8080/x.fa'])[0]).toContain(
      'a number, not a host name',
    );
    expect(
      headerErrors('4.3', [
        '##assembly=https://example.org/x.fa',
        '##pedigreeDB=file:///data/p.db',
      ]),
    ).toEqual([]);
    expect(headerErrors('4.3', ['##PEDIGREE=<ID=C,Father=a:b>'])[0]).toContain(
      '"a:b" is not a genome id',
    );
    expect(headerErrors('4.3', ['##PEDIGREE=<Father=F,Mother=M>'])[0]).toContain(
      '##PEDIGREE needs an ID',
    );
    expect(headerErrors('4.2', ['##SAMPLE=<ID=S,Mixture=1,Description="x">'])[0]).toContain(
      'Genomes missing',
    );
    expect(headerErrors('4.3', ['##META=<ID=Assay,Number=.,Type=String,Values=WGS>'])[0]).toContain(
      'Values must be a list',
    );
  });

  it('checks the #CHROM line: the 8 columns, FORMAT before samples, unique sample ids', () => {
    const p = (line: string): string[] => parseText(`##fileformat=VCFv4.3\n${line}\n`).errors;
    expect(p('#CHROM\tPOSITION\tID\tREF\tALT\tQUAL\tFILTER\tINFO')[0]).toContain(
      'column 2 of the #CHROM line must be POS (found "POSITION")',
    );
    expect(p('#CHROM POS ID REF ALT QUAL FILTER INFO')[0]).toContain('must be tab-separated');
    expect(p('#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT')[0]).toContain(
      'at least one sample column',
    );
    expect(p('#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\tA')[0]).toContain(
      'sample "A" appears twice (columns 10 and 12)',
    );
  });

  it('warns, without refusing, about a Flag with a Number other than 0', () => {
    const r = parseText(vcf('4.3', ['##INFO=<ID=F,Number=A,Type=Flag,Description="x">'], [], []));
    expect(r.errors).toEqual([]);
    expect(r.warningLines).toEqual([
      't.vcf:2: warning: header Number: a Flag should have Number=0 (found Number=A)',
    ]);
  });
});

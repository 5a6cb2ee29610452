import { gzipSync } from 'node:zlib';
import { row, utf8, vcf } from '../../../../shared/vcf/testing/parseText';
import { readVcf } from '../../../../shared/vcf';
import type { VcfProblem } from '../../../../shared/vcf';
import { VCF_PROBLEM_CODES, VcfProblemSchema } from '../../../../shared/vcf/channels';
import { toBgzf } from '../bgzfWriter';
import { nodeInflater } from '../nodeVcf';

// One small failing VCF per problem code of the shared reader (issue 22, decision 0069), built
// inline after the hts-specs failed/ cases: vcfProblemCodes.test.ts checks each is coded.

const META = [
  '##contig=<ID=1,length=1000>',
  '##INFO=<ID=N1,Number=1,Type=Integer,Description="x">',
  '##INFO=<ID=FA,Number=A,Type=Float,Description="x">',
  '##INFO=<ID=CH,Number=1,Type=Character,Description="x">',
  '##INFO=<ID=FL,Number=0,Type=Flag,Description="x">',
  '##INFO=<ID=TX,Number=1,Type=String,Description="x">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="x">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="x">',
];
const HEAD = '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO';

/** A record of sample S1 (4.3 unless given); `cols` replace the columns from CHROM on. */
const rec = (cols: Partial<Record<number, string | number>>, version = '4.3'): string => {
  const base: (string | number)[] = [1, 100, '.', 'C', 'T', 50, 'PASS', '.', 'GT:DP', '0/1:5'];
  for (const [i, v] of Object.entries(cols)) if (v !== undefined) base[Number(i)] = v;
  return vcf(version, META, ['S1'], [row(...base)]);
};
export const info = (text: string, version = '4.3'): string => rec({ 7: text }, version);
const sites = (line: string): string => vcf('4.3', META, [], [line]);
const header = (line: string, version = '4.3'): string => vcf(version, [line], [], []);
const chromLine = (line: string): string => `##fileformat=VCFv4.3\n${line}\n`;

/** One inline failing VCF per code (text, or bytes for what is not text). */
export const TEXT_CASES: readonly (readonly [string, string | Uint8Array])[] = [
  ['empty', ''],
  ['bom', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('hello\n')])],
  ['fileformat', 'hello\n'],
  ['no-chrom-line', '##fileformat=VCFv4.3\n##source=x\n'],
  ['cut-off', rec({}).slice(0, -1)],
  ['hash-after-header', `${sites(row(1, 100, '.', 'C', 'T', 50, 'PASS', '.'))}#x\n`],
  ['empty-line', `${sites(row(1, 100, '.', 'C', 'T', 50, 'PASS', '.'))}\n`],
  ['before-header', '##fileformat=VCFv4.3\nhello\n'],
  ['before-header-hash', '##fileformat=VCFv4.3\n#hello\n'],
  ['before-header-data', '##fileformat=VCFv4.3\n1\t100\n'],
  ['not-utf8', Uint8Array.from([...utf8('##fileformat=VCFv4.3\n##x='), 0xff, 0x0a])],
  ['binary', '##fileformat=VCFv4.3\n##x=a\u0001b\n'],
  ['columns-short', vcf('4.3', META, ['S1'], [row(1, 100, '.', 'C', 'T')])],
  ['columns-short-sites', sites(row(1, 100, '.', 'C'))],
  ['columns-spaces', vcf('4.3', META, ['S1'], ['1 100 . C T 50 PASS . GT 0/1'])],
  ['columns-spaces-sites', sites('1 100 . C T 50 PASS .')],
  ['columns-count', `${rec({}).slice(0, -1)}\t0/0:3\n`],
  ['columns-tab-end', `${rec({}).slice(0, -1)}\t\n`],
  ['columns-no-format', sites(row(1, 100, '.', 'C', 'T', 50, 'PASS', '.', 'x'))],
  ['empty-value', rec({ 2: '' })],
  ['ref-not-bases', rec({ 3: 'X' })],
  ['name-empty', rec({ 0: '' })],
  ['name-space', rec({ 0: 'chr 1' })],
  ['name-comma', rec({ 0: 'a,b' })],
  ['name-angle', rec({ 0: 'a<b' })],
  ['name-colon', rec({ 0: 'chr1:2' })],
  ['name-invalid', rec({ 0: '*abc' })],
  ['name-star', rec({ 0: 'ab*c' })],
  ['pos-invalid', rec({ 1: 'x' })],
  ['pos-past-end', rec({ 1: 5000 })],
  [
    'order-block',
    sites(
      [
        row(1, 100, '.', 'C', 'T', 50, 'PASS', '.'),
        row(2, 100, '.', 'C', 'T', 50, 'PASS', '.'),
        row(1, 200, '.', 'C', 'T', 50, 'PASS', '.'),
      ].join('\n'),
    ),
  ],
  [
    'order-position',
    sites(
      [
        row(1, 200, '.', 'C', 'T', 50, 'PASS', '.'),
        row(1, 100, '.', 'C', 'T', 50, 'PASS', '.'),
      ].join('\n'),
    ),
  ],
  ['alt-is-ref', rec({ 4: 'C' })],
  ['alt-twice', rec({ 4: 'T,T' })],
  [
    'alt-same-variant',
    sites(
      [
        row(1, 100, '.', 'C', 'T', 50, 'PASS', '.'),
        row(1, 100, '.', 'C', 'T', 50, 'PASS', '.'),
      ].join('\n'),
    ),
  ],
  ['alt-empty', rec({ 4: 'T,,G' })],
  ['alt-symbolic', rec({ 4: '<DE L>' })],
  ['alt-space', rec({ 4: 'A B' })],
  ['alt-invalid', rec({ 4: 'XYZ' })],
  ['alt-breakend', rec({ 4: 'G[1:100' })],
  ['id-space', rec({ 2: 'rs 1' })],
  ['id-empty', rec({ 2: 'rs1;;rs2' })],
  ['id-twice', rec({ 2: 'rs1;rs1' })],
  ['qual-invalid', rec({ 5: 'abc' })],
  ['qual-negative', rec({ 5: '-5' })],
  ['filter-empty', rec({ 6: 'q10;;s50' })],
  ['filter-mixed', rec({ 6: 'q10;.' })],
  ['filter-space', rec({ 6: 'q 10' })],
  ['filter-zero', rec({ 6: '0' })],
  ['filter-twice', rec({ 6: 'q10;q10' })],
  ['format-empty-key', rec({ 8: 'GT::DP', 9: '0/1' })],
  ['format-key-pattern', rec({ 8: 'GT:1X', 9: '0/1:2' })],
  ['format-key-alphanumeric', rec({ 8: 'GT:X_Y', 9: '0/1:2' }, '4.2')],
  ['format-twice', rec({ 8: 'GT:DP:DP', 9: '0/1:2:3' })],
  ['format-gt-first', rec({ 8: 'DP:GT', 9: '2:0/1' })],
  [
    'format-laa',
    vcf(
      '4.5',
      [...META, '##FORMAT=<ID=LAD,Number=LR,Type=Integer,Description="x">'],
      ['S1'],
      [row(1, 100, '.', 'C', 'T', 50, 'PASS', '.', 'GT:LAD', '0/1:1,2')],
    ),
  ],
  ['info-space', info('TX=a b', '4.2')],
  ['info-empty-entry', info('N1=1;;FL')],
  ['info-key-invalid', info('A B=1', '4.2')],
  ['info-key-pattern', info('1X=3')],
  ['info-twice', info('N1=1;N1=2')],
  ['info-no-value', info('N1')],
  ['info-flag-value', info('FL=yes')],
  ['info-quoted', info('TX="a,b"')],
  ['info-equals', info('TX=a=b')],
  ['sample-empty', `${rec({}).slice(0, -'0/1:5\n'.length)}\n`],
  ['sample-too-many', rec({ 9: '0/1:5:7' })],
  ['gt-allele', rec({ 9: '0/2:5' })],
  ['gt-invalid', rec({ 9: 'a/b:5' })],
  ['gt-separator', rec({ 9: '0/:5' })],
  ['gt-no-alt', rec({ 4: '.', 9: '0/1:5' })],
  ['list-empty-value', info('FA=0.1,')],
  ['value-count', info('FA=0.1,0.2')],
  ['integer-invalid', info('N1=x')],
  ['integer-range', info('N1=9999999999')],
  ['integer-reserved', info('N1=-2147483648')],
  ['count-negative', info('DP=-1')],
  ['float-invalid', info('FA=abc')],
  ['fraction-negative', info('AF=-0.1')],
  ['fraction-above-one', info('AF=1.5')],
  ['character-invalid', info('CH=ab')],
  ['pattern-invalid', info('CIGAR=xyz')],
  ['meta-no-equals', header('##foo')],
  ['meta-key-invalid', header('##a b=1')],
  ['meta-empty-value', header('##foo=')],
  ['meta-not-closed', header('##INFO=<ID=X')],
  ['meta-no-fields', header('##INFO=<>')],
  ['meta-not-field', header('##INFO=<ID>')],
  ['meta-field-name', header('##INFO=<=x>')],
  ['meta-quote-escape', header('##INFO=<ID=X,Description="a"b">')],
  ['meta-quote-open', header('##INFO=<ID=X,Description="abc>')],
  ['meta-list-not-closed', header('##META=<ID=X,Values=[a,b>')],
  ['meta-field-empty', header('##INFO=<ID=,Number=1>')],
  ['meta-unquoted', header('##INFO=<ID=X,Description=a b>')],
  ['meta-after-value', header('##META=<ID=X,Values=[a]x>')],
  ['meta-trailing-comma', header('##INFO=<ID=X,>')],
  ['fileformat-twice', header('##fileformat=VCFv4.3')],
  ['meta-not-structured', header('##INFO=abc')],
  [
    'meta-id-twice',
    vcf('4.3', ['##FILTER=<ID=q10,Description="a">', '##FILTER=<ID=q10,Description="b">'], [], []),
  ],
  ['meta-no-id', header('##foo=<Bar=1>')],
  ['chrom-line-spaces', chromLine('#CHROM POS ID REF ALT QUAL FILTER INFO')],
  ['chrom-line-column', chromLine('#CHROM\tPOS\tXX\tREF\tALT\tQUAL\tFILTER\tINFO')],
  ['chrom-line-format', chromLine(`${HEAD}\tFMT\tS1`)],
  ['chrom-line-no-sample', chromLine(`${HEAD}\tFORMAT`)],
  ['sample-name-empty', chromLine(`${HEAD}\tFORMAT\tS1\t`)],
  ['sample-name-twice', chromLine(`${HEAD}\tFORMAT\tS1\tS1`)],
  ['meta-field-order', header('##INFO=<Number=1,ID=X,Type=Integer,Description="x">')],
  ['meta-not-quoted', header('##INFO=<ID=X,Number=1,Type=Integer,Description=x>')],
  ['def-missing', header('##INFO=<ID=X,Number=1,Description="x">')],
  ['def-id-invalid', header('##FORMAT=<ID=1X,Number=1,Type=Integer,Description="x">')],
  ['def-number-invalid', header('##INFO=<ID=X,Number=Z,Type=Integer,Description="x">')],
  ['def-type-invalid', header('##INFO=<ID=X,Number=1,Type=Bool,Description="x">')],
  ['flag-number', header('##INFO=<ID=F2,Number=1,Type=Flag,Description="x">')],
  ['reserved-type', header('##INFO=<ID=DP,Number=1,Type=Float,Description="x">')],
  ['reserved-number', header('##INFO=<ID=DP,Number=2,Type=Integer,Description="x">')],
  ['filter-needs', header('##FILTER=<ID=q10>')],
  ['filter-id-zero', header('##FILTER=<ID=0,Description="x">')],
  ['alt-needs', header('##ALT=<ID=DEL>')],
  ['number-invalid', header('##ALT=<ID=DEL,Number=Z,Description="x">')],
  ['type-invalid', header('##ALT=<ID=DEL,Type=Bool,Description="x">')],
  ['alt-id-sv', header('##ALT=<ID=FOO:BAR,Description="x">')],
  ['alt-id-pre43', header('##ALT=<ID=FOO,Description="x">', '4.2')],
  ['contig-needs-id', header('##contig=<length=5>')],
  ['contig-length', header('##contig=<ID=2,length=abc>')],
  ['meta-id-first', header('##META=<Number=1,ID=X>')],
  ['meta-values-list', header('##META=<ID=X,Values=a>')],
  ['sample-needs-id', header('##SAMPLE=<Description="x">')],
  ['sample-id-invalid', header('##SAMPLE=<ID=a*b>')],
  ['sample-field-missing', header('##SAMPLE=<ID=S1,Description="x">', '4.2')],
  ['sample-field-quoted', header('##SAMPLE=<ID=S1,Genomes="a",Mixture=1,Description="x">', '4.2')],
  ['pedigree-needs-id', header('##PEDIGREE=<Child=a,Mother=b>')],
  ['pedigree-genome', header('##PEDIGREE=<ID=x,Child=a:b>')],
  ['url-invalid', header('##assembly=notaurl')],
  ['url-no-host', header('##assembly=http:///x')],
  ['url-ip', header('##assembly=http://999.1.1.1/x')],
  ['url-host', header('##assembly=http://a_b.org/x')],
  ['url-number-host', header('##assembly=http://123/x')],
];

const VALID = rec({});
const gz = gzipSync(Buffer.from(VALID));
const corruptCrc = Buffer.from(gz);
corruptCrc[corruptCrc.length - 8] = (corruptCrc[corruptCrc.length - 8] ?? 0) ^ 0xff;
const bgzf = toBgzf(VALID);

/** Bytes that are not VCF text, or a compressed VCF that is cut or corrupt. */
export const BYTE_CASES: readonly (readonly [string, Uint8Array])[] = [
  ['not-vcf-bcf', Uint8Array.from([0x42, 0x43, 0x46, 0x02, ...utf8('x'.repeat(40))])],
  ['not-vcf-bcf', toBgzf(Uint8Array.from([0x42, 0x43, 0x46, 0x02, 0, 0, 0, 0]))],
  [
    'not-vcf-compressed',
    Uint8Array.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, ...utf8('x'.repeat(40))]),
  ],
  ['not-vcf-zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8('x'.repeat(40))])],
  ['not-vcf-pdf', utf8(`%PDF-1.7${'x'.repeat(40)}`)],
  ['bgzf-not-block', Buffer.concat([toBgzf(VALID, { eof: false }), gz])],
  ['bgzf-cut', bgzf.subarray(0, bgzf.length - 10)],
  ['bgzf-no-eof', toBgzf(VALID, { eof: false })],
  ['compressed-cut', gz.subarray(0, gz.length - 16)],
  ['compressed-corrupt', corruptCrc],
];

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  await Promise.resolve();
  yield bytes;
}

/** Every problem and warning the reader finds in these bytes (plain, gzip or BGZF). */
export async function readBytes(bytes: Uint8Array): Promise<VcfProblem[]> {
  const s = await readVcf(once(bytes), { file: 'x.vcf', inflater: nodeInflater });
  return [...s.problems, ...s.warnings];
}

/** What is wrong with a problem as it would cross to the renderer: empty when it is coded. */
export function uncoded(p: VcfProblem): string[] {
  const out: string[] = [];
  if (!(VCF_PROBLEM_CODES as readonly string[]).includes(p.code))
    out.push(`${p.message}: no known code (${p.code})`);
  if (!VcfProblemSchema.safeParse(p).success) out.push(`${p.message}: does not cross IPC`);
  return out;
}

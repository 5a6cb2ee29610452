import { gzipSync } from 'node:zlib';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';

// Issue 16: the patient track reads every VCF with the app's one reader (plain, gzip, BGZF), so the
// three files igv used to show as an empty track without a word are named.
const HEADER = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=17,length=83257441>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tPATIENT',
];
const body = (n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) => `17\t${String(43044300 + i * 20)}\t.\tG\tA\t60\tPASS\t.\tGT\t0/1`,
  );
const vcf = (lines: string[]): string => [...lines, ''].join('\n');

test.describe('patient VCF track: the shared VCF reader (issue 16)', () => {
  test('a BGZF .vcf.gz is read and drawn as a track', async ({ page, sandbox }) => {
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    await browser.goTo('BRCA1');
    await browser.openVcf('patient.vcf.gz', toBgzf(vcf([...HEADER, ...body(50)])));
    await expect(browser.trackLabel('patient.vcf.gz')).toBeVisible();
    await expect(browser.error()).toHaveCount(0);
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('issue 16: a truncated .vcf.gz (gzip or BGZF) is named, not shown as a shorter track', async ({
    page,
    sandbox,
  }) => {
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    const text = vcf([...HEADER, ...body(4000)]);
    const bgzf = toBgzf(text, { eof: false });
    await browser.openVcf('cut.vcf.gz', bgzf);
    await expect(browser.error()).toContainText('cut.vcf.gz, line');
    await expect(browser.error()).toContainText('the BGZF end-of-file marker is missing');
    const gz = gzipSync(text);
    await browser.openVcf('cut2.vcf.gz', gz.subarray(0, gz.length - 64));
    await expect(browser.error()).toContainText('cut2.vcf.gz, line');
    await expect(browser.error()).toContainText('the file is truncated');
    await expect(browser.trackLabel('cut.vcf.gz')).toHaveCount(0);
    await expect(browser.trackLabel('cut2.vcf.gz')).toHaveCount(0);
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('issue 16: a record cut off before its sample columns is named with its line', async ({
    page,
    sandbox,
  }) => {
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    await browser.openVcf(
      'short.vcf',
      vcf([...HEADER, ...body(3), '17\t43045712\t.\tG\tA\t60\tPASS\t.']),
    );
    await expect(browser.error()).toContainText(
      'short.vcf, line 8: expected 10 tab-separated columns (8 fixed, FORMAT and 1 sample), found 8; the line is cut off or malformed',
    );
    await expect(browser.trackLabel('short.vcf')).toHaveCount(0);
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('issue 16: a VCF whose contigs are not GRCh38 is named, not drawn as an empty track', async ({
    page,
    sandbox,
  }) => {
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    const grch37 = HEADER.map((l) => l.replace('length=83257441', 'length=81195210'));
    await browser.openVcf('b37.vcf', vcf([...grch37, ...body(2)]));
    await expect(browser.error()).toContainText(
      "b37.vcf is on GRCh37 (##contig=<ID=17,length=81195210> (line 2) is GRCh37's chromosome 17); the genome browser shows GRCh38 only.",
    );
    const other = HEADER.filter((l) => !l.startsWith('##contig')).concat(
      'scaffold_7\t100\t.\tG\tA\t60\tPASS\t.\tGT\t0/1',
    );
    await browser.openVcf('other.vcf', vcf(other));
    await expect(browser.error()).toContainText(
      'other.vcf: none of its contigs (scaffold_7) is a GRCh38 chromosome',
    );
    await expect(browser.trackLabel('b37.vcf')).toHaveCount(0);
    await expect(browser.trackLabel('other.vcf')).toHaveCount(0);
    expect(sandbox.outsideRequests).toEqual([]);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from './exitCodes';
import { cliHarness, offlineEnv } from './testing/cliHarness';

// Issue 16: a multi-allelic record is split per ALT (bcftools norm -m-), and the split AD holds
// REF and that ALT only. The allele balance of a 1/2 call with AD 0,10,10 read 1.00 for both ALTs,
// as if homozygous: the AB column was wrong and "maximum allele balance 0.9" dropped the call.
const dir = mkdtempSync(join(tmpdir(), 'cli-ab-'));
const h = cliHarness({
  env: offlineEnv(dir),
  cwd: dir,
  passphrase: 'correct horse battery staple',
});
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

const VCF = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr2,length=242193529>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP',
  'chr2\t1000\t.\tA\tG,T\t50\tPASS\t.\tGT:AD:DP\t1/2:0,10,10:20',
  'chr2\t2000\t.\tC\tA,G\t50\tPASS\t.\tGT:AD:DP\t0/1:12,6,2:20',
  'chr2\t3000\t.\tG\tC\t50\tPASS\t.\tGT:AD:DP\t0/1:15,5:20',
  '',
].join('\n');

describe('issue 16: the allele balance of a split multi-allelic call counts every read', () => {
  it('reads 0.5 for each ALT of a 1/2 call, and the filter keeps it', async () => {
    writeFileSync(join(dir, 'multi.vcf'), VCF);
    const imported = await h.cli('case', 'import', '--vcf', 'multi.vcf', '--id', 'AB');
    expect(imported.code, imported.err.join('\n')).toBe(EXIT.ok);
    const r = await h.cli('case', 'variants', 'AB', '--json');
    expect(r.code, r.err.join('\n')).toBe(EXIT.ok);
    const rows = (JSON.parse(r.out.join('')) as { rows: { variant_key: string; p_ab: number }[] })
      .rows;
    const ab = Object.fromEntries(rows.map((x) => [x.variant_key, x.p_ab]));
    expect(ab).toEqual({
      '2-1000-A-G': 0.5,
      '2-1000-A-T': 0.5,
      '2-2000-C-A': 0.3,
      '2-3000-G-C': 0.25,
    });
    const kept = await h.cli('case', 'variants', 'AB', '--json', '--filter', '{"maxAb":0.9}');
    expect((JSON.parse(kept.out.join('')) as { kept: number }).kept).toBe(4);
  }, 120_000);
});

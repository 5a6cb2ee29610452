import { describe, expect, it } from 'vitest';
import { checkVcfText } from './vcfCheck';

const HEAD = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';

describe('patient VCF check (issue 8)', () => {
  it('accepts a well-formed VCF with SNVs, indels and symbolic alleles', () => {
    const text = `${HEAD}17\t43045712\t.\tG\tA\t50\tPASS\t.\n17\t43045700\t.\tAT\tA,<DEL>\t.\t.\t.\n`;
    expect(checkVcfText('p.vcf', text)).toBeUndefined();
  });

  it('names file and line of the first bad record', () => {
    const text = `${HEAD}17\t43045712\t.\tG\tA\t50\tPASS\t.\n17\tabc\t.\tG\tA\t50\tPASS\t.\n`;
    expect(checkVcfText('bad.vcf', text)).toEqual({
      file: 'bad.vcf',
      line: 4,
      message: 'POS "abc" is not a positive whole number',
    });
    expect(checkVcfText('short.vcf', `${HEAD}17\t1\t.\tG\n`)).toMatchObject({ line: 3 });
    expect(checkVcfText('nohead.vcf', '17\t1\t.\tG\tA\t.\t.\t.\n')).toMatchObject({ line: 1 });
  });
});

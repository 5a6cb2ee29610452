import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseHarness } from './testing/caseHarness';
import { openCaseHarness } from './testing/caseHarness';

// Decision 0100: case:import's refusals of the user's files came as main's English alone; they
// carry a code whose file problem the renderer words (appError caseFileRefused[AtLine]).
let h: CaseHarness;
beforeAll(() => {
  h = openCaseHarness();
});
afterAll(async () => {
  await h.close();
});

const ONE_VCF = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr1,length=248956422>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  'chr1\t1000\t.\tA\tG\t50\tPASS\t.\tGT\t0/1',
  '',
].join('\n');

describe('decision 0100: case:import refusals as codes', () => {
  it('decision 0100: a VCF that is not one, a PED line and a mapping are refused on import with codes the renderer words, located', async () => {
    const refused = async (req: Partial<Parameters<typeof h.invoke<'case:import'>>[1]>) => {
      const r = await h.invoke('case:import', {
        caseId: 'CODED',
        patientId: 'P',
        sex: 'unknown',
        vcf: h.handle(h.file('one.vcf', ONE_VCF)),
        ...req,
      });
      return r.ok ? undefined : [r.error.key, r.error.params];
    };
    expect(await refused({ vcf: h.handle(h.file('notes.vcf', 'hello\n')) })).toEqual([
      'caseFileRefusedAtLine',
      { fileProblem: 'fileformat', found: 'hello', file: 'notes.vcf', line: 1 },
    ]);
    expect(
      await refused({ ped: { name: 'fam.ped', text: 'F S1 0 0 1 2\nF S2 0 0 X 1\n' } }),
    ).toEqual([
      'caseFileRefusedAtLine',
      { fileProblem: 'ped-sex', value: 'X', file: 'fam.ped', line: 2 },
    ]);
    expect(await refused({ links: [{ sample: 'NOPE', member: 'S1' }] })).toEqual([
      'caseFileRefused',
      expect.objectContaining({ fileProblem: 'not-a-sample', sample: 'NOPE' }),
    ]);
    expect((await h.call('case:list', undefined)).cases.map((c) => c.caseId)).not.toContain(
      'CODED',
    );
  }, 120_000);
});

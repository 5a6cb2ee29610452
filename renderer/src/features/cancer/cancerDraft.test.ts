import { describe, expect, it } from 'vitest';
import type { CaseInspection } from '../../../../shared/cases/channels';
import { cancerProblems, cancerRequest, germlineFileDraft, proposeCancer } from './cancerDraft';

const inspection = (
  samples: string[],
  somatic?: CaseInspection['vcf']['somatic'],
): CaseInspection => ({
  vcf: {
    name: 'x.vcf',
    size: 1,
    container: 'plain',
    version: '4.2',
    samples,
    assembly: { name: 'GRCh38', evidence: 'test' },
    annotations: [],
    frequencyFields: [],
    problems: [],
    ...(somatic === undefined ? {} : { somatic }),
  },
  links: [],
  proband: null,
  mismatches: [],
});

describe('issue 19: the New case dialog cancer fields', () => {
  it("proposes the caller's tumour and normal; else the second sample as tumour", () => {
    expect(
      proposeCancer(inspection(['N', 'T'], { caller: 'mutect2', tumour: 'T', normal: 'N' })),
    ).toMatchObject({
      tumour: 'T',
      normal: 'N',
    });
    expect(proposeCancer(inspection(['A', 'B']))).toMatchObject({ tumour: 'B', normal: 'A' });
    expect(proposeCancer(inspection(['ONLY']))).toMatchObject({ tumour: 'ONLY', normal: '' });
  });

  it('builds the request: tumour-only without normal, purity as a fraction, unknown type left out', () => {
    expect(cancerRequest({ tumour: 'T', normal: '', tumourType: 'LUAD', purity: '45' })).toEqual({
      tumour: 'T',
      tumourType: 'LUAD',
      purity: 0.45,
    });
    expect(cancerRequest({ tumour: 'T', normal: 'N', tumourType: 'XYZ', purity: '' })).toEqual({
      tumour: 'T',
      normal: 'N',
    });
  });

  it('blocks the same sample twice and a purity that is not a percentage', () => {
    const i = inspection(['N', 'T']);
    expect(
      cancerProblems(i, { tumour: 'T', normal: 'T', tumourType: '', purity: '' }, 'female'),
    ).toEqual([
      expect.objectContaining({ message: 'the tumour and the normal must be different samples' }),
    ]);
    expect(
      cancerProblems(i, { tumour: 'T', normal: 'N', tumourType: '', purity: '140' }, 'female').map(
        (p) => p.message,
      ),
    ).toEqual(['Purity is a percentage between 1 and 100; leave it empty when not known.']);
  });

  it('issue 19: a purity below 1 % is blocked as the field says (0.5 was taken as 0.5 %); 1.5 is 1.5 %', () => {
    const i = inspection(['N', 'T']);
    for (const purity of ['0', '0.5', 'abc'])
      expect(
        cancerProblems(i, { tumour: 'T', normal: 'N', tumourType: '', purity }, 'female').map(
          (p) => p.code,
        ),
      ).toEqual(['purity-range']);
    expect(cancerRequest({ tumour: 'T', normal: 'N', tumourType: '', purity: '1.5' })).toEqual({
      tumour: 'T',
      normal: 'N',
      purity: 0.015,
    });
  });

  it('issue 19: a germline VCF’s picked sample goes into the request; its located errors block, and a new tumour VCF keeps it', () => {
    const file = { handle: `fh_${'a'.repeat(22)}`, name: 'blood.vcf.gz', size: 10 };
    const germline = germlineFileDraft(file, {
      ...inspection(['P-1', 'R-1']),
      vcf: {
        ...inspection(['P-1', 'R-1']).vcf,
        name: 'blood.vcf.gz',
        problems: [
          { severity: 'error', file: 'blood.vcf.gz', line: 31, message: 'POS is not a number' },
          { severity: 'warning', file: 'blood.vcf.gz', line: 2, message: 'not an error' },
        ],
      },
    });
    expect(germline.sample).toBe('P-1');
    const draft = { tumour: 'T', normal: 'N', tumourType: '', purity: '', germline };
    expect(cancerRequest({ ...draft, germline: { ...germline, sample: 'R-1' } })).toEqual({
      tumour: 'T',
      normal: 'N',
      germline: { vcf: file.handle, sample: 'R-1' },
    });
    expect(cancerProblems(inspection(['N', 'T']), draft, 'female')).toEqual([
      { file: 'blood.vcf.gz', line: 31, message: 'POS is not a number' },
    ]);
    expect(proposeCancer(inspection(['N', 'T']), draft).germline).toBe(germline);
  });
});

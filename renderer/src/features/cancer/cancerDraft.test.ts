import { describe, expect, it } from 'vitest';
import type { CaseInspection } from '../../../../shared/cases/channels';
import { cancerProblems, cancerRequest, proposeCancer } from './cancerDraft';

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
});

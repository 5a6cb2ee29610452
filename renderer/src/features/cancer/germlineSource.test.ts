import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../shared/cases/channels';
import { germlineFrequencyFields } from './germlineSource';

const vcf: CaseDetail['vcf'] = {
  name: 'tumour.vcf.gz',
  version: '4.2',
  container: 'bgzf',
  records: 6,
  annotations: ['CSQ'],
  frequencyFields: ['TUMOUR_VCF_AF'],
  warnings: 0,
  skipped: 0,
};
const germline = {
  name: 'blood.vcf.gz',
  sample: 'BLOOD',
  records: 5,
  variants: 4,
  sha256: '0'.repeat(64),
  plainBytes: 1,
  sealedBytes: 1,
};
const cancer = {
  caller: 'mutect2',
  tumourType: null,
  purity: null,
  tumour: 'T',
  normal: 'N',
} as const;
const detail = (c: CaseDetail['cancer']): Pick<CaseDetail, 'vcf' | 'cancer'> => ({
  vcf,
  cancer: c,
});

describe('issue 19: the Germline tab’s ACMG sheet names the frequency fields its rows came from', () => {
  it('issue 19: the germline VCF’s fields when the case has one, never the tumour VCF’s', () => {
    expect(
      germlineFrequencyFields(
        detail({ ...cancer, germline: { ...germline, frequencyFields: ['gnomAD_AF'] } }),
      ),
    ).toEqual(['gnomAD_AF']);
    // Imported before the fields were recorded: none named rather than the tumour VCF's.
    expect(germlineFrequencyFields(detail({ ...cancer, germline }))).toEqual([]);
  });

  it('the tumour-normal VCF’s fields when the normal is the germline sample', () => {
    expect(germlineFrequencyFields(detail({ ...cancer }))).toEqual(['TUMOUR_VCF_AF']);
  });
});

import type { CaseDetail } from '../../../../shared/cases/channels';

/**
 * The INFO population-frequency fields the Germline tab's rows took their frequency from (issue 19),
 * for the ACMG sheet's PM2/BA1/BS1 evidence: the separate germline VCF's when the case has one
 * (decision 0059; none recorded for a case imported before), else the tumour-normal VCF's.
 */
export function germlineFrequencyFields(d: Pick<CaseDetail, 'vcf' | 'cancer'>): readonly string[] {
  const file = d.cancer?.germline;
  return file === undefined ? d.vcf.frequencyFields : (file.frequencyFields ?? []);
}

import type { CancerCase } from '../../../../shared/cancer/cancerCase';
import { cancerMembers } from '../../../../shared/cancer/cancerMembers';
import { tumourType } from '../../../../shared/cancer/tumourTypes';
import type { CaseInspection, CaseProblem, CaseSex } from '../../../../shared/cases/channels';

/** The New case dialog's cancer fields (issue 19), as typed; `''` is "none" / "not known". */
export interface CancerDraft {
  tumour: string;
  normal: string;
  tumourType: string;
  /** Percent, as typed. */
  purity: string;
}

/** A first proposal from the file: the samples the caller's header names, else the first two. */
export function proposeCancer(i: CaseInspection): CancerDraft {
  const s = i.vcf.samples;
  const tumour = i.vcf.somatic?.tumour ?? s[s.length > 1 ? 1 : 0] ?? '';
  const normal = i.vcf.somatic?.normal ?? s.find((x) => x !== tumour) ?? '';
  return { tumour, normal, tumourType: '', purity: '' };
}

/** The purity as a fraction, undefined when empty; NaN when it is not a percentage in (0, 100]. */
export function purityOf(d: CancerDraft): number | undefined {
  if (d.purity.trim() === '') return undefined;
  const p = Number(d.purity);
  return Number.isFinite(p) && p > 0 && p <= 100 ? p / 100 : Number.NaN;
}

/** The request's cancer part. */
export function cancerRequest(d: CancerDraft): CancerCase {
  const purity = purityOf(d);
  return {
    tumour: d.tumour,
    ...(d.normal === '' ? {} : { normal: d.normal }),
    ...(tumourType(d.tumourType) === undefined ? {} : { tumourType: d.tumourType }),
    ...(purity === undefined || Number.isNaN(purity) ? {} : { purity }),
  };
}

/** What blocks a cancer import: the samples, and a purity that is not a percentage. */
export function cancerProblems(i: CaseInspection, d: CancerDraft, sex: CaseSex): CaseProblem[] {
  const problems = cancerMembers(i.vcf.samples, cancerRequest(d), sex).problems;
  if (d.tumour === '') problems.push({ message: 'Choose the tumour sample.' });
  if (Number.isNaN(purityOf(d) ?? 0))
    problems.push({
      message: 'Purity is a percentage between 1 and 100; leave it empty when not known.',
    });
  return problems;
}

import { cancerMembers } from '../../../../shared/cancer/cancerMembers';
import { tumourType } from '../../../../shared/cancer/tumourTypes';
import { locatedVcfProblem, type LocatedProblem } from '../caseReview/ProblemList';
import type {
  CaseImportRequest,
  CaseInspection,
  CaseSex,
  FileRef,
} from '../../../../shared/cases/channels';

/** A germline caller's VCF chosen beside the tumour VCF (decision 0059), as main inspected it. */
export interface GermlineFileDraft {
  file: FileRef;
  samples: readonly string[];
  /** The sample picked; `''` until one is. */
  sample: string;
  /** The header check's refusal and errors, located (file, line), with their codes. */
  problems: readonly LocatedProblem[];
}

/** The New case dialog's cancer fields (issue 19), as typed; `''` is "none" / "not known". */
export interface CancerDraft {
  tumour: string;
  normal: string;
  tumourType: string;
  /** Percent, as typed. */
  purity: string;
  /** The optional separate germline VCF. */
  germline?: GermlineFileDraft | undefined;
}

/** A first proposal from the file: the samples the caller's header names, else the first two. */
export function proposeCancer(i: CaseInspection, kept?: CancerDraft): CancerDraft {
  const s = i.vcf.samples;
  const tumour = i.vcf.somatic?.tumour ?? s[s.length > 1 ? 1 : 0] ?? '';
  const normal = i.vcf.somatic?.normal ?? s.find((x) => x !== tumour) ?? '';
  // Another tumour VCF or PED does not change the germline file already chosen.
  return {
    tumour,
    normal,
    tumourType: '',
    purity: '',
    ...(kept?.germline && { germline: kept.germline }),
  };
}

/** What main's inspection of a germline VCF gives the draft: its samples, the first one picked. */
export function germlineFileDraft(file: FileRef, i: CaseInspection): GermlineFileDraft {
  const v = i.vcf;
  return {
    file,
    samples: v.samples,
    sample: v.samples[0] ?? '',
    problems: [
      // Codes travel with the problems, so the germline field words them too (issue 22).
      ...(v.refusal === undefined ? [] : [{ file: v.name, message: v.refusal, ...v.refused }]),
      ...v.problems.filter((p) => p.severity === 'error').map(locatedVcfProblem),
    ],
  };
}

/**
 * The purity as a fraction, undefined when empty; NaN when it is not a percentage in [1, 100] as
 * the field says (below 1 is most likely a fraction meant as one: 0.6 for 60 %; issue 19).
 */
export function purityOf(d: CancerDraft): number | undefined {
  if (d.purity.trim() === '') return undefined;
  const p = Number(d.purity);
  return Number.isFinite(p) && p >= 1 && p <= 100 ? p / 100 : Number.NaN;
}

/** The request's cancer part. */
export function cancerRequest(d: CancerDraft): NonNullable<CaseImportRequest['cancer']> {
  const purity = purityOf(d);
  const g = d.germline;
  return {
    ...(g !== undefined &&
      g.sample !== '' && { germline: { vcf: g.file.handle, sample: g.sample } }),
    tumour: d.tumour,
    ...(d.normal === '' ? {} : { normal: d.normal }),
    ...(tumourType(d.tumourType) === undefined ? {} : { tumourType: d.tumourType }),
    ...(purity === undefined || Number.isNaN(purity) ? {} : { purity }),
  };
}

/** What blocks a cancer import: the samples, and a purity that is not a percentage. */
export function cancerProblems(i: CaseInspection, d: CancerDraft, sex: CaseSex): LocatedProblem[] {
  // A tumour not chosen yet is said once, as such, not also as the sample column "" (issue 22).
  const problems: LocatedProblem[] = cancerMembers(
    i.vcf.samples,
    cancerRequest(d),
    sex,
  ).problems.filter((p) => p.sample !== '');
  // Coded like the shared checks (issue 22): the dialog words them in the reader's language.
  if (d.tumour === '')
    problems.push({ message: 'Choose the tumour sample.', code: 'choose-tumour' });
  if (d.germline !== undefined) {
    problems.push(...d.germline.problems);
    if (d.germline.sample === '')
      problems.push({
        file: d.germline.file.name,
        message: 'Choose the germline sample.',
        code: 'choose-germline',
      });
  }
  if (Number.isNaN(purityOf(d) ?? 0))
    problems.push({
      message: 'Purity is a percentage between 1 and 100; leave it empty when not known.',
      code: 'purity-range',
    });
  return problems;
}

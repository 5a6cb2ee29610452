import type { CaseImportWhy } from '../../../../shared/cases/caseProblem';

/**
 * A refusal found while reading (not a VCF rule): the header cannot become the case the dialog
 * described, or (issue 19) a somatic caller's record holds a read count or allele fraction that
 * cannot be one. Reported with its English text and its code; nothing is imported.
 */
export class ImportRefusal extends Error {
  constructor(readonly said: { text: string; why: CaseImportWhy }) {
    super(said.text);
  }
}

/**
 * Why a VCF whose records carry no GT (FORMAT without it) or only reference and missing calls
 * makes no case (decision 0095): before, it became a case of no variants without a word, as a
 * header-only file did (decision 0088).
 */
export function noVariantsFailure(
  file: string,
  records: number,
): { message: string; why: CaseImportWhy } {
  return {
    message: `${file}: none of its ${String(records)} ${records === 1 ? 'record holds' : 'records hold'} an allele the case's samples carry (no GT, or only reference and missing calls); a case needs the patient's variants, so nothing was imported.`,
    why: { code: 'import-no-variants', params: { file, records } },
  };
}

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

/**
 * The most alleles a call may have: ALT copies and ploidy are TINYINT in the case database
 * (dbSchema.ts). A human call has one or two; a file with more is refused at its line
 * (decision 0100) instead of failing in the database with the row's genotypes in its message.
 */
export const MAX_CALL_ALLELES = 127;

/** Throws the refusal of a record whose call (by member column) has more than MAX_CALL_ALLELES. */
export function refuseManyAlleles(
  file: string,
  record: { readonly line: number; readonly header: { readonly samples: readonly string[] } },
  members: readonly { readonly column: number }[],
  calls: readonly { readonly ploidy: number | null }[],
): void {
  const i = calls.findIndex((c) => (c.ploidy ?? 0) > MAX_CALL_ALLELES);
  if (i < 0) return;
  const { line } = record;
  const column = members[i]?.column ?? -1;
  const sample = record.header.samples[column] ?? String(column + 1);
  const alleles = calls[i]?.ploidy ?? 0;
  throw new ImportRefusal({
    text: `${file} line ${String(line)}, sample ${sample}: GT has ${String(alleles)} alleles; Cohort Desk reads calls of at most ${String(MAX_CALL_ALLELES)} (a human call has one or two), so nothing was imported.`,
    why: {
      code: 'import-too-many-alleles',
      params: { file, line, sample, alleles, max: MAX_CALL_ALLELES },
    },
  });
}

/** The second parse worker's failure: its refusal, when it sent one, else its English. */
export const partFailure = (end: { message: string; why?: CaseImportWhy | undefined }): Error =>
  end.why === undefined
    ? new Error(end.message)
    : new ImportRefusal({ text: end.message, why: end.why });

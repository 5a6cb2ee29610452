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

import { z } from 'zod';
import { CodedParamsSchema } from '../i18n/coded';

/**
 * What is wrong with a PED, a Phenopacket or the sample mapping, as a code the renderer words in
 * the reader's language (issue 22, decision 0064); `message` keeps the English for the command
 * line and the logs. Values are data: file names, ids, line and column numbers, counts.
 */
export const CASE_PROBLEM_CODES = [
  'ped-columns',
  'ped-duplicate',
  'ped-phenotype',
  'ped-sex',
  'ped-own-parent',
  'ped-cycle',
  'ped-both-parents',
  'ped-empty',
  'ped-families',
  'ped-father-female',
  'ped-mother-male',
  'sample-no-member',
  'member-no-sample',
  'ped-none-affected',
  'not-a-sample',
  'linked-twice',
  'vcf-no-samples',
  'linked-to-absent',
  'choose-proband',
  'proband-absent',
  'proband-no-sample',
  'phenopacket-not-json',
  'phenopacket-invalid',
  'phenopacket-duplicate-key',
  'phenopacket-not-hpo',
  'phenopacket-unknown-hpo',
  'phenopacket-no-features',
  // A subject id with control characters, not used as the patient id (decision 0106).
  'phenopacket-subject-control',
  'tumour-is-normal',
  // The New-case dialog's own cancer checks (renderer/src/features/cancer/cancerDraft.ts).
  'choose-tumour',
  'choose-germline',
  'purity-range',
  'vcf-no-header',
  'vcf-unreadable',
  'vcf-grch37',
  'vcf-sites-only',
  'vcf-no-records',
] as const;
export type CaseProblemCode = (typeof CASE_PROBLEM_CODES)[number];

/** A located problem outside the VCF: a PED line, the Phenopacket, the sample mapping. */
export const CaseProblemSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  sample: z.string().optional(),
  member: z.string().optional(),
  message: z.string(),
  code: z.enum(CASE_PROBLEM_CODES).optional(),
  params: CodedParamsSchema.optional(),
});
export type CaseProblem = z.infer<typeof CaseProblemSchema>;

/** Why a VCF cannot become a case (GRCh37, no samples, not VCF), as a code beside the English. */
export const CaseRefusalSchema = z
  .object({
    code: z.enum([
      'vcf-no-header',
      'vcf-unreadable',
      'vcf-grch37',
      'vcf-sites-only',
      'vcf-no-records',
    ]),
    params: CodedParamsSchema.optional(),
  })
  .strict();
export type CaseRefusal = z.infer<typeof CaseRefusalSchema>;

/** Why an import ended without a case (`CaseProgress.why`), beside main's English. */
export const CaseImportWhySchema = z
  .object({
    code: z.enum([
      'import-not-valid',
      'import-no-variants',
      'import-failed',
      'import-save-failed',
      'import-stopped',
      'import-stopped-log',
      'import-cancelled',
      'vcf-grch37',
      'sample-moved',
      // Issue 19: a somatic caller's read count or allele fraction that cannot be one.
      'somatic-count',
      'somatic-fraction',
      // Decision 0100: a call of more alleles than the case database holds.
      'import-too-many-alleles',
    ]),
    params: CodedParamsSchema.optional(),
  })
  .strict();
export type CaseImportWhy = z.infer<typeof CaseImportWhySchema>;

import { z } from 'zod';
import { CaseFilterSchema } from './filters';
import { CaseIdSchema } from './caseId';

/** The case:variants channel's schemas (split from channels.ts, which re-exports them). */

/** 'case:variants': the filters run by native DuckDB in main (the CLI; tests compare with wasm). */
export const CaseVariantsRequestSchema = z
  .object({
    caseId: CaseIdSchema,
    filter: CaseFilterSchema.optional(),
    /** A built-in or saved preset by name; `filter` wins when both are given. */
    preset: z.string().trim().min(1).max(100).optional(),
    /** Default 500. */
    limit: z.number().int().min(0).max(10_000).optional(),
    offset: z.number().int().nonnegative().optional(),
  })
  .strict();
export type CaseVariantsRequest = z.input<typeof CaseVariantsRequestSchema>;

export const FilterStepCountSchema = z.object({
  step: z.string(),
  removes: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
});
/** The locus and gene fields every variant row of a case carries (variant table, somatic, germline). */
export const VARIANT_ROW_LOCUS = {
  variant_key: z.string(),
  chrom: z.string(),
  pos: z.number().int(),
  ref: z.string(),
  alt: z.string(),
  gene: z.string().nullable(),
  consequence: z.string().nullable(),
};

export const CaseVariantRowSchema = z.object({
  vid: z.number().int(),
  ...VARIANT_ROW_LOCUS,
  impact: z.string().nullable(),
  hgvs_c: z.string().nullable(),
  hgvs_p: z.string().nullable(),
  pop_af: z.number().nullable(),
  filters: z.string().nullable(),
  clinvar_sig: z.string().nullable(),
  p_gt: z.string().nullable(),
  p_gq: z.number().nullable(),
  p_dp: z.number().nullable(),
  p_ab: z.number().nullable(),
  cohort_carriers: z.number().nullable(),
  cohort_max_freq: z.number().nullable(),
  /** `mode` or `mode?` (possible), e.g. ["de_novo", "autosomal_dominant"]. */
  modes: z.array(z.string()),
});
export type CaseVariantRow = z.infer<typeof CaseVariantRowSchema>;
export const CaseVariantsSchema = z.object({
  total: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
  steps: z.array(FilterStepCountSchema),
  rows: z.array(CaseVariantRowSchema),
  /**
   * The custom gene list's symbols no variant of the case is in, as the list writes them (issue 16,
   * decision 0085: the page names them; the command line says them too). Empty without a list.
   */
  genesAbsent: z.array(z.string()),
});
export type CaseVariants = z.infer<typeof CaseVariantsSchema>;

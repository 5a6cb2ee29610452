import { z } from 'zod';
import { CaseIdSchema } from '../cases/caseId';
import { FilterStepCountSchema } from '../cases/variantChannels';
import { SomaticFilterSchema } from './somaticFilter';

/** 'cancer:somatic': a cancer case's somatic rows through the somatic filter (native DuckDB in main). */
export const SomaticRequestSchema = z
  .object({
    caseId: CaseIdSchema,
    filter: SomaticFilterSchema.optional(),
    limit: z.number().int().min(0).max(10_000).optional(),
    offset: z.number().int().nonnegative().optional(),
  })
  .strict();

const n = z.number().nullable();
export const SomaticRowSchema = z.object({
  vid: z.number().int(),
  variant_key: z.string(),
  chrom: z.string(),
  pos: z.number().int(),
  ref: z.string(),
  alt: z.string(),
  gene: z.string().nullable(),
  consequence: z.string().nullable(),
  hgvs_p: z.string().nullable(),
  filters: z.string().nullable(),
  caller: z.string(),
  t_ad_ref: n,
  t_ad_alt: n,
  t_dp: n,
  t_vaf: n,
  n_ad_ref: n,
  n_ad_alt: n,
  n_dp: n,
  n_vaf: n,
  germline_leak: z.boolean(),
  protein_change: z.string().nullable(),
  protein_pos: n,
  hotspot: z.string().nullable(),
  hotspot_label: z.string().nullable(),
  hotspot_tumours: n,
  civic_level: z.string().nullable(),
  clinvar_oncogenicity: z.string().nullable(),
  gene_role: z.string().nullable(),
  predisposition_gene: z.boolean(),
  tier: z.enum(['I', 'II', 'III', 'IV']),
  tier_level: z.enum(['A', 'B', 'C', 'D']).nullable(),
  tier_json: z.string(),
});
export type SomaticRow = z.infer<typeof SomaticRowSchema>;

export const SomaticResultSchema = z.object({
  total: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
  steps: z.array(FilterStepCountSchema),
  rows: z.array(SomaticRowSchema),
});
export type SomaticResult = z.infer<typeof SomaticResultSchema>;

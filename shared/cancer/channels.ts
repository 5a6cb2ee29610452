import { z } from 'zod';
import { CaseIdSchema } from '../cases/caseId';
import { FilterStepCountSchema, VARIANT_ROW_LOCUS } from '../cases/variantChannels';
import { SomaticFilterSchema } from './somaticFilter';
import { SomaticPresetFileSchema } from './somaticPresets';
import { TierLevelSchema, TierReviewSchema, TierSchema } from './cancerCase';

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
  ...VARIANT_ROW_LOCUS,
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

/** 'cancer:review': the oncologist confirms or changes a variant's tier (stored in the case record). */
export const TierReviewRequestSchema = z
  .object({
    caseId: CaseIdSchema,
    variantKey: z.string().min(1).max(2000),
    tier: TierSchema,
    level: TierLevelSchema.nullable(),
    proposed: z.string().max(10),
    note: z.string().max(2000).optional(),
  })
  .strict();
export const TierReviewsSchema = z.object({ reviews: z.array(TierReviewSchema) });

/** 'cancer:gene': what the knowledge says about a gene's protein (the lollipop plot's track). */
export const GeneKnowledgeRequestSchema = z
  .object({ gene: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,39}$/) })
  .strict();
export const GeneKnowledgeSchema = z.object({
  gene: z.string(),
  hotspots: z.array(
    z.object({
      position: z.number().int(),
      label: z.string(),
      tumours: z.number().int(),
      type: z.string(),
    }),
  ),
  /** Residues in a 3D hotspot cluster. */
  threeD: z.array(z.number().int()),
  role: z.string().nullable(),
  source: z.string(),
});
export type GeneKnowledge = z.infer<typeof GeneKnowledgeSchema>;

/** 'cancer:presets' (decision 0079): the built-in somatic presets and the user's own. */
export const SomaticPresetListSchema = z.object({
  builtIn: z.array(SomaticPresetFileSchema),
  saved: z.array(SomaticPresetFileSchema),
});
export type SomaticPresetList = z.infer<typeof SomaticPresetListSchema>;

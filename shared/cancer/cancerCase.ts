import { z } from 'zod';
import { TUMOUR_CODES } from './tumourTypes';

/** A cancer case's own fields in `case:import` (issue 19). */
export const CancerCaseSchema = z
  .object({
    /** The tumour's VCF sample column. */
    tumour: z.string().min(1).max(200),
    /** The matched normal's column; absent for a tumour-only VCF. */
    normal: z.string().min(1).max(200).optional(),
    /** OncoTree code (tumourTypes.ts). */
    tumourType: z.enum(TUMOUR_CODES).optional(),
    /** Tumour purity (cellularity) as a fraction, when known: 1 % to 100 % as the dialog and CLI take it. */
    purity: z.number().min(0.01).max(1).optional(),
  })
  .strict();
export type CancerCase = z.infer<typeof CancerCaseSchema>;

export const SomaticCallerSchema = z.enum(['mutect2', 'strelka2', 'generic']);

/** What `case:inspect` found about a somatic VCF: the caller and the samples its header names. */
export const SomaticInspectionSchema = z.object({
  caller: SomaticCallerSchema,
  tumour: z.string().nullable(),
  normal: z.string().nullable(),
});

export const TierSchema = z.enum(['I', 'II', 'III', 'IV']);
export const TierLevelSchema = z.enum(['A', 'B', 'C', 'D']);

/** The oncologist's tier for one variant: confirms or changes the app's proposal (issue 19). */
export const TierReviewSchema = z.object({
  variantKey: z.string().min(1).max(2000),
  tier: TierSchema,
  level: TierLevelSchema.nullable(),
  /** The proposal it confirms or changes, as it was then. */
  proposed: z.string().max(10),
  note: z.string().max(2000),
  at: z.string(),
});
export type TierReview = z.infer<typeof TierReviewSchema>;

/** The cancer part of a case's record (manifest and `case:open`). */
export const CancerRecordSchema = z.object({
  caller: SomaticCallerSchema,
  tumourType: z.string().nullable(),
  purity: z.number().nullable(),
  tumour: z.string(),
  normal: z.string().nullable(),
  /** The oncologist's tiers, one per variant (the latest). */
  reviews: z.array(TierReviewSchema).optional(),
  /** A separate germline VCF imported beside the tumour's (decision 0059), sealed on its own. */
  germline: z
    .object({
      name: z.string(),
      sample: z.string(),
      records: z.number().int(),
      variants: z.number().int(),
      sha256: z.string(),
      plainBytes: z.number().int(),
      sealedBytes: z.number().int(),
      /** Its INFO population-frequency fields (issue 19); absent in cases imported before. */
      frequencyFields: z.array(z.string()).optional(),
    })
    .optional(),
});
export type CancerRecord = z.infer<typeof CancerRecordSchema>;

/** What a case list says of a case's kind (issue 19): germline, or cancer with design and type. */
export function caseKind(cancer: Pick<CancerRecord, 'normal' | 'tumourType'> | undefined): {
  kind: 'germline' | 'cancer';
  design: 'tumour-normal' | 'tumour-only' | null;
  tumourType: string | null;
} {
  if (cancer === undefined) return { kind: 'germline', design: null, tumourType: null };
  return {
    kind: 'cancer',
    design: cancer.normal === null ? 'tumour-only' : 'tumour-normal',
    tumourType: cancer.tumourType,
  };
}

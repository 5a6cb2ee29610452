import { z } from 'zod';
import { CriterionCodeSchema, StrengthSchema } from './criteria';
import { CLASSES } from './combine';
import { DatasetDeclarationSchema } from './declaration';
import { SaidListSchema } from './said';
import { NodeProblemSchema } from '../search/results';
import { AuthorSchema } from '../cases/author';

/**
 * One variant's ACMG/AMP evidence sheet (issue 18): the criteria the data suggested (with reason
 * and source) and any the clinician added, each accepted, rejected or still only suggested. Only
 * accepted criteria count; the class is recorded only when the clinician confirms it.
 */

export const AcmgClassSchema = z.enum(CLASSES);
export const CriterionStatusSchema = z.enum(['suggested', 'accepted', 'rejected']);

export const CriterionEntrySchema = z
  .object({
    code: CriterionCodeSchema,
    strength: StrengthSchema,
    status: CriterionStatusSchema,
    /** Why the data suggest it (or the clinician's reason), in words. */
    reason: z.string().max(2000),
    /** Where the data came from: "VCF INFO gnomAD_AF", "ClinVar 2026-02-26", "ranking (HPOA …)". */
    source: z.string().max(500),
    /** What to check before accepting (PVS1's caveats, PM2's threshold). */
    caveat: z.string().max(2000).optional(),
    /** true: suggested from the data; false: added by the clinician. */
    suggested: z.boolean(),
    /**
     * The reason, source and caveat as codes the reader's language words (issue 22; decision
     * 0057); absent in cases stored before and for the clinician's own criteria: the text shows.
     */
    said: z
      .object({
        reason: SaidListSchema,
        source: SaidListSchema,
        caveat: SaidListSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CriterionEntry = z.infer<typeof CriterionEntrySchema>;

/** The class the clinician confirmed, with what the rules gave at that moment. */
export const ConfirmedClassSchema = z
  .object({
    cls: AcmgClassSchema,
    rule: z.string().max(500),
    points: z.number().int(),
    by: z.string().max(300),
    /** Who `by` is, as a kind (issue 22, decision 0077); absent in sheets confirmed before. */
    author: AuthorSchema.optional(),
    at: z.string().max(40),
  })
  .strict();

export const EvidenceSheetSchema = z
  .object({
    criteria: z.array(CriterionEntrySchema).max(60),
    confirmed: ConfirmedClassSchema.nullable(),
  })
  .strict();
export type EvidenceSheet = z.infer<typeof EvidenceSheetSchema>;

/**
 * A "seen before" answer from one federation node for one exact allele (built by the seen-before
 * lookup; optional everywhere here: absent means "not looked up"). `count` is null for a boolean
 * answer; `countRange` carries a "<N" or rounded answer as a range.
 */
export const FederatedAnswerSchema = z
  .object({
    variantKey: z.string().max(1000),
    node: z.string().max(200),
    dataset: z.string().max(300),
    granularity: z.enum(['boolean', 'count', 'record']),
    exists: z.boolean().nullable(),
    count: z.number().int().nonnegative().nullable(),
    countRange: z
      .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
      .strict()
      .optional(),
    at: z.string().max(40),
    error: z.string().max(1000).optional(),
    /** `error` as the node's problem code (issue 22): worded in the sheet's and report's language. */
    problem: NodeProblemSchema.strict().optional(),
    /**
     * How a failed lookup ended (issue 22, decision 0077): worded where no `problem` was stored (an
     * answer of an earlier version), whose `error` is then its English as written.
     */
    status: z.enum(['timeout', 'error', 'unauthorised', 'cancelled']).optional(),
    /**
     * Individuals in the dataset as the node reported them to this user (a range when rounded);
     * absent when the node gives no size (boolean access, or the size query failed).
     */
    individuals: z
      .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
      .strict()
      .optional(),
    /** What the dataset declares (its node's /datasets), when read: decides BA1/BS1 use (0051). */
    declared: DatasetDeclarationSchema.optional(),
  })
  .strict();
export type FederatedAnswer = z.infer<typeof FederatedAnswerSchema>;

import { z } from 'zod';
import { Bs1AssumptionsSchema } from '../acmg/bs1';
import { EvidenceSheetSchema, FederatedAnswerSchema } from '../acmg/sheet';
import { CaseIdSchema } from './caseId';
import { CaseFilterSchema } from './filters';
import { LanguageSchema } from '../i18n/languages';
import { AuthorSchema } from './author';
import { HistorySaidSchema } from './historySaid';

/**
 * Case work (issue 18): status, tags and notes per case and per variant, the variants under review
 * with their ACMG evidence sheets, what goes into the report, the sign-off, and who changed what
 * when. Main keeps it sealed with the case (caseWork.ts); every change arrives as one `WorkChange`.
 */

export const WorkStatusSchema = z.enum(['new', 'in-review', 'solved', 'unsolved', 'reanalyse']);
const Tag = z.string().trim().min(1).max(60);
const Who = z.string().max(300);
const When = z.string().max(40);

/** `author`: who `by` is, as a kind (issue 22, decision 0077); absent in entries stored before. */
const Author = AuthorSchema.optional();

export const NoteSchema = z
  .object({ text: z.string().max(20_000), by: Who, author: Author, at: When })
  .strict();

/** What the report needs of a variant, as the case table showed it when it was added. */
export const VariantSnapshotSchema = z
  .object({
    variantKey: z.string().min(1).max(1000),
    chrom: z.string().max(50),
    pos: z.number().int().positive(),
    ref: z.string().max(1000),
    alt: z.string().max(1000),
    gene: z.string().max(100).nullable(),
    consequence: z.string().max(500).nullable(),
    hgvs_c: z.string().max(1000).nullable(),
    hgvs_p: z.string().max(1000).nullable(),
    /** The proband's genotype as called (e.g. "0/1"). */
    gt: z.string().max(50).nullable(),
    modes: z.array(z.string().max(50)).max(20),
    pop_af: z.number().nullable(),
    clinvar_sig: z.string().max(500).nullable(),
  })
  .strict();
export type VariantSnapshot = z.infer<typeof VariantSnapshotSchema>;

export const VariantWorkSchema = z
  .object({
    variant: VariantSnapshotSchema,
    tags: z.array(Tag).max(50),
    notes: z.array(NoteSchema).max(500),
    sheet: EvidenceSheetSchema,
    reported: z.boolean(),
  })
  .strict();
export type VariantWork = z.infer<typeof VariantWorkSchema>;

/** How the reported variants were found: the filter and preset in use, as the page had them. */
export const ReportMethodSchema = z
  .object({ filter: CaseFilterSchema, preset: z.string().max(100).optional() })
  .strict();
export type ReportMethod = z.infer<typeof ReportMethodSchema>;

export const SignOffSchema = z
  .object({
    by: Who,
    author: Author,
    at: When,
    statement: z.string().max(2000),
    method: ReportMethodSchema,
  })
  .strict();

/** The diagnosis the clinician names (Phenopacket interpretation.diagnosis.disease). */
export const DiagnosisSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*:\S{1,60}$/),
    label: z.string().min(1).max(300),
    /** Mode-of-inheritance HP ids (as numbers) from the shipped annotations (issue 18: BS1). */
    inheritance: z.array(z.number().int().nonnegative()).max(20).optional(),
    /** The clinician's assumptions for BS1's maximum credible frequency (shared/acmg/bs1.ts). */
    bs1: Bs1AssumptionsSchema.optional(),
  })
  .strict();
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

/** What the case was reviewed against: the local cache's datasets and the federation's nodes. */
export const ReviewBasisSchema = z
  .object({
    datasets: z.array(z.object({ id: z.string().max(300), pulledAt: When }).strict()).max(2000),
    nodes: z.array(z.string().max(200)).max(500),
  })
  .strict();
export type ReviewBasis = z.infer<typeof ReviewBasisSchema>;
export const LastReviewSchema = z
  .object({ at: When, by: Who, author: Author, basis: ReviewBasisSchema })
  .strict();

export const HistoryEntrySchema = z
  .object({
    at: When,
    by: Who,
    author: Author,
    what: z.string().max(60),
    detail: z.string().max(500),
    /** `detail` as codes the reader's language words (issue 22, decision 0077). */
    said: HistorySaidSchema.optional(),
  })
  .strict();
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const CaseWorkSchema = z
  .object({
    v: z.literal(1),
    status: WorkStatusSchema,
    tags: z.array(Tag).max(50),
    notes: z.array(NoteSchema).max(500),
    /** By variant key, in the order they were added. */
    variants: z.array(VariantWorkSchema).max(500),
    diagnosis: DiagnosisSchema.nullable(),
    signOff: SignOffSchema.nullable(),
    /** "Mark reviewed": what changed since is shown when the case is reopened. */
    lastReview: LastReviewSchema.nullable().default(null),
    history: z.array(HistoryEntrySchema),
  })
  .strict();
export type CaseWork = z.infer<typeof CaseWorkSchema>;

const VariantRef = z.string().min(1).max(1000);
export const WorkChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: WorkStatusSchema }).strict(),
  z
    .object({
      kind: z.literal('tags'),
      variantKey: VariantRef.optional(),
      tags: z.array(Tag).max(50),
    })
    .strict(),
  z
    .object({
      kind: z.literal('note'),
      variantKey: VariantRef.optional(),
      text: z.string().trim().min(1).max(20_000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('addVariant'),
      variant: VariantSnapshotSchema,
      sheet: EvidenceSheetSchema,
    })
    .strict(),
  z.object({ kind: z.literal('removeVariant'), variantKey: VariantRef }).strict(),
  /** The clinician's accept/reject/strength edits; a confirmation is dropped when the criteria change. */
  z
    .object({ kind: z.literal('sheet'), variantKey: VariantRef, sheet: EvidenceSheetSchema })
    .strict(),
  z.object({ kind: z.literal('confirm'), variantKey: VariantRef }).strict(),
  z.object({ kind: z.literal('unconfirm'), variantKey: VariantRef }).strict(),
  z.object({ kind: z.literal('reported'), variantKey: VariantRef, reported: z.boolean() }).strict(),
  z
    .object({
      kind: z.literal('signOff'),
      statement: z.string().max(2000),
      method: ReportMethodSchema,
    })
    .strict(),
  z.object({ kind: z.literal('withdrawSignOff') }).strict(),
  z.object({ kind: z.literal('diagnosis'), diagnosis: DiagnosisSchema.nullable() }).strict(),
  z.object({ kind: z.literal('reviewed'), basis: ReviewBasisSchema }).strict(),
]);
export type WorkChange = z.infer<typeof WorkChangeSchema>;

export const CaseWorkRequestSchema = z.object({ caseId: CaseIdSchema }).strict();
export const UpdateWorkRequestSchema = z
  .object({ caseId: CaseIdSchema, change: WorkChangeSchema })
  .strict();

/** 'case:report': the report of a case, as HTML or PDF (audited as case.report). */
export const CaseReportRequestSchema = z
  .object({
    caseId: CaseIdSchema,
    /** 'preview': the HTML shown inside the app before it is saved (issue 18). */
    format: z.enum(['html', 'pdf', 'preview']),
    /** The page's filter now; a signed-off report uses the one signed. */
    method: ReportMethodSchema,
    /** Seen-before answers for the reported variants; absent: "not looked up". */
    federated: z.array(FederatedAnswerSchema).max(20_000).optional(),
    /** The report's language (issue 22): the reader's, or English to share abroad; default English. */
    language: LanguageSchema.optional(),
  })
  .strict();
export const CaseReportSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** HTML text, or the PDF's bytes in base64. */
  body: z.string(),
  pages: z.number().int().positive().optional(),
});
export type CaseReport = z.infer<typeof CaseReportSchema>;

/** 'case:phenopacket': the case as a Phenopacket v2 with interpretations (audited as case.export). */
export const CasePhenopacketSchema = z.object({ fileName: z.string(), json: z.string() });

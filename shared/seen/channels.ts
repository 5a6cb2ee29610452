import { z } from 'zod';
import { DatasetDeclarationSchema } from '../acmg/declaration';
import { CaseIdSchema } from '../cases/caseId';
import { ClientQueryIdSchema } from '../search/channels';
import { CountSchema, NodeProblemSchema, NodeUpdateSchema } from '../search/results';

/**
 * "Seen before" and "Patients like mine" (issue 18): the IPC contract. The renderer names each
 * run (its query id, as search:run does: decision 0026), main fans the lookups out to every node
 * and pushes per-node progress; the answers are sealed with the case (decision 0030).
 */

/** One candidate allele of the case, GRCh38, VCF style (1-based position, minimal alleles). */
export const SeenCandidateSchema = z
  .object({
    chrom: z.string().regex(/^(?:[1-9]|1\d|2[0-2]|X|Y|MT)$/),
    pos: z.number().int().positive(),
    ref: z.string().regex(/^[ACGTN]{1,200}$/),
    alt: z.string().regex(/^[ACGTN]{1,200}$/),
    gene: z.string().max(40).optional(),
    /**
     * Cancer cohorts (issue 19): only carriers whose tumour is of this OncoTree type, asked as the
     * Beacon disease filter `oncotree:<code>` (the demo's term mapping: federation/reference/oncotree.ts).
     */
    tumourType: z
      .string()
      .regex(/^[A-Z][A-Z0-9]{1,11}$/)
      .optional(),
  })
  .strict();
export type SeenCandidate = z.infer<typeof SeenCandidateSchema>;

/** The Beacon filter id of an OncoTree tumour type. */
export const tumourTypeFilter = (code: string): string => `oncotree:${code}`;

/**
 * The key an allele is stored and shown under: `17-43057062-T-TG`; a tumour-type lookup of it
 * (issue 19) is `17-43057062-T-TG@BRCA`, so both are kept side by side.
 */
export const candidateKey = (
  c: Pick<SeenCandidate, 'chrom' | 'pos' | 'ref' | 'alt'> & { tumourType?: string | undefined },
): string =>
  `${c.chrom}-${String(c.pos)}-${c.ref}-${c.alt}${c.tumourType === undefined ? '' : `@${c.tumourType}`}`;

/**
 * Most carriers kept per dataset and allele (issue 18): further pages are not fetched and the
 * answer says how many were left (`carriersNotFetched`), so a 500-allele batch stays storable.
 */
export const MAX_CARRIERS_PER_DATASET = 1_000;

/** Most candidates one batch takes (the issue's 500, with room). */
export const MAX_CANDIDATES = 1_000;

export const SeenLookupRequestSchema = z
  .object({
    queryId: ClientQueryIdSchema,
    caseId: CaseIdSchema,
    candidates: z.array(SeenCandidateSchema).min(1).max(MAX_CANDIDATES),
  })
  .strict();

/** A carrier as a node listed it (record granularity): its phenotypes as the node labelled them. */
export const SeenCarrierSchema = z.object({
  datasetId: z.string(),
  id: z.string(),
  sex: z.string(),
  phenotypes: z.array(z.string()),
});
export type SeenCarrier = z.infer<typeof SeenCarrierSchema>;

/** One node's answer for one allele, as of `at` (stored with the case; shown after reopening). */
export const SeenAnswerSchema = z.object({
  key: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  country: z.string(),
  at: z.iso.datetime(),
  status: z.enum(['ok', 'timeout', 'error', 'unauthorised', 'cancelled']),
  granularity: z.enum(['boolean', 'count', 'record']).optional(),
  exists: z.boolean().optional(),
  count: CountSchema.optional(),
  datasets: z
    .array(
      z.object({
        id: z.string(),
        exists: z.boolean(),
        granularity: z.enum(['boolean', 'count', 'record']),
        count: CountSchema.optional(),
        /** Individuals in the dataset as the node counted them for this user (issue 18). */
        size: CountSchema.optional(),
        /** What the dataset declares in the node's /datasets (decision 0051); absent: not read. */
        declared: DatasetDeclarationSchema.optional(),
      }),
    )
    .optional(),
  /** Carriers not fetched because the paging bound was hit (issue 18); absent: none left out. */
  carriersNotFetched: z.number().int().nonnegative().optional(),
  carriers: z.array(SeenCarrierSchema).optional(),
  message: z.string().optional(),
  /** `message` as a code the renderer words (issue 22); absent in answers stored before it. */
  problem: NodeProblemSchema.optional(),
  /**
   * Issue 19: the allele's tumour type is not among the terms the node lists in its
   * /filtering_terms (as of `at`), so the node was not asked; not a "no".
   */
  notOffered: z.literal(true).optional(),
});
export type SeenAnswer = z.infer<typeof SeenAnswerSchema>;

/** Per-node state of a batch: pushed as `seen:progress` when it changes (throttled). */
export const SeenProgressSchema = z.object({
  queryId: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  country: z.string(),
  status: z.enum(['waiting', 'running', 'ok', 'error', 'cancelled']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  timeMs: z.number().nonnegative().optional(),
  message: z.string().optional(),
  /**
   * `message` as codes for the renderer's words (issue 22): the node stopped being asked after
   * `limit` failures in a row, none of its lookups was answered, or some failed; `last` is why the
   * last one failed.
   */
  problem: z
    .object({
      kind: z.enum(['stopped', 'none', 'some']),
      failed: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      limit: z.number().int().positive().optional(),
      last: NodeProblemSchema.optional(),
    })
    .optional(),
});
export type SeenProgress = z.infer<typeof SeenProgressSchema>;

export const SeenDoneSchema = z.object({
  queryId: z.string(),
  caseId: z.string(),
  cancelled: z.boolean(),
  totalMs: z.number().nonnegative(),
  /** Answers now stored with the case (ok or not). */
  stored: z.number().int().nonnegative(),
});
export type SeenDone = z.infer<typeof SeenDoneSchema>;

/** What is stored with a case: the latest answer per allele and node. */
export const SeenStoredSchema = z.object({
  caseId: z.string(),
  answers: z.array(SeenAnswerSchema),
});
export type SeenStored = z.infer<typeof SeenStoredSchema>;

export const SeenCaseRefSchema = z.strictObject({ caseId: CaseIdSchema });
export const SeenCancelSchema = z.strictObject({ queryId: ClientQueryIdSchema });

/** "Patients like mine": a gene and HPO terms (each with descendants). */
export const LikeRequestSchema = z
  .object({
    caseId: CaseIdSchema,
    gene: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/),
    terms: z
      .array(z.string().regex(/^HP:\d{7}$/))
      .min(1)
      .max(10),
  })
  .strict();
export type LikeRequest = z.infer<typeof LikeRequestSchema>;
export const LikeRunRequestSchema = LikeRequestSchema.extend({ queryId: ClientQueryIdSchema });

/** A patient term as the dialog offers it: most informative first. */
export const LikeTermSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Information content over the disease annotations (ln units). */
  ic: z.number(),
});
export type LikeTerm = z.infer<typeof LikeTermSchema>;

export const LikeTermsSchema = z.object({
  terms: z.array(LikeTermSchema),
  /** Patient term ids the HPO table does not know (said, not sent). */
  unknown: z.array(z.string()),
});

/** Exactly what goes to one node: method, address and body (the node's token is added, never shown). */
export const LikeSentSchema = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  country: z.string(),
  method: z.literal('POST'),
  url: z.string(),
  body: z.string(),
  /** Whether the node receives the user's access token for it (signed in, allow-listed: BCN-02). */
  withToken: z.boolean(),
});
export const LikePreviewSchema = z.object({
  gene: z.string(),
  terms: z.array(LikeTermSchema),
  sent: z.array(LikeSentSchema),
});
export type LikePreview = z.infer<typeof LikePreviewSchema>;

/** A node's answer to "patients like mine", with a phenotype similarity per returned record. */
export const LikeUpdateSchema = NodeUpdateSchema.extend({
  /** `datasetId/id` → symmetric Resnik best-match average with the patient (records only). */
  scores: z.record(z.string(), z.number()).optional(),
});
export type LikeUpdate = z.infer<typeof LikeUpdateSchema>;

/**
 * One "patients like mine" run as stored with the case (issue 18): exactly what was sent to which
 * node (the preview's own records), when, and each node's final answer with its similarity scores,
 * so reopening the case offline shows them as of their time.
 */
export const LikeStoredRunSchema = z.object({
  queryId: z.string(),
  at: z.iso.datetime(),
  gene: z.string(),
  terms: z.array(LikeTermSchema),
  sent: z.array(LikeSentSchema),
  nodes: z.array(LikeUpdateSchema),
  cancelled: z.boolean(),
});
export type LikeStoredRun = z.infer<typeof LikeStoredRunSchema>;
export const LikeStoredSchema = z.object({
  caseId: z.string(),
  runs: z.array(LikeStoredRunSchema),
});
export type LikeStored = z.infer<typeof LikeStoredSchema>;

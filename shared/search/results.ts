import { z } from 'zod';
import type { LiftFailure } from '../genome/liftover';

/** Why a place has no counterpart on another assembly (shared/genome/liftover.ts's codes). */
const LiftFailureSchema: z.ZodType<LiftFailure> = z.enum([
  'unknown-chromosome',
  'unmapped',
  'split',
  'gap',
  'reverse-strand-indel',
]);

/** How exact a node's count is (the demo nodes flag it with countPrecision / countAdjustedTo). */
export const CountSchema = z.object({
  value: z.number().int().nonnegative(),
  precision: z.enum(['exact', 'rounded', 'range']),
  /** rounded: the rounding step; range: the bound N of "<N". */
  adjustedTo: z.number().int().positive().optional(),
});
export type Count = z.infer<typeof CountSchema>;

export const NodeStatusSchema = z.enum([
  'waiting',
  'slow',
  'ok',
  'timeout',
  'error',
  'unauthorised',
  'cancelled',
]);
export type NodeStatus = z.infer<typeof NodeStatusSchema>;

/** Statuses after which a node sends no more updates for this attempt. */
export const FINAL_STATUSES: readonly NodeStatus[] = [
  'ok',
  'timeout',
  'error',
  'unauthorised',
  'cancelled',
];

const ProvenanceSchema = z.object({ nodeId: z.string(), datasetId: z.string() });

/** One individual as the record table shows it; labels come from the node's own records. */
export const IndividualRowSchema = ProvenanceSchema.extend({
  kind: z.literal('individual'),
  id: z.string(),
  sex: z.string(),
  /** The sex as a code when the node used the NCIT term (issue 22: the renderer words it). */
  sexCode: z.enum(['female', 'male', 'unknown']).optional(),
  phenotypes: z.array(z.string()),
  diseases: z.array(z.string()),
  /** geographicOrigin as the node labelled it (the detail view shows it). */
  origin: z.string().optional(),
});
export type IndividualRow = z.infer<typeof IndividualRowSchema>;

/**
 * Where a variant is, read from the record itself (VRS location, genomic HGVS or the legacy position
 * members; never from its opaque variantInternalId: issue 15 item 3). Interbase coordinates as VRS
 * and Beacon use them: `start` 0-based, `end` exclusive.
 */
export const VariantLocationSchema = z.object({
  chr: z.string().regex(/^(?:[1-9]|1\d|2[0-2]|X|Y|MT)$/),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The reference bases over [start, end) when the record states them ('' for an insertion). */
  ref: z
    .string()
    .regex(/^[ACGTN]*$/)
    .optional(),
  /** The bases replacing [start, end) when the record states them ('' for a deletion). */
  alt: z
    .string()
    .regex(/^[ACGTUNRYSWKMBDHV]*$/)
    .optional(),
  /** From the sequence accession or the record's assemblyId; absent when the record does not say. */
  assembly: z.enum(['GRCh37', 'GRCh38']).optional(),
  /** Which part of the record the position came from. */
  from: z.enum(['vrs', 'hgvs', 'legacy']),
});
export type VariantLocation = z.infer<typeof VariantLocationSchema>;

/** One variant as the record table shows it, with its frequency in the node's dataset. */
export const VariantRowSchema = ProvenanceSchema.extend({
  kind: z.literal('variant'),
  id: z.string(),
  gene: z.string(),
  consequence: z.string(),
  hgvs: z.string(),
  frequency: z.number().min(0).max(1).optional(),
  location: VariantLocationSchema.optional(),
  variantType: z.string().optional(),
  genomicHgvs: z.string().optional(),
  /** Case-level entries (carriers) the node listed for this variant. */
  carriers: z.number().int().nonnegative().optional(),
  /** The node's own coordinates when they were converted to GRCh38 (or could not be). */
  nodePlace: z
    .object({
      assembly: z.string(),
      chrom: z.string(),
      pos: z.number().int().positive(),
      ref: z.string(),
      alt: z.string(),
    })
    .optional(),
  /** Why the variant has no GRCh38 place (issue 15 item 2: shown, never dropped silently). */
  unplaced: z.string().optional(),
  /** REF at the mapped place differs from the query's (liftover maps positions, not alleles). */
  refNote: z.string().optional(),
  /** `refNote` as parameters the renderer words (issue 22): the query's REF, the node's, its assembly. */
  refDiffers: z.object({ asked: z.string(), node: z.string(), assembly: z.string() }).optional(),
});
export type VariantRow = z.infer<typeof VariantRowSchema>;

export const RecordRowSchema = z.discriminatedUnion('kind', [
  IndividualRowSchema,
  VariantRowSchema,
]);
export type RecordRow = z.infer<typeof RecordRowSchema>;

export const DatasetResultSchema = z.object({
  id: z.string(),
  exists: z.boolean(),
  granularity: z.enum(['boolean', 'count', 'record']),
  count: CountSchema.optional(),
  /** Record rows this answer carries for the dataset (the first page: "the first N of M"). */
  recordsReceived: z.number().int().nonnegative().optional(),
  /** Set when the result set could not be read: what was wrong, located (issue 15 item 1). */
  unreadable: z.string().optional(),
});
export type DatasetResult = z.infer<typeof DatasetResultSchema>;

/** Most conformance notes one node update carries. */
export const MAX_NOTES = 40;

/** Most records one node sends per query over IPC; the rest stay at the node (paging later). */
export const MAX_RECORDS_PER_NODE = 500;

/** One node's state for one query: pushed as `search:nodeUpdate` each time it changes. */
/**
 * Why a node's request failed, as a code and parameters (issue 22): main's `message` says the same
 * in English for the CLI; the renderer words this. `nodeText` is the node's own errorMessage.
 */
export const NodeProblemSchema = z.object({
  code: z.enum([
    'redirect',
    'refused',
    'error',
    'not-json',
    'not-beacon',
    'get-only',
    'not-queried',
    'timeout',
    'too-large',
    'unreachable',
    // Issue 22: the node messages main built without a code (decision 0058).
    'other-assembly',
    'no-conversion',
    'region-unplaced',
    'variant-unplaced',
    'rejected',
    // Decision 0101: the node's answer says it did not use part of the query (a broader query).
    'ignored-filter',
    'ignored-parameter',
    'ignored-page',
  ]),
  http: z.number().int().optional(),
  nodeText: z.string().max(2000).optional(),
  seconds: z.number().nonnegative().optional(),
  mb: z.number().nonnegative().optional(),
  /** The node's assembly (no-conversion, *-unplaced) or the one its records named (other-assembly). */
  assembly: z.string().max(100).optional(),
  /** other-assembly: the assembly the query was sent in. */
  askedIn: z.string().max(100).optional(),
  /**
   * *-unplaced: the region ("17:7675088-7675088") or variant ("17-7675088-C-T") asked for;
   * ignored-filter / ignored-parameter: the filter ids or parameter names the node did not use.
   */
  where: z.string().max(1000).optional(),
  /** *-unplaced: why it has no place on the node's assembly. */
  lift: LiftFailureSchema.optional(),
  /** rejected: how many records were left out. */
  count: z.number().int().nonnegative().optional(),
});
export type NodeProblem = z.infer<typeof NodeProblemSchema>;

export const NodeUpdateSchema = z.object({
  queryId: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  country: z.string(),
  status: NodeStatusSchema,
  attempt: z.number().int().positive(),
  method: z.enum(['POST', 'GET']).optional(),
  returnedGranularity: z.enum(['boolean', 'count', 'record']).optional(),
  exists: z.boolean().optional(),
  count: CountSchema.optional(),
  datasets: z.array(DatasetResultSchema).optional(),
  timeMs: z.number().nonnegative().optional(),
  records: z.array(RecordRowSchema).max(MAX_RECORDS_PER_NODE).optional(),
  recordsTruncated: z.boolean().optional(),
  /** The node's assembly and where the app learnt it (issue 15 item 2). */
  assembly: z
    .object({
      name: z.string(),
      source: z.enum(['directory', 'node', 'records', 'assumed', 'unasked']),
    })
    .optional(),
  /** The coordinates the node was asked in, when converted from GRCh38 (e.g. "GRCh37 17:7578406-7578406"). */
  asked: z.string().optional(),
  /** Plain words for a person when the node did not answer (CONVENTIONS rule 14). */
  message: z.string().optional(),
  /** `message` as a code the renderer words in the user's language (issue 22). */
  problem: NodeProblemSchema.optional(),
  /**
   * Conformance notes: what the reader tolerated in this node's answer (v2.0 shapes, missing
   * members, unreadable result sets), so a node operator can be told (issue 15 item 1).
   */
  notes: z.array(z.string().max(500)).max(MAX_NOTES).optional(),
});
export type NodeUpdate = z.infer<typeof NodeUpdateSchema>;

export const SearchDoneSchema = z.object({
  queryId: z.string(),
  cancelled: z.boolean(),
  totalMs: z.number().nonnegative(),
});
export type SearchDone = z.infer<typeof SearchDoneSchema>;

import { z } from 'zod';

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
  phenotypes: z.array(z.string()),
  diseases: z.array(z.string()),
});
export type IndividualRow = z.infer<typeof IndividualRowSchema>;

/** One variant as the record table shows it, with its frequency in the node's dataset. */
export const VariantRowSchema = ProvenanceSchema.extend({
  kind: z.literal('variant'),
  id: z.string(),
  gene: z.string(),
  consequence: z.string(),
  hgvs: z.string(),
  frequency: z.number().min(0).max(1).optional(),
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
});
export type DatasetResult = z.infer<typeof DatasetResultSchema>;

/** Most records one node sends per query over IPC; the rest stay at the node (paging later). */
export const MAX_RECORDS_PER_NODE = 500;

/** One node's state for one query: pushed as `search:nodeUpdate` each time it changes. */
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
  /** Plain words for a person when the node did not answer (CONVENTIONS rule 14). */
  message: z.string().optional(),
});
export type NodeUpdate = z.infer<typeof NodeUpdateSchema>;

export const SearchDoneSchema = z.object({
  queryId: z.string(),
  cancelled: z.boolean(),
  totalMs: z.number().nonnegative(),
});
export type SearchDone = z.infer<typeof SearchDoneSchema>;

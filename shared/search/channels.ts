import { z } from 'zod';
import { SearchQuerySchema } from './query';

/** Schemas of the search:* IPC channels; shared/ipc/contract.ts lists them. */
export const QueryIdSchema = z.strictObject({ queryId: z.string().min(1).max(100) });

/**
 * A query id the renderer makes (crypto.randomUUID) and sends with search:run, so it follows the
 * query's node updates from the start: no update can arrive before the page knows its query (issue 14).
 */
export const ClientQueryIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'a query id is 8 to 64 letters, digits, - or _');
export const RunRequestSchema = z
  .object({ queryId: ClientQueryIdSchema, query: SearchQuerySchema })
  .strict();
export const RetryRequestSchema = QueryIdSchema.extend({ nodeId: z.string().min(1).max(100) });

export const RecentQuerySchema = z.object({
  query: SearchQuerySchema,
  description: z.string(),
  ranAt: z.iso.datetime(),
});
export type RecentQuery = z.infer<typeof RecentQuerySchema>;
export const RecentListSchema = z.object({ items: z.array(RecentQuerySchema).max(50) });

export const SuggestRequestSchema = z.strictObject({
  kind: z.enum(['gene', 'filter']),
  text: z.string().max(100),
  limit: z.number().int().min(1).max(50).default(10),
});
export const SuggestionSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** What the suggestion is: gene location, ontology name, nodes offering the term. */
  detail: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;
export const SuggestResponseSchema = z.object({ items: z.array(SuggestionSchema) });

export const SaveRequestSchema = z.strictObject({ query: SearchQuerySchema });
export const SaveResponseSchema = z.object({ text: z.string(), fileName: z.string() });
export const OpenRequestSchema = z.strictObject({
  text: z.string().max(1_000_000),
  fileName: z.string().max(255),
});

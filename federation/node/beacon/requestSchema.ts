import { z } from 'zod';

/** zod schema for the Beacon v2 POST body (framework requests/beaconRequestBody), tolerant of the flat form. */

const int = z.number().int().nonnegative();
const intOrList = z.union([int, z.array(int).min(1).max(2)]);

export const AlphanumericFilterZ = z.object({
  id: z.string().min(1).max(200),
  operator: z.enum(['=', '!', '<', '>', '<=', '>=']),
  value: z.union([z.string().max(200), z.number()]),
  scope: z.string().max(100).optional(),
});

export const OntologyFilterZ = z.strictObject({
  id: z.string().min(1).max(200),
  includeDescendantTerms: z.boolean().optional(),
  similarity: z.enum(['exact', 'high', 'medium', 'low']).optional(),
  scope: z.string().max(100).optional(),
});

export const RequestParametersZ = z.object({
  referenceName: z.string().min(1).max(50).optional(),
  start: intOrList.optional(),
  end: intOrList.optional(),
  referenceBases: z.string().max(1000).optional(),
  alternateBases: z.string().max(1000).optional(),
  geneId: z.string().min(1).max(50).optional(),
  aminoacidChange: z.string().min(1).max(100).optional(),
  variantType: z.string().min(1).max(50).optional(),
  assemblyId: z.string().min(1).max(50).optional(),
  datasetIds: z.union([z.string(), z.array(z.string().max(100)).max(100)]).optional(),
});

const GranularityZ = z.enum(['boolean', 'count', 'record']);
const IncludeZ = z.enum(['ALL', 'HIT', 'MISS', 'NONE']);
const PaginationZ = z.object({ skip: int.optional(), limit: int.optional() });

export const QueryZ = z.object({
  requestParameters: z
    // The wrapped form first: a plain object schema would accept {g_variant:{…}} and strip it.
    .union([z.object({ g_variant: RequestParametersZ }), RequestParametersZ])
    .optional(),
  filters: z
    .array(z.union([AlphanumericFilterZ, OntologyFilterZ, z.string().min(1)]))
    .max(50)
    .optional(),
  includeResultsetResponses: IncludeZ.optional(),
  pagination: PaginationZ.optional(),
  requestedGranularity: GranularityZ.optional(),
  testMode: z.boolean().optional(),
});

export const BeaconRequestBodyZ = z.object({
  $schema: z.string().optional(),
  meta: z.object({
    apiVersion: z.string().min(1).max(20),
    requestedSchemas: z
      .array(z.object({ entityType: z.string().optional(), schema: z.string().optional() }))
      .optional(),
  }),
  query: QueryZ.optional(),
  // Tolerated flat form (docs/variant-queries.md narrative examples, STANDARDS 3.2 gotcha).
  requestedGranularity: GranularityZ.optional(),
  pagination: PaginationZ.optional(),
});

export type BeaconRequestBody = z.infer<typeof BeaconRequestBodyZ>;
export type RequestParameters = z.infer<typeof RequestParametersZ>;

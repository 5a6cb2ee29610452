import { z } from 'zod';

/**
 * Project-side zod schemas for every response the node sends (BCN-04): used by the node's own tests and
 * usable by clients. They mirror the Beacon v2.1.1 framework/default-model requirements we rely on.
 */

const Term = z.object({ id: z.string().regex(/^\w[^:]*:.+$/), label: z.string().optional() });
const Granularity = z.enum(['boolean', 'count', 'record']);

export const ResponseMetaZ = z.object({
  beaconId: z.string().min(1),
  apiVersion: z.literal('v2.1.1'),
  returnedGranularity: Granularity,
  returnedSchemas: z.array(z.object({ entityType: z.string(), schema: z.string() })),
  receivedRequestSummary: z.object({
    apiVersion: z.string(),
    requestedSchemas: z.array(
      z.object({ entityType: z.string().optional(), schema: z.string().optional() }),
    ),
    pagination: z.object({
      skip: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
    }),
    requestedGranularity: Granularity,
    filters: z.array(z.string()).optional(),
    requestParameters: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    includeResultsetResponses: z.enum(['ALL', 'HIT', 'MISS', 'NONE']).optional(),
  }),
});

const CountAdjust = {
  countPrecision: z.enum(['rounded', 'range']).optional(),
  countAdjustedTo: z.number().int().positive().optional(),
};

export const ErrorResponseZ = z.object({
  meta: ResponseMetaZ,
  error: z.object({
    errorCode: z.number().int().min(400).max(599),
    errorMessage: z.string().min(1),
  }),
});

export const BooleanResponseZ = z.object({
  meta: ResponseMetaZ,
  responseSummary: z.object({ exists: z.boolean() }).strict(),
});

export const IndividualZ = z.object({
  id: z.string().min(1),
  sex: Term,
  diseases: z.array(z.object({ diseaseCode: Term })),
  phenotypicFeatures: z.array(z.object({ featureType: Term })),
  geographicOrigin: Term,
});

export const BiosampleZ = z.object({
  id: z.string(),
  individualId: z.string(),
  biosampleStatus: Term,
  sampleOriginType: Term,
  sampleOriginDetail: Term,
});

const Num = z.object({ type: z.literal('Number'), value: z.number().int().min(0) });
export const VariantZ = z.object({
  variantInternalId: z.string().regex(/^([0-9]{1,2}|X|Y)-\d+-[ACGTN]+-[ACGTN]+$/),
  variation: z.object({
    variantType: z.string(),
    referenceBases: z.string().regex(/^[ACGTN]+$/),
    alternateBases: z.string().regex(/^[ACGTN]+$/),
    location: z.object({
      type: z.literal('SequenceLocation'),
      sequence_id: z.string().regex(/^refseq:NC_0000\d\d\.\d+$/),
      interval: z.object({ type: z.literal('SequenceInterval'), start: Num, end: Num }),
    }),
  }),
  identifiers: z.object({ genomicHGVSId: z.string().regex(/^NC_0000\d\d\.\d+:g\./) }),
  molecularAttributes: z.object({
    geneIds: z.array(z.string()).min(1),
    molecularEffects: z.array(Term).min(1),
    aminoacidChanges: z.array(z.string()),
  }),
  caseLevelData: z.array(
    z.object({ biosampleId: z.string(), individualId: z.string(), zygosity: Term }),
  ),
  frequencyInPopulations: z.array(
    z.object({
      source: z.string(),
      sourceReference: z.string(),
      frequencies: z
        .array(z.object({ population: z.string(), alleleFrequency: z.number().min(0).max(1) }))
        .min(1),
    }),
  ),
});

export const ResultSetZ = z.object({
  id: z.string(),
  setType: z.literal('dataset'),
  exists: z.boolean(),
  resultsCount: z.number().int().min(0),
  results: z.array(z.record(z.string(), z.unknown())),
  info: z.object({ returnedGranularity: z.enum(['count', 'record']), ...CountAdjust }),
});

export const ResultsetsResponseZ = z.object({
  meta: ResponseMetaZ,
  responseSummary: z.object({
    exists: z.boolean(),
    numTotalResults: z.number().int().min(0),
    ...CountAdjust,
  }),
  response: z.object({ resultSets: z.array(ResultSetZ) }),
  info: z
    .object({ booleanResultSets: z.array(z.object({ id: z.string(), exists: z.boolean() })) })
    .optional(),
});

export const CollectionsResponseZ = z.object({
  meta: ResponseMetaZ,
  responseSummary: z.object({ exists: z.boolean(), numTotalResults: z.number().int().min(0) }),
  response: z.object({
    collections: z.array(z.object({ id: z.string(), name: z.string() }).loose()),
  }),
});

const InformationalMetaZ = z.object({
  beaconId: z.string(),
  apiVersion: z.literal('v2.1.1'),
  returnedSchemas: z.array(z.unknown()),
});

export const FilteringTermsResponseZ = z.object({
  meta: InformationalMetaZ,
  response: z.object({
    filteringTerms: z.array(
      z.object({
        type: z.enum(['ontologyTerm', 'alphanumeric']),
        id: z.string(),
        label: z.string().min(1),
        scopes: z.array(z.string()).min(1),
      }),
    ),
  }),
});

export const InformationalResponseZ = z.object({
  meta: InformationalMetaZ,
  response: z.record(z.string(), z.unknown()),
});

export const ServiceInfoZ = z.object({
  id: z.string(),
  name: z.string(),
  type: z.object({ group: z.string(), artifact: z.literal('beacon'), version: z.string() }),
  organization: z.object({ name: z.string(), url: z.string() }),
  version: z.string(),
});

/** Record schema per entry type (validates each result at record granularity). */
export const RECORD_SCHEMAS = {
  individuals: IndividualZ,
  biosamples: BiosampleZ,
  g_variants: VariantZ,
} as const;

/** Picks the envelope schema the way verifiers do: by error, returnedGranularity, or collection. */
export function validateBeaconResponse(body: unknown, entity?: keyof typeof RECORD_SCHEMAS): void {
  const b = body as {
    error?: unknown;
    meta?: { returnedGranularity?: string };
    response?: { collections?: unknown };
  };
  if (b.error !== undefined) {
    ErrorResponseZ.parse(body);
    return;
  }
  if (b.response?.collections !== undefined) {
    CollectionsResponseZ.parse(body);
    return;
  }
  if (b.meta?.returnedGranularity === 'boolean') {
    BooleanResponseZ.parse(body);
    return;
  }
  const r = ResultsetsResponseZ.parse(body);
  if (entity === undefined) return;
  for (const set of r.response.resultSets)
    for (const rec of set.results) RECORD_SCHEMAS[entity].parse(rec);
}

import { z } from 'zod';

/**
 * zod schemas for Beacon v2.1.1 responses, following the official framework schemas
 * (framework/json/responses/**); extra members are allowed as the schemas allow them. The pull
 * reads entry responses with these (BCN-04); search reads them with the tolerant, per-result-set
 * reader in beaconReader.ts (issue 15), and uses the error and filtering-terms schemas here.
 */

const Granularity = z.enum(['boolean', 'count', 'record']);

export const OntologyTermZ = z.looseObject({ id: z.string(), label: z.string().optional() });

/** responses/sections/beaconResponseMeta.json (required members only; receivedRequestSummary kept loose). */
export const ResponseMetaZ = z.looseObject({
  beaconId: z.string(),
  apiVersion: z.string(),
  // Required by the schema, yet absent from the official examples: read as the schema's default,
  // 'boolean', so a node that omits it is never credited with counts or records (BCN-01).
  returnedGranularity: Granularity.default('boolean'),
  receivedRequestSummary: z.looseObject({}),
  returnedSchemas: z.array(z.looseObject({})),
  testMode: z.boolean().optional(),
});

/** The count-precision extension members the demo nodes add (allowed by the schema's open objects). */
const CountExtension = {
  countPrecision: z.enum(['exact', 'rounded', 'range']).optional(),
  countAdjustedTo: z.number().int().positive().optional(),
};

/** responses/sections/beaconSummaryResponseSection.json */
export const ResponseSummaryZ = z.looseObject({
  exists: z.boolean(),
  numTotalResults: z.number().int().nonnegative().optional(),
  ...CountExtension,
});

/** BCN-04: only dataset result sets are understood; anything else is rejected, not guessed at. */
export const ResultsetZ = z.looseObject({
  id: z.string(),
  setType: z.literal('dataset'),
  exists: z.boolean(),
  resultsCount: z.number().int().nonnegative(),
  results: z.array(z.looseObject({})),
  info: z
    .looseObject({ returnedGranularity: Granularity.optional(), ...CountExtension })
    .optional(),
});
export type Resultset = z.infer<typeof ResultsetZ>;

/** beaconBooleanResponse / beaconCountResponse / beaconResultsetsResponse in one: response is optional. */
export const EntryResponseZ = z.looseObject({
  meta: ResponseMetaZ,
  responseSummary: ResponseSummaryZ,
  response: z.looseObject({ resultSets: z.array(ResultsetZ) }).optional(),
  info: z.looseObject({}).optional(),
});
export type EntryResponse = z.infer<typeof EntryResponseZ>;

/** responses/beaconErrorResponse.json (meta kept loose: nodes in error often send partial meta). */
export const ErrorResponseZ = z.looseObject({
  meta: z.looseObject({}).optional(),
  error: z.looseObject({ errorCode: z.number().int(), errorMessage: z.string().optional() }),
});

/**
 * A beaconErrorResponse as a node sends it (framework/json/responses/beaconErrorResponse.json):
 * `error` and no `responseSummary`, read whatever the HTTP status (a node telling why it did not
 * answer is a Beacon answer, not a broken one, decision 0096). The code when it is an integer and
 * the node's words when they are a string, each kept without the other. Search (nodeClient.ts)
 * and pull pages (beaconPages.ts) both read errors here and map the code to a status their way.
 */
export function beaconErrorOf(json: unknown): { code?: number; message?: string } | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const o = json as Record<string, unknown>;
  // `error: null` beside an answer is no error (some servers always send the key).
  if (o.error === undefined || o.error === null || o.responseSummary !== undefined)
    return undefined;
  const e = typeof o.error === 'object' ? (o.error as Record<string, unknown>) : {};
  return {
    ...(Number.isInteger(e.errorCode) ? { code: e.errorCode as number } : {}),
    ...(typeof e.errorMessage === 'string' ? { message: e.errorMessage } : {}),
  };
}

/** Default-model individual (models/json/beacon-v2-default-model/individuals: id and sex required). */
export const IndividualRecordZ = z.looseObject({
  id: z.string(),
  sex: OntologyTermZ,
  diseases: z.array(z.looseObject({ diseaseCode: OntologyTermZ })).optional(),
  phenotypicFeatures: z.array(z.looseObject({ featureType: OntologyTermZ })).optional(),
  info: z.looseObject({ datasetId: z.string().optional() }).optional(),
});

const Frequencies = z.array(
  z.looseObject({
    source: z.string().optional(),
    frequencies: z.array(z.looseObject({ alleleFrequency: z.number().min(0).max(1) })),
  }),
);

/** Default-model genomicVariation (variantInternalId and variation required). */
export const VariantRecordZ = z.looseObject({
  variantInternalId: z.string(),
  variation: z.looseObject({}),
  identifiers: z
    .looseObject({
      genomicHGVSId: z.string().optional(),
      proteinHGVSIds: z.array(z.string()).optional(),
      transcriptHGVSIds: z.array(z.string()).optional(),
    })
    .optional(),
  molecularAttributes: z
    .looseObject({
      geneIds: z.array(z.string()).optional(),
      molecularEffects: z.array(OntologyTermZ).optional(),
    })
    .optional(),
  frequencyInPopulations: Frequencies.optional(),
});

/** responses/beaconFilteringTermsResponse.json: response.filteringTerms[] with type and id required. */
export const FilteringTermsResponseZ = z.looseObject({
  response: z.looseObject({
    filteringTerms: z
      .array(
        z.looseObject({
          type: z.string(),
          id: z.string(),
          label: z.string().optional(),
          scopes: z.array(z.string()).optional(),
        }),
      )
      .optional(),
  }),
});
export type FilteringTerm = NonNullable<
  z.infer<typeof FilteringTermsResponseZ>['response']['filteringTerms']
>[number];

/** Normalised Beacon v2 request, the one shape GET and POST both parse into (BCN contract test 3.6.2). */

export type Granularity = 'boolean' | 'count' | 'record';
export type IncludeResultsets = 'ALL' | 'HIT' | 'MISS' | 'NONE';

export const GRANULARITY_ORDER: Record<Granularity, number> = { boolean: 0, count: 1, record: 2 };

/** The lower of two granularities: requests can lower what access allows, never raise it (BCN-01). */
export function minGranularity(a: Granularity, b: Granularity): Granularity {
  return GRANULARITY_ORDER[a] <= GRANULARITY_ORDER[b] ? a : b;
}

/** An ontology filter (includeDescendantTerms defaults to true per requests/filteringTerms). */
export interface OntologyFilter {
  kind: 'ontology';
  id: string;
  includeDescendantTerms: boolean;
  scope?: string;
}

/** An alphanumeric filter `{id, operator, value}`. */
export interface AlphanumericFilter {
  kind: 'alphanumeric';
  id: string;
  operator: '=' | '!' | '<' | '>' | '<=' | '>=';
  value: string;
  scope?: string;
}

export type Filter = OntologyFilter | AlphanumericFilter;

/** Genomic request parameters after parsing; coordinates are Beacon 0-based, half-open. */
export interface VariantParams {
  referenceName?: string;
  start?: number[];
  end?: number[];
  referenceBases?: string;
  alternateBases?: string;
  geneId?: string;
  aminoacidChange?: string;
  variantType?: string;
  assemblyId?: string;
}

export interface BeaconRequest {
  apiVersion: string;
  requestedSchemas: { entityType?: string | undefined; schema?: string | undefined }[];
  params: VariantParams;
  filters: Filter[];
  /** Filters as received, for receivedRequestSummary (the schema wants strings). */
  filterIds: string[];
  datasetIds?: string[];
  requestedGranularity: Granularity;
  includeResultsetResponses: IncludeResultsets;
  /** skip counts pages, not records (beaconCommonComponents Skip). */
  skip: number;
  limit: number;
  testMode: boolean;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 1000;
export const API_VERSION = 'v2.1.1';

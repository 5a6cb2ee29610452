import { badRequest } from '../http/errors';
import { BeaconRequestBodyZ, type RequestParameters } from './requestSchema';
import {
  API_VERSION,
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type BeaconRequest,
  type Filter,
  type Granularity,
  type IncludeResultsets,
  type VariantParams,
} from './types';

const GRANULARITIES: readonly string[] = ['boolean', 'count', 'record'];
const INCLUDES: readonly string[] = ['ALL', 'HIT', 'MISS', 'NONE'];

/** limit 0 means "the server maximum"; larger limits are capped (reported back in receivedRequestSummary). */
function effectiveLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  return limit === 0 || limit > MAX_LIMIT ? MAX_LIMIT : limit;
}

function parseIntList(name: string, raw: string): number[] {
  const parts = raw.split(',');
  if (parts.length > 2) throw badRequest(`${name} takes one or two comma-separated integers`);
  return parts.map((p) => {
    if (!/^\d{1,10}$/.test(p.trim()))
      throw badRequest(`${name} must be a non-negative integer, got "${p}"`);
    return Number(p.trim());
  });
}

function parseNonNegative(name: string, raw: string | null): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw badRequest(`${name} must be a non-negative integer`);
  return Number(raw);
}

const STRING_PARAMS = [
  'referenceName',
  'referenceBases',
  'alternateBases',
  'geneId',
  'aminoacidChange',
  'variantType',
  'assemblyId',
] as const;

/** Parses a GET query string (filters are comma-separated CURIEs with default options: BCN 3.2). */
export function parseGet(search: URLSearchParams): BeaconRequest {
  const params: VariantParams = {};
  for (const name of STRING_PARAMS) {
    const v = search.get(name);
    if (v !== null && v !== '') params[name] = v;
  }
  const start = search.get('start');
  const end = search.get('end');
  if (start) params.start = parseIntList('start', start);
  if (end) params.end = parseIntList('end', end);
  const filterIds = (search.get('filters') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const gran = search.get('requestedGranularity') ?? 'boolean';
  if (!GRANULARITIES.includes(gran))
    throw badRequest(`requestedGranularity must be one of ${GRANULARITIES.join(', ')}`);
  const include = search.get('includeResultsetResponses') ?? 'HIT';
  if (!INCLUDES.includes(include))
    throw badRequest(`includeResultsetResponses must be one of ${INCLUDES.join(', ')}`);
  const datasetIds = search.get('datasetIds');
  return {
    apiVersion: API_VERSION,
    requestedSchemas: [],
    params,
    filters: filterIds.map((id) => ({ kind: 'ontology', id, includeDescendantTerms: true })),
    filterIds,
    ...(datasetIds ? { datasetIds: datasetIds.split(',').filter((s) => s !== '') } : {}),
    requestedGranularity: gran as Granularity,
    includeResultsetResponses: include as IncludeResultsets,
    skip: parseNonNegative('skip', search.get('skip')) ?? 0,
    limit: effectiveLimit(parseNonNegative('limit', search.get('limit'))),
    testMode: search.get('testMode') === 'true',
  };
}

function toVariantParams(rp: RequestParameters): VariantParams {
  const out: VariantParams = {};
  for (const name of STRING_PARAMS) {
    const v = rp[name];
    if (v !== undefined) out[name] = v;
  }
  if (rp.start !== undefined) out.start = Array.isArray(rp.start) ? rp.start : [rp.start];
  if (rp.end !== undefined) out.end = Array.isArray(rp.end) ? rp.end : [rp.end];
  return out;
}

/** Validates a POST body with zod and normalises it; 400 with the first problem otherwise. */
export function parsePost(body: unknown): BeaconRequest {
  const parsed = BeaconRequestBodyZ.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') : '';
    throw badRequest(
      `invalid request body${where ? ` at ${where}` : ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const b = parsed.data;
  const q = b.query ?? {};
  const rpRaw = q.requestParameters ?? {};
  const rp: RequestParameters = 'g_variant' in rpRaw ? rpRaw.g_variant : rpRaw;
  const filters: Filter[] = (q.filters ?? []).map((f) => {
    if (typeof f === 'string') return { kind: 'ontology', id: f, includeDescendantTerms: true };
    if ('operator' in f) {
      return {
        kind: 'alphanumeric',
        id: f.id,
        operator: f.operator,
        value: String(f.value),
        ...(f.scope ? { scope: f.scope } : {}),
      };
    }
    return {
      kind: 'ontology',
      id: f.id,
      includeDescendantTerms: f.includeDescendantTerms ?? true,
      ...(f.scope ? { scope: f.scope } : {}),
    };
  });
  const pagination = q.pagination ?? b.pagination ?? {};
  const datasetIds = typeof rp.datasetIds === 'string' ? rp.datasetIds.split(',') : rp.datasetIds;
  return {
    apiVersion: b.meta.apiVersion,
    requestedSchemas: b.meta.requestedSchemas ?? [],
    params: toVariantParams(rp),
    filters,
    filterIds: filters.map((f) => f.id),
    ...(datasetIds ? { datasetIds } : {}),
    requestedGranularity: q.requestedGranularity ?? b.requestedGranularity ?? 'boolean',
    includeResultsetResponses: q.includeResultsetResponses ?? 'HIT',
    skip: pagination.skip ?? 0,
    limit: effectiveLimit(pagination.limit),
    testMode: q.testMode ?? false,
  };
}

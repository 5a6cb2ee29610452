import {
  parseGenomic,
  toBeaconParams,
  type GenomicInputCode,
  type GenomicParams,
} from '../../../shared/search/parseGenomic';
import { SEX_TERMS, type SearchQuery } from '../../../shared/search/query';

/** Records asked for per dataset in one page (Beacon `limit`); the table shows the first page. */
export const PAGE_LIMIT = 100;

interface BeaconFilter {
  id: string;
  includeDescendantTerms: boolean;
}

/** The pieces both request forms are built from. */
export interface BeaconQueryParts {
  entryType: SearchQuery['target'];
  params: GenomicParams;
  filters: BeaconFilter[];
  granularity: SearchQuery['granularity'];
  /** Pages of PAGE_LIMIT records to skip (Beacon `skip` counts pages); default 0 (issue 18). */
  skip?: number;
}

/** The typed gene, region or variant refused, with the parser's code beside its English (0106). */
export class GenomicInputError extends Error {
  constructor(
    message: string,
    readonly code: GenomicInputCode,
    readonly params: { readonly text: string },
  ) {
    super(message);
  }
}

/** Turns the typed query into Beacon parts; throws GenomicInputError when the genomic text is invalid. */
export function queryParts(q: SearchQuery): BeaconQueryParts {
  const parsed = parseGenomic(q.genomic);
  if (!parsed.ok) throw new GenomicInputError(parsed.message, parsed.code, parsed.params);
  const filters: BeaconFilter[] = q.filters.map((f) => ({
    id: f.id,
    includeDescendantTerms: f.includeDescendantTerms,
  }));
  if (q.sex !== undefined) filters.push({ id: SEX_TERMS[q.sex], includeDescendantTerms: false });
  return {
    entryType: q.target,
    params: toBeaconParams(parsed.query),
    filters,
    granularity: q.granularity,
  };
}

/**
 * beaconRequestBody (framework/json/requests): `meta.apiVersion` required; filters, pagination and
 * requestedGranularity nested in `query` as the schema says (STANDARDS 3.2 gotcha, 3.6 test 2).
 */
export function postBody(p: BeaconQueryParts): Record<string, unknown> {
  return {
    meta: { apiVersion: '2.0', requestedSchemas: [] },
    query: {
      // Flat, as the de-facto servers (beacon2-ri-api, the demo nodes) read them; the values follow
      // the model's g_variant schema (start/end as arrays). See docs/decisions/0007-federated-search.md.
      ...(Object.keys(p.params).length > 0 ? { requestParameters: listForm(p.params) } : {}),
      filters: p.filters,
      includeResultsetResponses: 'HIT',
      pagination: { skip: p.skip ?? 0, limit: PAGE_LIMIT },
      requestedGranularity: p.granularity,
      testMode: false,
    },
  };
}

/**
 * The GET form of the same query, for nodes that do not take POST. GET filters are bare CURIEs
 * with default options (includeDescendantTerms true), so an exact-term filter cannot be sent by GET.
 */
export function getUrl(beaconUrl: string, p: BeaconQueryParts): URL | undefined {
  if (p.filters.some((f) => !f.includeDescendantTerms && !isSexTerm(f.id))) return undefined;
  const url = new URL(`${beaconUrl.replace(/\/+$/, '')}/${p.entryType}`);
  for (const [k, v] of Object.entries(p.params)) {
    if (v !== undefined) url.searchParams.set(k, String(v));
  }
  if (p.filters.length > 0) url.searchParams.set('filters', p.filters.map((f) => f.id).join(','));
  url.searchParams.set('requestedGranularity', p.granularity);
  url.searchParams.set('skip', String(p.skip ?? 0));
  url.searchParams.set('limit', String(PAGE_LIMIT));
  return url;
}

/** The model's g_variant form: `start` and `end` are arrays (one value, or two for brackets). */
function listForm(params: GenomicParams): Record<string, unknown> {
  const { start, end, ...rest } = params;
  return {
    ...rest,
    ...(start === undefined ? {} : { start: [start] }),
    ...(end === undefined ? {} : { end: [end] }),
  };
}

/** The POST target: `{beaconUrl}/{entryType}`. */
export function postUrl(beaconUrl: string, p: BeaconQueryParts): URL {
  return new URL(`${beaconUrl.replace(/\/+$/, '')}/${p.entryType}`);
}

const SEX_IDS = new Set(Object.values(SEX_TERMS));
function isSexTerm(id: string): boolean {
  // Sex terms have no descendants, so the GET default (descendants on) means the same thing.
  return SEX_IDS.has(id);
}

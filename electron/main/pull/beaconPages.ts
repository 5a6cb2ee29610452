import { z } from 'zod';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { PullQuery } from '../../../shared/vault/vault';
import type { BeaconQueryParts } from '../beacon/beaconRequest';
import { postBody } from '../beacon/beaconRequest';
import { beaconErrorOf } from '../beacon/beaconSchemas';
import { BodyTooLargeError, readBoundedBytes } from '../beacon/boundedBody';
import { isAllowListed } from '../beacon/tokenPolicy';
import { respell } from '../beacon/filterSpelling';
import { SEX_TERMS } from '../../../shared/search/query';
import type { DatasetRoutes } from './pullRoutes';
import { PullDataError, PullNetworkError, PullRefusedError, said } from './pullErrors';
import type { PageAsked, PageSent } from './pageRefusals';
import {
  errorMessage,
  errorStatus,
  refuseByStatus,
  refuseNotHonoured,
  wordsOf,
} from './pageRefusals';

export {
  failureSaid,
  PullDataError,
  PullError,
  PullNetworkError,
  PullRefusedError,
  said,
} from './pullErrors';
export type { PageAsked, PageSent } from './pageRefusals';

/**
 * Records per page a pull asks for. A node may use fewer (its own cap): the loop advances by the
 * records received and stops on the node's count, never on page x this number (issue 12 item 2).
 */
export const PULL_PAGE_SIZE = 500;
/** A page body larger than this is refused (BCN-04). */
export const PULL_PAGE_MAX_BYTES = 64 * 1024 * 1024;

export interface PageRequest {
  node: NodeEntry;
  entity: 'individuals' | 'g_variants';
  datasetId: string;
  query: PullQuery;
  /** The node's /datasets/{id}/… URL templates (pullRoutes.ts). */
  routes: DatasetRoutes;
  /** Page index (Beacon `skip` counts pages of the size the node actually uses). */
  page: number;
  limit: number;
  token: string | undefined;
  fetch: typeof fetch;
  signal: AbortSignal;
  timeoutMs: number;
  /** The node's own spelling of the query's filter ids (decision 0101: filterSpelling.ts). */
  spelling?: ReadonlyMap<string, string>;
}

export interface Page {
  records: unknown[];
  /** The node's count of the dataset's matching records (record granularity: exact). */
  total: number;
  bytes: number;
}

/** A page as it arrived: the HTTP status and the body's bytes, not yet read (parsePage does). */
export interface PageBody {
  status: number;
  body: Uint8Array;
}

/** The page's filters as sent to the node, for parsePage's check of its echo (decision 0105). */
export function pageSent(req: PageRequest): PageSent {
  const { parts: sent, written } = respelt(req);
  return { filters: sent.filters, written: [...written] };
}

function parts(req: PageRequest): BeaconQueryParts {
  return respelt(req).parts;
}

function respelt(req: PageRequest): ReturnType<typeof respell> {
  const filters = req.query.filters.map((f) => ({
    id: f.id,
    includeDescendantTerms: f.includeDescendantTerms,
  }));
  if (req.query.sex !== undefined)
    filters.push({ id: SEX_TERMS[req.query.sex], includeDescendantTerms: false });
  const asWritten: BeaconQueryParts = {
    entryType: req.entity,
    params: {},
    filters,
    granularity: 'record',
  };
  return req.spelling === undefined
    ? { parts: asWritten, notes: [], written: new Map() }
    : respell(asWritten, req.spelling);
}

/**
 * One page of one dataset's records at record granularity, over POST to the dataset's own route
 * (issue 15 item 6) with the Beacon v2 request body and pagination: its status and bytes, which
 * parsePage reads (issue 20: on the pull's page worker). The token goes only to the allow-listed
 * node (BCN-02, PASS-04).
 */
export async function fetchPageBody(req: PageRequest): Promise<PageBody> {
  const url = new URL(req.routes[req.entity].replace('{id}', encodeURIComponent(req.datasetId)));
  const body = postBody(parts(req)) as { query: Record<string, unknown> };
  body.query.pagination = { skip: req.page, limit: req.limit };
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
  };
  if (req.token !== undefined && isAllowListed(url.href, [req.node.beaconUrl]))
    headers.authorization = `Bearer ${req.token}`;
  const signal = AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)]);
  let bytes: Uint8Array;
  let status: number;
  try {
    const res = await req.fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal,
      redirect: 'manual',
    });
    status = res.status;
    bytes = await readBoundedBytes(res, PULL_PAGE_MAX_BYTES);
  } catch (error: unknown) {
    if (req.signal.aborted) throw error;
    if (error instanceof BodyTooLargeError)
      throw new PullDataError(
        `Node ${req.node.id} sent a page larger than ${PULL_PAGE_MAX_BYTES / 1_048_576} MB.`,
        said('pageTooLarge', { node: req.node.id, mb: PULL_PAGE_MAX_BYTES / 1_048_576 }),
      );
    const node = req.node.id;
    const seconds = Math.round(req.timeoutMs / 1000);
    if (signal.aborted)
      throw new PullNetworkError(
        `Node ${node} did not answer within ${String(seconds)} s; the pull is paused and can be resumed.`,
        said('timeout', { node, seconds }),
        { cause: error },
      );
    throw new PullNetworkError(
      `Node ${node} could not be reached; the pull is paused and can be resumed when the network is back.`,
      said('unreachable', { node }),
      { cause: error },
    );
  }
  return { status, body: bytes };
}

const count = z.number().int().nonnegative();
const Granularity = z.enum(['boolean', 'count', 'record']);

/**
 * What a pull reads of a page: strict where a misreading would lose or invent records (counts,
 * results), tolerant of what Beacon v2.0 servers send (no setType, empty ids, null handovers).
 */
const PageZ = z.looseObject({
  meta: z.looseObject({ returnedGranularity: Granularity.default('boolean') }),
  responseSummary: z.looseObject({ exists: z.boolean(), numTotalResults: count.optional() }),
  response: z
    .looseObject({
      resultSets: z.array(
        z.looseObject({
          id: z.string().default(''),
          setType: z.string().optional(),
          resultsCount: count.optional(),
          results: z.array(z.looseObject({})).default([]),
          info: z.looseObject({ returnedGranularity: Granularity.optional() }).nullish(),
        }),
      ),
    })
    .optional(),
});

/**
 * A page's answer read and checked (BCN-04): refusals, throttling and server errors by status, then
 * the Beacon envelope, granularity and count. Pure, so it runs wherever the page is processed.
 */
export function parsePage(
  req: PageAsked,
  status: number,
  text: string,
  /** The body's length in bytes when the caller has it (the page worker): not counted again. */
  byteLength?: number,
): Page {
  const node = req.nodeId;
  const dataset = req.datasetId;
  if (status !== 200) refuseByStatus(node, status, errorMessage(text));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PullNetworkError(
      `Node ${node} sent an incomplete answer; the pull is paused and can be resumed.`,
      said('incomplete', { node }),
    );
  }
  // A beaconErrorResponse with HTTP 200 (as the reference implementation answers): the node's
  // error by its errorCode and words, never "does not follow Beacon v2" (decision 0096).
  const error = beaconErrorOf(json);
  if (error !== undefined) refuseByStatus(node, errorStatus(error.code), wordsOf(error));
  const parsed = PageZ.safeParse(json);
  if (!parsed.success) {
    const at = (parsed.error.issues[0]?.path.join('.') ?? '').slice(0, 200);
    throw new PullDataError(
      `Node ${node} sent an answer that does not follow Beacon v2 (at "${at}").`,
      said('notBeacon', { node, at }),
    );
  }
  refuseNotHonoured(req, json);
  const sets = (parsed.data.response?.resultSets ?? []).filter(
    (s) => s.setType === undefined || s.setType === '' || s.setType === 'dataset',
  );
  // The route names one dataset: its set carries the id, or is the only one and has none (v2.0
  // may leave id empty). A lone set naming another dataset is that dataset's records: a node that
  // served the route as its plain /individuals would be pulled as this dataset (decision 0105).
  const lone = sets.length === 1 ? sets[0] : undefined;
  if (lone !== undefined && lone.id !== '' && lone.id !== req.datasetId && lone.results.length > 0)
    throw new PullDataError(
      `Node ${node} answered the route of ${dataset} with the records of ${lone.id.slice(0, 200)}; nothing was kept.`,
      said('otherDataset', { node, dataset, answered: lone.id.slice(0, 200) }),
    );
  const set = sets.find((s) => s.id === req.datasetId) ?? (lone?.id === '' ? lone : undefined);
  // A set that carries records is record level whatever meta says or leaves out (BCN-01 read as
  // decision 0017 does: the official examples omit returnedGranularity, read as 'boolean').
  const granularity =
    (set?.results.length ?? 0) > 0
      ? 'record'
      : (set?.info?.returnedGranularity ?? parsed.data.meta.returnedGranularity);
  if (parsed.data.responseSummary.exists && granularity !== 'record') {
    throw new PullRefusedError(
      `Node ${node} no longer answers ${dataset} at record level (it returned ${granularity}); the grant may have been revoked.`,
      said(granularity === 'count' ? 'onlyCounts' : 'onlyYesNo', { node, dataset }),
    );
  }
  const total = set?.resultsCount ?? parsed.data.responseSummary.numTotalResults;
  if (total === undefined && parsed.data.responseSummary.exists)
    throw new PullDataError(
      `Node ${node} did not say how many ${req.entity} ${dataset} has, so the pull could not be checked for completeness.`,
      said(req.entity === 'individuals' ? 'noCountIndividuals' : 'noCountVariants', {
        node,
        dataset,
      }),
    );
  return {
    records: set?.results ?? [],
    total: total ?? 0,
    bytes: byteLength ?? Buffer.byteLength(text),
  };
}

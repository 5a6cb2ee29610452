import type { BeaconQueryParts } from '../beacon/beaconRequest';
import { beaconErrorOf } from '../beacon/beaconSchemas';
import { notHonoured } from '../beacon/queryHonoured';
import { PullDataError, PullNetworkError, PullRefusedError, said } from './pullErrors';

// How parsePage refuses a page (beaconPages.ts): by its status or Beacon error, and by what the
// node says it did not use of the query (decision 0105).

/**
 * The filters a page was asked with, as sent to the node (its spelling), and its spelling back to
 * the query builder's (`[theirs, ours]`): plain values, as the page crosses to its worker thread.
 */
export interface PageSent {
  filters: BeaconQueryParts['filters'];
  written: [string, string][];
}

/** What parsePage needs to know of the request, to judge the answer and to name the node. */
export interface PageAsked {
  nodeId: string;
  datasetId: string;
  entity: 'individuals' | 'g_variants';
  /** The filters sent, checked against what the node says it used (decision 0105). */
  sent?: PageSent;
}

/** The node's own words in a Beacon error body, bounded (it is the node's text); '' when none. */
export function errorMessage(text: string): string {
  try {
    return wordsOf(beaconErrorOf(JSON.parse(text)));
  } catch {
    return '';
  }
}

export const wordsOf = (e: { message?: string } | undefined): string =>
  (e?.message ?? '').slice(0, 500);

/** A Beacon error's code as the pull's status: one that is no HTTP error status reads as 400. */
export const errorStatus = (code: number | undefined): number =>
  code !== undefined && code >= 400 && code <= 599 ? code : 400;

/**
 * Refusals, throttling and server errors by status (the HTTP status, or a Beacon error's own
 * errorCode when it came with HTTP 200), with the node's own words when it gave some.
 */
export function refuseByStatus(node: string, status: number, why: string): never {
  if (status === 401 || status === 403) {
    // The node's own reason, shown as it wrote it (bounded: it is the node's text).
    throw new PullRefusedError(
      `Node ${node} refused the pull (${String(status)})${why ? `: ${why}` : ''}.`,
      why
        ? said('refusedWhy', { node, http: status, why })
        : said('refused', { node, http: status }),
    );
  }
  if (status === 429)
    throw new PullNetworkError(
      `Node ${node} asked Cohort Desk to slow down (HTTP 429); the pull is paused and can be resumed in a while.`,
      said('throttled', { node }),
    );
  if (status >= 500)
    throw new PullNetworkError(
      `Node ${node} answered with a server error (${String(status)}); the pull is paused and can be resumed.`,
      said('serverError', { node, http: status }),
    );
  throw new PullDataError(
    `Node ${node} answered with HTTP ${String(status)}${why ? `: ${why}` : ''}.`,
    why
      ? said('httpStatusWhy', { node, http: status, why })
      : said('httpStatus', { node, http: status }),
  );
}

/**
 * A page whose node says it did not use a filter (its `receivedRequestSummary` leaves it out, or a
 * warning names it) holds the records of a broader query: pulled, they would be kept as the
 * cohort asked for (decision 0105, as search does since 0101). Refused with the filters as the
 * query builder wrote them and the node's warning. A page other than the one asked (`skip` not
 * used) is not checked here: its records come again on a later page and the build refuses the
 * copy as duplicated, and a node echoing `skip` in records rather than pages would be refused
 * though it paged right.
 */
export function refuseNotHonoured(req: PageAsked, json: unknown): void {
  if (req.sent === undefined || req.sent.filters.length === 0) return;
  const sent: BeaconQueryParts = {
    entryType: req.entity,
    params: {},
    filters: req.sent.filters,
    granularity: 'record',
  };
  const n = notHonoured(json, sent, new Map(req.sent.written));
  if (n?.kind !== 'filter') return;
  const node = req.nodeId;
  const dataset = req.datasetId;
  const filters = n.ids.join(', ').slice(0, 500);
  const why = (n.said ?? '').slice(0, 500);
  throw new PullDataError(
    `Node ${node} did not apply the filter ${filters} to ${dataset} (its answer says so), so its records are not the cohort asked for; nothing was kept.${why ? ` The node says: ${why}` : ''}`,
    why
      ? said('filterNotUsedWhy', { node, dataset, filters, why })
      : said('filterNotUsed', { node, dataset, filters }),
  );
}

import type { NodeEntry } from '../../../shared/federation/directory';
import type { Assembly } from '../../../shared/genome/assembly';
import type { NodeUpdate } from '../../../shared/search/results';
import { MAX_NOTES } from '../../../shared/search/results';
import type { BeaconQueryParts } from './beaconRequest';
import { getUrl, postBody, postUrl } from './beaconRequest';
import { readEntryResponse } from './beaconReader';
import { beaconErrorOf } from './beaconSchemas';
import { BodyTooLargeError, readBounded } from './boundedBody';
import { placeRows } from './assemblyQuery';
import { repeatedKeyAnswer } from './repeatedKeyAnswer';
import type { NotHonoured } from './queryHonoured';
import { notHonoured } from './queryHonoured';

/** Why a node's request was aborted: our per-node timer, or the user cancelling the query. */
export class TimeoutAbort extends Error {}
export class CancelAbort extends Error {}

/** The part of a node update a single request decides. */
export type NodeAnswer = Pick<
  NodeUpdate,
  | 'status'
  | 'method'
  | 'returnedGranularity'
  | 'exists'
  | 'count'
  | 'datasets'
  | 'records'
  | 'recordsTruncated'
  | 'message'
  | 'problem'
  | 'notes'
> & {
  /** Assemblies the records' own accessions named (issue 15 item 2). */
  seen?: ReadonlySet<Assembly>;
};

export interface NodeRequest {
  node: NodeEntry;
  parts: BeaconQueryParts;
  /** Only set for allow-listed nodes (BCN-02, PASS-04). */
  token: string | undefined;
  signal: AbortSignal;
  fetch: typeof fetch;
  maxBytes: number;
  timeoutMs: number;
  /** The node's assembly: variant rows are placed on GRCh38 from it (default GRCh38). */
  assembly?: Assembly;
  /** The REF the user asked for, compared with the REF the node has (liftover check). */
  queryRef?: string;
  /**
   * Filter ids sent in the node's own spelling, mapped back to the query builder's (decision
   * 0096), so a filter the node did not use is named as the person wrote it (decision 0101).
   */
  written?: ReadonlyMap<string, string>;
}

/** Statuses after which a POST is retried as GET: the node does not take POST here. */
const NO_POST = new Set([404, 405, 501]);

async function send(req: NodeRequest, method: 'POST' | 'GET'): Promise<Response | undefined> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.token !== undefined) headers.authorization = `Bearer ${req.token}`;
  const init: RequestInit = { method, headers, signal: req.signal, redirect: 'manual' };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(postBody(req.parts));
    return req.fetch(postUrl(req.node.beaconUrl, req.parts), init);
  }
  const url = getUrl(req.node.beaconUrl, req.parts);
  return url === undefined ? undefined : req.fetch(url, init);
}

/** The node's own words, bounded (the schema's limit), for the renderer to show as it sent them. */
const nodeText = (why: string | undefined): { nodeText?: string } =>
  why === undefined || why === '' ? {} : { nodeText: why.slice(0, 2000) };

function errorText(body: string): string | undefined {
  try {
    return beaconErrorOf(JSON.parse(body))?.message;
  } catch {
    return htmlTitle(body);
  }
}

/**
 * The title of an HTML page sent instead of JSON (a proxy's "502 Bad Gateway", a sign-in portal):
 * what the node's side said, shown as its words so a person can tell a proxy from the Beacon.
 */
function htmlTitle(body: string): string | undefined {
  const m = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(body.slice(0, 20_000));
  const title = m?.[1]?.replace(/\s+/g, ' ').trim();
  return title === undefined || title === '' ? undefined : title;
}

async function answer(
  req: NodeRequest,
  res: Response,
  method: 'POST' | 'GET',
): Promise<NodeAnswer> {
  const name = req.node.id;
  if (res.status >= 300 && res.status < 400) {
    // Redirects are not followed: the token must not travel to an address we did not choose (PASS-04).
    return {
      status: 'error',
      method,
      message: `Node ${name} redirected the query elsewhere; Cohort Desk does not follow redirects.`,
      problem: { code: 'redirect', http: res.status },
    };
  }
  const text = await readBounded(res, req.maxBytes);
  if (res.status === 401 || res.status === 403) {
    const why = errorText(text);
    return {
      status: 'unauthorised',
      method,
      message: `Node ${name} refused the query (${res.status})${why ? `: ${why}` : ''}. Sign in again or request access.`,
      problem: { code: 'refused', http: res.status, ...nodeText(why) },
    };
  }
  if (!res.ok) {
    const why = errorText(text);
    return {
      status: 'error',
      method,
      message: `Node ${name} answered with an error (${res.status})${why ? `: ${why}` : ''}.`,
      problem: { code: 'error', http: res.status, ...nodeText(why) },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const why = htmlTitle(text);
    return {
      status: 'error',
      method,
      message: `Node ${name} sent an answer that is not valid JSON${why ? `: ${why}` : ''}.`,
      problem: { code: 'not-json', ...nodeText(why) },
    };
  }
  const refusal = beaconErrorOf(json);
  if (refusal !== undefined) {
    // HTTP 200 with a Beacon error (the reference implementation answers unsupported parameters
    // so): the node's code and words, as for a 4xx/5xx, never "does not follow Beacon v2".
    const code = refusal.code !== undefined && refusal.code >= 100 && refusal.code <= 599;
    const http = code ? (refusal.code as number) : res.status;
    return {
      status: 'error',
      method,
      message: `Node ${name} answered with an error (${String(http)})${refusal.message ? `: ${refusal.message}` : ''}.`,
      problem: { code: 'error', http, ...nodeText(refusal.message) },
    };
  }
  const twice = repeatedKeyAnswer(name, method, text);
  if (twice !== undefined) return twice;
  const read = readEntryResponse(json, name, {
    entryType: req.parts.entryType,
    requested: req.parts.granularity,
  });
  if (!read.ok) {
    const where = read.where === '' ? '' : ` (at "${read.where}")`;
    return {
      status: 'error',
      method,
      message: `Node ${name} sent an answer that does not follow Beacon v2${where}: ${read.problem}. Tell the node's operator; the other nodes are not affected.`,
      // The reader's finding is a conformance detail for the node's operator, kept in English.
      problem: {
        code: 'not-beacon',
        nodeText: `${read.where === '' ? '' : `${read.where}: `}${read.problem}`,
      },
    };
  }
  const ignored = notHonoured(json, req.parts, req.written);
  if (ignored !== undefined) return notHonouredAnswer(name, method, ignored);
  const r = read.reading;
  const placed = placeRows(r.records, req.assembly ?? 'GRCh38', req.queryRef);
  const notes = [...r.notes, ...placed.notes].slice(0, MAX_NOTES);
  return {
    status: 'ok',
    method,
    returnedGranularity: r.returnedGranularity,
    exists: r.exists,
    ...(r.count === undefined ? {} : { count: r.count }),
    datasets: r.datasets,
    ...(placed.rows.length > 0 ? { records: placed.rows } : {}),
    ...(r.truncated ? { recordsTruncated: true } : {}),
    ...(r.rejected > 0
      ? {
          message: `${String(r.rejected)} records from node ${name} did not follow the Beacon model and were left out.`,
          problem: { code: 'rejected', count: r.rejected },
        }
      : {}),
    ...(notes.length > 0 ? { notes } : {}),
    seen: placed.seen,
  };
}

/**
 * A node that says it did not use part of the query answered a broader one (decision 0101): its
 * count, yes/no and records are not shown as the answer to what was asked, only why, with the
 * node's own warning when it wrote one.
 */
function notHonouredAnswer(name: string, method: 'POST' | 'GET', n: NotHonoured): NodeAnswer {
  const said = n.kind === 'page' ? {} : nodeText(n.said);
  if (n.kind === 'filter') {
    const ids = n.ids.join(', ');
    return {
      status: 'error',
      method,
      message: `Node ${name} did not apply the filter ${ids} (its answer says so), so its answer is for a broader query and is not shown.`,
      problem: { code: 'ignored-filter', where: ids, ...said },
    };
  }
  if (n.kind === 'parameter') {
    const names = n.names.join(', ');
    return {
      status: 'error',
      method,
      message: `Node ${name} did not use ${names} of the query (its answer says so), so its answer is for a broader query and is not shown.`,
      problem: { code: 'ignored-parameter', where: names, ...said },
    };
  }
  return {
    status: 'error',
    method,
    message: `Node ${name} returned page ${String(n.answered)} of its records when page ${String(n.asked)} was asked for (it did not use skip), so they are not shown as that page.`,
    problem: { code: 'ignored-page' },
  };
}

/**
 * One node, one query: POST first; GET when the node does not take POST (404/405/501). Never
 * throws: timeouts, cancellation, network failures and bad answers become statuses with plain words.
 */
export async function queryNode(req: NodeRequest): Promise<NodeAnswer> {
  const name = req.node.id;
  try {
    let method: 'POST' | 'GET' = 'POST';
    let res = await send(req, 'POST');
    if (res !== undefined && NO_POST.has(res.status)) {
      await res.body?.cancel();
      method = 'GET';
      res = await send(req, 'GET');
      if (res === undefined) {
        return {
          status: 'error',
          method,
          message: `Node ${name} takes only GET, which cannot express an exact-term filter.`,
          problem: { code: 'get-only' },
        };
      }
    }
    if (res === undefined)
      return {
        status: 'error',
        method,
        message: `Node ${name} could not be queried.`,
        problem: { code: 'not-queried' },
      };
    return await answer(req, res, method);
  } catch (error: unknown) {
    const reason: unknown = req.signal.reason;
    if (req.signal.aborted && reason instanceof CancelAbort) return { status: 'cancelled' };
    if (req.signal.aborted && reason instanceof TimeoutAbort) {
      return {
        status: 'timeout',
        message: `Node ${name} timed out after ${formatSeconds(req.timeoutMs)}.`,
        problem: { code: 'timeout', seconds: req.timeoutMs / 1000 },
      };
    }
    if (error instanceof BodyTooLargeError) {
      return {
        status: 'error',
        message: `Node ${name} sent more than ${Math.round(error.limitBytes / 1_048_576)} MB; the answer was dropped.`,
        problem: { code: 'too-large', mb: Math.round(error.limitBytes / 1_048_576) },
      };
    }
    return {
      status: 'error',
      message: `Node ${name} could not be reached.`,
      problem: { code: 'unreachable' },
    };
  }
}

/** "5 s", "1.5 s". */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

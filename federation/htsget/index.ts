/**
 * htsget 1.3 variants service of a federation node. The node server mounts `handleHtsget` for every
 * path under `/htsget/`:
 *   GET  /htsget/variants/service-info
 *   GET|POST /htsget/variants/{datasetId}  → ticket (JSON)
 *   GET  /htsget/data/{datasetId}          → BGZF bytes by Range (the ticket's data URLs)
 * Data URLs need the same bearer token as the ticket: the ticket copies the caller's Authorization
 * header into each URL's `headers`, and every data request is re-authorised (so revocation applies at once).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DatasetPolicy, NodeId } from '../catalogue.js';
import { openVcfDataset, vcfPathFor } from './dataset.js';
import { serveBytes } from './data.js';
import { HtsgetError, sendError, sendJson } from './errors.js';
import { logEvent } from './log.js';
import { MAX_BODY_BYTES, parseGet, parsePost, type TicketRequest } from './request.js';
import { serviceInfo } from './serviceInfo.js';
import { buildTicket } from './ticket.js';

/** Per-dataset access as resolved by the node from the caller's passport (PASS-02). */
export interface HtsgetAccess {
  readonly registered: boolean;
  readonly controlledDatasets: ReadonlySet<string>;
}

export interface HtsgetContext {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly node: NodeId;
  readonly datasets: readonly DatasetPolicy[];
  readonly access: HtsgetAccess;
  readonly granularityFor: (ds: DatasetPolicy) => 'boolean' | 'count' | 'record';
}

/** Record-level access or the spec's auth error: 401 without a bearer token, 403 with one. */
function authorise(req: IncomingMessage, ctx: HtsgetContext, datasetId: string): DatasetPolicy {
  const ds = ctx.datasets.find((d) => d.id === datasetId);
  if (ds === undefined)
    throw new HtsgetError('NotFound', `dataset ${datasetId} does not exist on this node`);
  if (ctx.granularityFor(ds) === 'record') return ds;
  if (!/^Bearer\s+\S/i.test(req.headers.authorization ?? '')) {
    throw new HtsgetError('InvalidAuthentication', 'a bearer token is required for this dataset');
  }
  throw new HtsgetError(
    'PermissionDenied',
    `the passport grants no record-level access to ${datasetId}`,
  );
}

/** Reads the body up to MAX_BODY_BYTES; a larger body is drained (so the 413 reaches the client) and refused. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES)
        reject(new HtsgetError('PayloadTooLarge', `request body exceeds ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

async function ticket(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: HtsgetContext,
  id: string,
  url: URL,
): Promise<void> {
  const ds = authorise(req, ctx, id);
  let request: TicketRequest;
  if (req.method === 'POST') request = parsePost(await readBody(req), url.search !== '');
  else request = parseGet(url.searchParams);
  const vcf = await openVcfDataset(vcfPathFor(ctx.dataDir, ds.node, ds.id));
  if (vcf === undefined) throw new HtsgetError('NotFound', `dataset ${id} has no variant file`);
  const dataUrl = `${ctx.baseUrl}/htsget/data/${encodeURIComponent(id)}`;
  sendJson(
    res,
    200,
    await buildTicket(vcf, request, { dataUrl, authorization: req.headers.authorization }),
  );
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: HtsgetContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, root, kind, rawId, ...rest] = url.pathname.split('/');
  const id = decodeURIComponent(rawId ?? '');
  if (root !== 'htsget' || id === '' || rest.length > 0)
    throw new HtsgetError('NotFound', 'no such htsget resource');
  const method = req.method ?? 'GET';
  if (kind === 'variants' && id === 'service-info' && method === 'GET') {
    sendJson(res, 200, serviceInfo(ctx.node));
    return;
  }
  if (kind === 'variants' && (method === 'GET' || method === 'POST'))
    return ticket(req, res, ctx, id, url);
  if (kind === 'data' && (method === 'GET' || method === 'HEAD')) {
    const ds = authorise(req, ctx, id);
    return serveBytes(req, res, vcfPathFor(ctx.dataDir, ds.node, ds.id));
  }
  if (kind === 'reads') throw new HtsgetError('NotFound', 'this node serves variants only');
  throw new HtsgetError('InvalidInput', `method ${method} is not supported here`);
}

/** Handles one request under `/htsget/`; always answers (htsget JSON errors, or 500 on a bug). */
export async function handleHtsget(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: HtsgetContext,
): Promise<void> {
  try {
    await route(req, res, ctx);
  } catch (err) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (err instanceof HtsgetError) {
      sendError(res, err);
      return;
    }
    logEvent('error', 'htsget.failure', {
      node: ctx.node,
      message: err instanceof Error ? err.message : String(err),
    });
    sendJson(res, 500, { htsget: { error: 'InternalError', message: 'internal server error' } });
  }
}

export { htsgetErrorSchema, htsgetTicketSchema, type HtsgetTicket } from './schema.js';

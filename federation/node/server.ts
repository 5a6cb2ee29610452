import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { DATASETS, type DatasetPolicy, type NodeId, type NodeInfo } from '../catalogue';
import { handleHtsget } from '../htsget/index.js';
import { granularityFor, type AccessContext } from './access/policy';
import { InvalidTokenError, createAccessResolver, type BrokerClient } from './access/resolver';
import type { TrustedIssuer } from './access/visa';
import type { BeaconAnswer, BeaconContext } from './beacon/context';
import { responseMeta } from './beacon/meta';
import { parseGet, parsePost } from './beacon/parseRequest';
import { routeBeacon } from './beacon/router';
import { API_VERSION, DEFAULT_LIMIT, type BeaconRequest } from './beacon/types';
import { applyLatency, pagingFaults, shouldError, writeBody, type FaultConfig } from './faults';
import { readJsonBody } from './http/body';
import { HttpError } from './http/errors';
import { createLogger, type Logger } from './log';
import { openStore } from './store/db';
import { loadVocabulary } from './store/vocabulary';

export interface NodeHandle {
  id: NodeId;
  baseUrl: string;
  beaconUrl: string;
  htsgetUrl: string;
  /** RFC 8707 resource indicator of this node's Beacon and htsget: the audience its tokens must name. */
  resource: string;
  setFaults(f: FaultConfig): void;
  close(): Promise<void>;
}

export interface StartNodeOptions {
  node: NodeInfo;
  port: number;
  /** manifest.dir: the node reads `${dataDir}/${node.id}/*.parquet`. */
  dataDir: string;
  trustedIssuers: TrustedIssuer[];
  extraDatasets?: DatasetPolicy[];
  /** Read Parquet of another node's folder (extra demo nodes reuse generated data). */
  dataNode?: NodeId;
  logger?: Logger;
  /** Another Beacon implementation's routes (the foreign node); default the national node's. */
  beacon?: typeof routeBeacon;
  /** Whether /htsget is served (default true; the foreign node has none). */
  htsget?: boolean;
  /** Passport cache TTL per token (default 30 s). */
  passportCacheTtlMs?: number;
  /**
   * Registers this node's resource indicator (its base URL) at the brokers once it listens, and
   * returns its client there; without it the node accepts no token (everyone is anonymous).
   */
  registerAtBrokers?: (resource: string) => Promise<readonly BrokerClient[]>;
}

interface Outcome {
  status: number;
  granularity?: string;
}

const FALLBACK_REQUEST: BeaconRequest = {
  apiVersion: API_VERSION,
  requestedSchemas: [],
  params: {},
  filters: [],
  filterIds: [],
  requestedGranularity: 'boolean',
  includeResultsetResponses: 'HIT',
  skip: 0,
  limit: DEFAULT_LIMIT,
  testMode: false,
};

/** Starts one national node: Beacon v2.1.1 under /api, htsget under /htsget, on 127.0.0.1. */
export async function startNode(opts: StartNodeOptions): Promise<NodeHandle> {
  const log = opts.logger ?? createLogger(`node-${opts.node.id}`);
  const datasets = [
    ...DATASETS.filter((d) => d.node === opts.node.id),
    ...(opts.extraDatasets ?? []),
  ];
  const store = await openStore(join(opts.dataDir, opts.dataNode ?? opts.node.id));
  const vocab = await loadVocabulary(store);
  const auth: { resource: string; brokers: readonly BrokerClient[] } = {
    resource: '',
    brokers: [],
  };
  const resolver = createAccessResolver({
    trustedIssuers: opts.trustedIssuers,
    resource: () => auth.resource,
    brokers: () => auth.brokers,
    datasets,
    logger: log,
    ...(opts.passportCacheTtlMs !== undefined ? { cacheTtlMs: opts.passportCacheTtlMs } : {}),
  });
  let faults: FaultConfig = {};
  const sockets = new Set<Socket>();
  const state: { baseUrl: string; ctx?: BeaconContext } = { baseUrl: '' };

  const send = async (res: ServerResponse, status: number, body: unknown): Promise<void> => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    await writeBody(res, JSON.stringify(body), faults, true);
  };
  const errorBody = (status: number, message: string, req?: BeaconRequest): unknown => ({
    meta: responseMeta(opts.node, req ?? FALLBACK_REQUEST, '', 'boolean'),
    error: { errorCode: status, errorMessage: message },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<Outcome> => {
    await applyLatency(faults);
    if (shouldError(faults)) {
      await send(res, 500, errorBody(500, 'injected fault: internal error'));
      return { status: 500 };
    }
    const url = new URL(req.url ?? '/', state.baseUrl);
    let access: AccessContext;
    try {
      access = await resolver.resolve(req.headers.authorization);
    } catch (e) {
      if (!(e instanceof InvalidTokenError)) throw e;
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
      if (url.pathname.startsWith('/htsget/')) {
        await send(res, 401, { htsget: { error: 'InvalidAuthentication', message: e.message } });
      } else await send(res, 401, errorBody(401, e.message));
      return { status: 401 };
    }
    if (url.pathname.startsWith('/htsget/') && opts.htsget !== false) {
      await handleHtsget(req, res, {
        baseUrl: state.baseUrl,
        dataDir: opts.dataDir,
        node: opts.dataNode ?? opts.node.id,
        datasets,
        access,
        granularityFor: (ds) => granularityFor(ds, access),
      });
      return { status: res.statusCode };
    }
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/'))
      throw new HttpError(404, `no route ${url.pathname}`);
    if (req.method !== 'GET' && req.method !== 'POST')
      throw new HttpError(405, `method ${req.method ?? ''} not allowed`);
    const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
    const parse = (): BeaconRequest =>
      pagingFaults(req.method === 'POST' ? parsePost(body) : parseGet(url.searchParams), faults);
    if (!state.ctx) throw new HttpError(503, 'node starting');
    const answer: BeaconAnswer = await (opts.beacon ?? routeBeacon)(
      state.ctx,
      access,
      url.pathname.slice('/api'.length),
      parse,
    );
    const status = answer.status ?? 200;
    await send(res, status, answer.body);
    return answer.granularity !== undefined
      ? { status, granularity: answer.granularity }
      : { status };
  };

  const server = createServer((req, res) => {
    const t0 = performance.now();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    handle(req, res)
      .catch(async (e: unknown): Promise<Outcome> => {
        const status = e instanceof HttpError ? e.status : 500;
        if (status === 500)
          log.error('request_failed', { path, error: e instanceof Error ? e.message : 'unknown' });
        if (status === 413) res.setHeader('connection', 'close');
        if (res.headersSent) {
          res.destroy();
          return { status };
        }
        await send(
          res,
          status,
          errorBody(status, status === 500 ? 'internal error' : (e as Error).message),
        );
        return { status };
      })
      .then((r) => {
        // Access log: no query string, no tokens (handovers/tokens are secrets: BCN 3.3).
        log.info('access', {
          method: req.method,
          path,
          status: r.status,
          ms: Math.round(performance.now() - t0),
          granularity: r.granularity,
        });
      })
      .catch(() => undefined);
  });
  server.on('connection', (socket: Socket) => {
    if (faults.down) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  state.baseUrl = baseUrl;
  auth.resource = `${baseUrl}/`;
  try {
    auth.brokers = (await opts.registerAtBrokers?.(auth.resource)) ?? [];
  } catch (e) {
    server.closeAllConnections();
    await new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    store.close();
    throw e;
  }
  state.ctx = { node: opts.node, datasets, store, vocab, beaconUrl: `${baseUrl}/api` };
  log.info('node_started', { node: opts.node.id, baseUrl, datasets: datasets.map((d) => d.id) });
  return {
    id: opts.node.id,
    baseUrl,
    beaconUrl: `${baseUrl}/api`,
    htsgetUrl: `${baseUrl}/htsget`,
    resource: auth.resource,
    setFaults(f) {
      faults = { ...f };
      if (f.down) for (const s of sockets) s.destroy();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      store.close();
    },
  };
}

import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { LAUNCH_PATH, RPC_PROTOCOL } from '../../shared/browserMode/session';
import type { EventHub } from '../main/ipc/events';
import type { Router } from '../main/ipc/router';
import type { Logger } from '../main/logging/logger';
import { securityHeaders } from '../main/security/csp';
import type { VaultService } from '../main/vault/vaultService';
import type { CaseService } from '../main/cases/caseService';
import { createHttpRoutes, requestTarget } from './httpRoutes';
import { createLaunchSession } from './launch';
import { checkRequest } from './requestGuard';
import { attachRpc } from './rpc';

export interface BrowserModeServer {
  /** The server's origin, e.g. http://127.0.0.1:45123 */
  readonly origin: string;
  readonly port: number;
  /** One-time launch URL: the app page, which spends the code for the session. Useless once used. */
  readonly launchUrl: string;
  /** Resolves when a page has spent the launch code (a window really opened the app). */
  readonly launched: Promise<void>;
  /** Set when `preferredPort` was taken and another port was used instead. */
  readonly preferredPortTaken: boolean;
  close(): Promise<void>;
}

export interface BrowserModeOptions {
  readonly rendererDir: string;
  readonly logger: Logger;
  /** Built once the port is known, because the trusted sender origin includes the port. */
  readonly services: (origin: string) => {
    router: Router;
    events: EventHub;
    vault?: VaultService;
    cases?: CaseService;
  };
  /** This exact port or fail (COHORT_DESK_PORT). */
  readonly port?: number;
  /** This port when free, else any (the data folder's usual port, so bookmarks keep working). */
  readonly preferredPort?: number;
  /** Called when the last tab has been closed for `idleMs` (a reload reconnects well within it). */
  readonly onIdle?: () => void;
  readonly idleMs?: number;
}

const listen = (server: Server, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const fail = (error: Error): void => reject(error);
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve();
    });
  });

/** Listens on the exact, else the preferred, else any port; says whether the preferred was taken. */
async function listenOnLoopback(server: Server, opts: BrowserModeOptions): Promise<boolean> {
  if (opts.port !== undefined && opts.port !== 0) {
    await listen(server, opts.port);
    return false;
  }
  if (opts.preferredPort !== undefined && opts.preferredPort !== 0) {
    try {
      await listen(server, opts.preferredPort);
      return false;
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      await listen(server, 0);
      return true;
    }
  }
  await listen(server, 0);
  return false;
}

/**
 * Browser mode's loopback server: the built renderer with the app protocol's headers, and the same
 * router over a WebSocket at /rpc. Binds 127.0.0.1 only. The session is a per-launch secret the
 * page holds, never a cookie (decision 0002, issue 12 item 8).
 */
export async function startBrowserModeServer(opts: BrowserModeOptions): Promise<BrowserModeServer> {
  const launch = createLaunchSession();
  const server = createServer();
  const preferredPortTaken = await listenOnLoopback(server, opts);
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const { router, events, vault, cases } = opts.services(origin);
  const headers = securityHeaders();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 8 * 1024 * 1024,
    // Answer with the RPC protocol only: the session protocol carries the secret and is never echoed.
    handleProtocols: (offered) => (offered.has(RPC_PROTOCOL) ? RPC_PROTOCOL : false),
  });
  const rpc = attachRpc({
    wss,
    router,
    events,
    logger: opts.logger,
    origin,
    idleMs: opts.idleMs ?? 10_000,
    ...(opts.onIdle ? { onIdle: opts.onIdle } : {}),
  });
  const routes = createHttpRoutes({
    port,
    origin,
    launch,
    rendererDir: opts.rendererDir,
    headers,
    logger: opts.logger,
    vault,
    cases,
  });

  // Issue 12: no input ends the process. Errors stay with their connection: logged, answered or dropped.
  const failed = (res: ServerResponse, error: unknown): void => {
    opts.logger.error('browser_mode.request_failed', { error: String(error) });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Cohort Desk could not answer this request; see its log.');
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    try {
      routes(req, res).catch((error: unknown) => failed(res, error));
    } catch (error: unknown) {
      failed(res, error);
    }
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = requestTarget(req, origin);
    if (url === undefined) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const refusal = checkRequest(req, {
      port,
      secret: launch.secret,
      requireOrigin: true,
      credential: 'protocol',
    });
    if (url.pathname !== '/rpc' || refusal !== undefined) {
      opts.logger.warn('browser_mode.upgrade_refused', { reason: refusal ?? 'path' });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  let closing: Promise<void> | undefined;
  return {
    origin,
    port,
    launchUrl: `${origin}${LAUNCH_PATH}?code=${launch.code}`,
    launched: launch.redeemed,
    preferredPortTaken,
    close() {
      closing ??= (async () => {
        rpc.close();
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}

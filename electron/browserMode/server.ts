import { createReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebSocketServer } from 'ws';
import type { Logger } from '../main/logging/logger';
import { resolveStaticAsset } from '../main/protocol/staticAssets';
import { securityHeaders } from '../main/security/csp';
import type { Router } from '../main/ipc/router';
import type { EventHub } from '../main/ipc/events';
import { SESSION_COOKIE, checkRequest } from './requestGuard';
import { attachRpc } from './rpc';
import type { VaultService } from '../main/vault/vaultService';
import { isVaultPath, serveVaultTable } from '../main/vault/serveVaultTable';

export interface BrowserModeServer {
  /** The server's origin, e.g. http://127.0.0.1:45123 */
  readonly origin: string;
  readonly port: number;
  /** One-time launch URL: sets the session cookie, then redirects to the app. Useless once used. */
  readonly launchUrl: string;
  close(): Promise<void>;
}

export interface BrowserModeOptions {
  readonly rendererDir: string;
  readonly logger: Logger;
  /** Built once the port is known, because the trusted sender origin includes the port. */
  readonly services: (origin: string) => { router: Router; events: EventHub; vault?: VaultService };
  readonly port?: number;
  /** Called when the last tab has been closed for `idleMs` (a reload reconnects well within it). */
  readonly onIdle?: () => void;
  readonly idleMs?: number;
}

/**
 * The request target as a URL of this server, or undefined when it is not one: `GET http://[`
 * threw "Invalid URL" and ended the process (issue 12).
 */
function requestTarget(req: IncomingMessage, origin: string): URL | undefined {
  const target = req.url ?? '/';
  // Only origin-form targets ("/path?query"): absolute-form and "*" are for proxies, not this server.
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, origin);
  } catch {
    return undefined;
  }
}

/**
 * Browser mode's loopback server: the built renderer with the app protocol's headers, and the same
 * router over a WebSocket at /rpc. Binds 127.0.0.1 only, on a random port unless told otherwise.
 */
export async function startBrowserModeServer(opts: BrowserModeOptions): Promise<BrowserModeServer> {
  const secret = randomBytes(32).toString('base64url');
  let launchCode: string | undefined = randomBytes(24).toString('base64url');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const { router, events, vault } = opts.services(origin);
  const headers = securityHeaders();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  const rpc = attachRpc({
    wss,
    router,
    events,
    logger: opts.logger,
    origin,
    idleMs: opts.idleMs ?? 10_000,
    ...(opts.onIdle ? { onIdle: opts.onIdle } : {}),
  });

  const refuse = (res: ServerResponse, status: number, text: string): void => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = requestTarget(req, origin);
    if (url === undefined) {
      refuse(res, 400, 'Bad request');
      return;
    }
    if (url.pathname === '/launch') {
      const refusal = checkRequest(req, {
        port,
        secret,
        requireOrigin: false,
        requireSecret: false,
      });
      const code = url.searchParams.get('code');
      if (refusal !== undefined || launchCode === undefined || code !== launchCode) {
        opts.logger.warn('browser_mode.launch_refused', { reason: refusal ?? 'code' });
        refuse(
          res,
          403,
          'This launch link has already been used or is not valid. Start Cohort Desk again.',
        );
        return;
      }
      launchCode = undefined;
      res.writeHead(303, {
        ...headers,
        'Set-Cookie': `${SESSION_COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
      res.end();
      return;
    }
    const refusal = checkRequest(req, { port, secret, requireOrigin: false, requireSecret: true });
    if (refusal !== undefined) {
      opts.logger.warn('browser_mode.request_refused', { reason: refusal, path: url.pathname });
      refuse(
        res,
        refusal === 'secret' ? 401 : 403,
        'Open Cohort Desk from the link it printed when it started.',
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'Method not allowed');
      return;
    }
    if (vault !== undefined && isVaultPath(url.pathname)) {
      // Same cookie/Host/Origin checks as every request above (decision 0002); bytes, never JSON.
      const answer = serveVaultTable(vault, url.pathname, opts.logger);
      res.writeHead(answer.status, { ...headers, ...answer.headers });
      res.end(req.method === 'HEAD' ? undefined : answer.body);
      return;
    }
    const asset = resolveStaticAsset(opts.rendererDir, url.pathname);
    if (asset === undefined) {
      refuse(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': asset.contentType,
      'Content-Length': asset.size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // A file removed under a running server (a rebuild) must end this answer, not the process.
    createReadStream(asset.file)
      .on('error', () => res.destroy())
      .pipe(res);
  };

  // Issue 12: no input ends the process. Errors stay with their connection: logged, answered or dropped.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    try {
      handleRequest(req, res);
    } catch (error: unknown) {
      opts.logger.error('browser_mode.request_failed', { error: String(error) });
      if (res.headersSent) res.destroy();
      else refuse(res, 500, 'Cohort Desk could not answer this request; see its log.');
    }
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = requestTarget(req, origin);
    if (url === undefined) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const refusal = checkRequest(req, { port, secret, requireOrigin: true, requireSecret: true });
    if (url.pathname !== '/rpc' || refusal !== undefined) {
      opts.logger.warn('browser_mode.upgrade_refused', { reason: refusal ?? 'path' });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  return {
    origin,
    port,
    launchUrl: `${origin}/launch?code=${launchCode}`,
    async close() {
      rpc.close();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

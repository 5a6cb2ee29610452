import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LAUNCH_PATH, SESSION_PATH, SessionRequestSchema } from '../../shared/browserMode/session';
import type { SessionResponse } from '../../shared/browserMode/session';
import type { Logger } from '../main/logging/logger';
import { resolveStaticAsset } from '../main/protocol/staticAssets';
import { isVaultPath, serveVaultRequest } from '../main/vault/serveVaultTable';
import type { VaultService } from '../main/vault/vaultService';
import type { CaseService } from '../main/cases/caseService';
import { isCaseDatabasePath, serveCaseDatabase } from '../main/cases/serveCaseFile';
import { handleCaseUpload, isCaseUploadPath } from './caseUpload';
import type { LaunchSession } from './launch';
import { checkRequest } from './requestGuard';

/** The largest POST /session body read; a launch code is 32 characters. */
const MAX_SESSION_BODY = 1024;

/**
 * The request target as a URL of this server, or undefined when it is not one: `GET http://[`
 * threw "Invalid URL" and ended the process (issue 12).
 */
export function requestTarget(req: IncomingMessage, origin: string): URL | undefined {
  const target = req.url ?? '/';
  // Only origin-form targets ("/path?query"): absolute-form and "*" are for proxies, not this server.
  if (!target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, origin);
  } catch {
    return undefined;
  }
}

/** Reads a small body; undefined when it is larger than `limit` or the connection fails. */
async function readSmallBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) return undefined;
      chunks.push(chunk);
    }
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface RoutesOptions {
  readonly port: number;
  readonly origin: string;
  readonly launch: LaunchSession;
  readonly rendererDir: string;
  readonly headers: Record<string, string>;
  readonly logger: Logger;
  readonly vault: VaultService | undefined;
  readonly cases?: CaseService | undefined;
}

/**
 * Browser mode's HTTP routes (decision 0002). The app's files are public (they are the open bundle;
 * Host and Origin are still checked); the launch page spends its code with POST /session; the
 * vault route needs the session secret in a header, which no other origin can make a browser send.
 */
export function createHttpRoutes(
  opts: RoutesOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { port, launch, logger } = opts;
  const secret = launch.secret;
  const text = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, { ...opts.headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(body);
  };
  const json = (res: ServerResponse, body: SessionResponse): void => {
    res.writeHead(200, { ...opts.headers, 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const exchange = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Origin is mandatory: a browser sends it on every POST, and only this page's equals ours.
    const refusal = checkRequest(req, { port, secret, requireOrigin: true, credential: 'none' });
    const isJson = (req.headers['content-type'] ?? '').split(';')[0]?.trim() === 'application/json';
    const body = refusal === undefined && isJson ? await readSmallBody(req, MAX_SESSION_BODY) : '';
    let code: string | undefined;
    try {
      code = SessionRequestSchema.parse(JSON.parse(body ?? '')).code;
    } catch {
      code = undefined;
    }
    const granted = code === undefined ? undefined : launch.redeem(code);
    if (granted === undefined) {
      logger.warn('browser_mode.launch_refused', { reason: refusal ?? (isJson ? 'code' : 'type') });
      text(res, 403, 'This launch link has already been used or is not valid.');
      return;
    }
    logger.info('browser_mode.launched');
    json(res, { session: granted });
  };

  return async (req, res) => {
    const url = requestTarget(req, opts.origin);
    if (url === undefined) {
      text(res, 400, 'Bad request');
      return;
    }
    if (url.pathname === SESSION_PATH && req.method === 'POST') {
      await exchange(req, res);
      return;
    }
    const cases = opts.cases;
    if (cases !== undefined && isCaseUploadPath(url.pathname)) {
      // Issue 16: a POST carries Origin, required here, and the session header: no other site uploads.
      const denied = checkRequest(req, { port, secret, requireOrigin: true, credential: 'header' });
      if (denied !== undefined) {
        logger.warn('browser_mode.request_refused', { reason: denied, path: url.pathname });
        text(res, denied === 'secret' ? 401 : 403, 'Open Cohort Desk from its launcher.');
        return;
      }
      await handleCaseUpload(req, res, { cases, logger, headers: opts.headers, url });
      return;
    }
    const caseRoute = cases !== undefined && isCaseDatabasePath(url.pathname);
    const vault = isVaultPath(url.pathname) ? opts.vault : undefined;
    const vaultRoute = vault !== undefined || caseRoute;
    const refusal = checkRequest(req, {
      port,
      secret,
      requireOrigin: false,
      credential: vaultRoute ? 'header' : 'none',
    });
    if (refusal !== undefined) {
      logger.warn('browser_mode.request_refused', { reason: refusal, path: url.pathname });
      text(res, refusal === 'secret' ? 401 : 403, 'Open Cohort Desk from its launcher.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      text(res, 405, 'Method not allowed');
      return;
    }
    if (caseRoute) {
      // A decrypted case database (issue 16): the same session header as the vault route.
      const answer = await serveCaseDatabase(cases, url.pathname, logger);
      res.writeHead(answer.status, { ...opts.headers, ...answer.headers });
      res.end(req.method === 'HEAD' ? undefined : answer.body);
      return;
    }
    if (vault !== undefined) {
      // Bytes, never JSON (CONVENTIONS rule 6); the secret header is the session (issue 12 item 8).
      const answer = await serveVaultRequest(vault, url.pathname, logger);
      res.writeHead(answer.status, { ...opts.headers, ...answer.headers });
      res.end(req.method === 'HEAD' ? undefined : answer.body);
      return;
    }
    // The launch link opens the app page itself; the page spends the code (decision 0002).
    const path = url.pathname === LAUNCH_PATH ? '/' : url.pathname;
    const asset = resolveStaticAsset(opts.rendererDir, path);
    if (asset === undefined) {
      text(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, {
      ...opts.headers,
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
}

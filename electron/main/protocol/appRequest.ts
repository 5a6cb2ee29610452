import { readFile } from 'node:fs/promises';
import type { Logger } from '../logging/logger';
import { securityHeaders } from '../security/csp';
import { APP_ORIGIN } from '../security/navigation';
import { isVaultPath, serveVaultRequest } from '../vault/serveVaultTable';
import type { VaultService } from '../vault/vaultService';
import type { CaseService } from '../cases/caseService';
import { isCaseDatabasePath, serveCaseDatabase } from '../cases/serveCaseFile';
import { resolveStaticAsset } from './staticAssets';

/**
 * The app:// request handler as a plain function from Request to Response, so Node tests exercise
 * exactly what Electron's protocol.handle runs. The same gate as browser mode where it applies
 * (decision 0002): only the app's host, GET/HEAD, an Origin (when sent) that is the app's own;
 * the CSP and security headers on every answer; the vault route never cached.
 */
export function createAppRequestHandler(
  rendererDir: string,
  vaultRoute?: { vault: VaultService; logger: Logger; cases?: CaseService },
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const headers = securityHeaders();
    if (url.host !== 'cohort-desk' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers });
    }
    const origin = request.headers.get('origin');
    if (origin !== null && origin !== APP_ORIGIN) {
      vaultRoute?.logger.warn('app_protocol.origin_refused', { path: url.pathname });
      return new Response('Forbidden', { status: 403, headers });
    }
    if (vaultRoute !== undefined && isVaultPath(url.pathname)) {
      // app://cohort-desk/vault/…: decrypted cache bytes for duckdb-wasm (issue 6).
      const answer = await serveVaultRequest(vaultRoute.vault, url.pathname, vaultRoute.logger);
      const body = request.method === 'HEAD' ? null : answer.body;
      return new Response(body, {
        status: answer.status,
        headers: { ...headers, ...answer.headers },
      });
    }
    if (vaultRoute?.cases !== undefined && isCaseDatabasePath(url.pathname)) {
      // app://cohort-desk/cases/{id}/data.duckdb: a decrypted case database (issue 16).
      const answer = await serveCaseDatabase(vaultRoute.cases, url.pathname, vaultRoute.logger);
      return new Response(request.method === 'HEAD' ? null : answer.body, {
        status: answer.status,
        headers: { ...headers, ...answer.headers },
      });
    }
    const asset = resolveStaticAsset(rendererDir, url.pathname);
    if (asset === undefined) return new Response('Not found', { status: 404, headers });
    const body = request.method === 'HEAD' ? null : await readFile(asset.file);
    return new Response(body, {
      status: 200,
      headers: {
        ...headers,
        'Content-Type': asset.contentType,
        'Content-Length': String(asset.size),
      },
    });
  };
}

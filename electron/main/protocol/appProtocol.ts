import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { securityHeaders } from '../security/csp';
import type { Logger } from '../logging/logger';
import { isVaultPath, serveVaultTable } from '../vault/serveVaultTable';
import type { VaultService } from '../vault/vaultService';
import { resolveStaticAsset } from './staticAssets';

export const APP_SCHEME = 'app';

/** Must run before app 'ready': the app scheme is standard and secure, like https (checklist 18). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

/** Serves the built renderer from app://cohort-desk/ with the CSP and security headers on every response. */
export function handleAppProtocol(
  rendererDir: string,
  vaultRoute?: { vault: VaultService; logger: Logger },
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const headers = securityHeaders();
    if (url.host !== 'cohort-desk' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers });
    }
    if (vaultRoute !== undefined && isVaultPath(url.pathname)) {
      // app://cohort-desk/vault/{datasetId}/{table}.arrow: decrypted Arrow IPC (issue 6).
      const answer = serveVaultTable(vaultRoute.vault, url.pathname, vaultRoute.logger);
      const body = request.method === 'HEAD' ? null : answer.body;
      return new Response(body, { status: answer.status, headers: { ...headers, ...answer.headers } });
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
  });
}

import { ARROW_STREAM_MIME, VaultTableSchema } from '../../../shared/domain/vault';
import type { Logger } from '../logging/logger';
import type { VaultService } from './vaultService';

/** A transport-neutral HTTP answer (Electron wraps it in a Response, browser mode writes it). */
export interface VaultHttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

const PATH = /^\/vault\/([^/]{1,200})\/([a-z]{1,20})\.arrow$/;

/** True for paths the vault route answers (`/vault/{datasetId}/{table}.arrow`). */
export const isVaultPath = (pathname: string): boolean => pathname.startsWith('/vault/');

/**
 * GET /vault/{datasetId}/{table}.arrow on the app's own origin: the decrypted Arrow IPC stream for
 * the renderer's duckdb-wasm (CONVENTIONS rule 6: bytes, never JSON over IPC). Refuses at once a
 * dataset whose visa expired or was revoked (PASS-03). Never cached.
 */
export function serveVaultTable(
  vault: VaultService,
  pathname: string,
  logger: Logger,
): VaultHttpAnswer {
  const text = (status: number, message: string): VaultHttpAnswer => ({
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: Buffer.from(message, 'utf8'),
  });
  const m = PATH.exec(pathname);
  const table = VaultTableSchema.safeParse(m?.[2]);
  if (m?.[1] === undefined || !table.success) return text(404, 'Not found');
  let datasetId: string;
  try {
    datasetId = decodeURIComponent(m[1]);
  } catch {
    return text(404, 'Not found');
  }
  try {
    const r = vault.readTable(datasetId, table.data);
    if (!r.ok) return text(r.status, r.message);
    return {
      status: 200,
      headers: {
        'Content-Type': ARROW_STREAM_MIME,
        'Cache-Control': 'no-store',
        'Content-Length': String(r.bytes.length),
      },
      body: r.bytes,
    };
  } catch (error: unknown) {
    logger.warn('vault.read_failed', { datasetId, table: table.data, error });
    return text(500, 'The local copy could not be decrypted or failed its integrity check.');
  }
}

import type { VaultPart } from '../../../shared/vault/vault';
import { ARROW_STREAM_MIME, DUCKDB_FILE_MIME, VaultTableSchema } from '../../../shared/vault/vault';
import type { VaultRefusal } from '../../../shared/vault/vaultRefusal';
import type { Logger } from '../logging/logger';
import type { VaultService } from './vaultService';

/** A transport-neutral HTTP answer (Electron wraps it in a Response, browser mode writes it). */
export interface VaultHttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

const PATH = /^\/vault\/([^/]{1,200})\/(data\.duckdb|[a-z]{1,20}\.arrow)$/;

/** The part a file name asks for: `data.duckdb` (0010) or a legacy `{table}.arrow` (0006). */
function partOf(name: string | undefined): VaultPart | undefined {
  if (name === 'data.duckdb') return 'database';
  const table = VaultTableSchema.safeParse(name?.replace(/\.arrow$/, ''));
  return table.success ? table.data : undefined;
}

/**
 * A refusal as JSON: main's English and its code, which the window words in the reader's language
 * (issue 22, decision 0076; shared/vault/vaultRefusal.ts). Never cached.
 */
function refusal(status: number, r: VaultRefusal): VaultHttpAnswer {
  const body: VaultRefusal = { message: r.message, said: r.said };
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    body: Buffer.from(JSON.stringify(body), 'utf8'),
  };
}

/** True for paths the vault route answers (`/vault/{datasetId}/data.duckdb`, `…/{table}.arrow`). */
export const isVaultPath = (pathname: string): boolean => pathname.startsWith('/vault/');

/**
 * GET /vault/{datasetId}/data.duckdb on the app's own origin: the decrypted DuckDB database file the
 * renderer's duckdb-wasm attaches read-only (0010; CONVENTIONS rule 6: bytes, never JSON over IPC);
 * `{table}.arrow` for caches written before 0010. Refuses at once a dataset whose visa expired or
 * was revoked (PASS-03). Never cached.
 */
export function serveVaultTable(
  vault: VaultService,
  pathname: string,
  logger: Logger,
): VaultHttpAnswer {
  const m = PATH.exec(pathname);
  const part = partOf(m?.[2]);
  const notFound = { message: 'Not found', said: { code: 'not-found' } } as const;
  if (m?.[1] === undefined || part === undefined) return refusal(404, notFound);
  let datasetId: string;
  try {
    datasetId = decodeURIComponent(m[1]);
  } catch {
    return refusal(404, notFound);
  }
  try {
    const r = vault.readPart(datasetId, part);
    if (!r.ok) return refusal(r.status, r);
    return {
      status: 200,
      headers: {
        'Content-Type': part === 'database' ? DUCKDB_FILE_MIME : ARROW_STREAM_MIME,
        'Cache-Control': 'no-store',
        'Content-Length': String(r.bytes.length),
      },
      body: r.bytes,
    };
  } catch (error: unknown) {
    logger.warn('vault.read_failed', { datasetId, part, error });
    return refusal(500, {
      message: 'The local copy could not be decrypted or failed its integrity check.',
      said: { code: 'decrypt', params: { dataset: datasetId } },
    });
  }
}

/**
 * serveVaultTable, after rewriting an old cache into the query layout when its database is asked
 * for (issue 20: once, natively, instead of duckdb-wasm at every load). A failed rewrite is logged
 * and the old copy is served as before (the renderer lays it out in memory).
 */
export async function serveVaultRequest(
  vault: VaultService,
  pathname: string,
  logger: Logger,
): Promise<VaultHttpAnswer> {
  const m = PATH.exec(pathname);
  if (m?.[1] !== undefined && m[2] === 'data.duckdb') {
    let datasetId: string | undefined;
    try {
      datasetId = decodeURIComponent(m[1]);
    } catch {
      datasetId = undefined;
    }
    if (datasetId !== undefined)
      await vault.upgrade(datasetId).catch((error: unknown) => {
        logger.warn('vault.cache_rewrite_failed', { datasetId, error });
      });
  }
  return serveVaultTable(vault, pathname, logger);
}

import { DUCKDB_FILE_MIME } from '../../../shared/vault/vault';
import type { Logger } from '../logging/logger';
import type { VaultHttpAnswer } from '../vault/serveVaultTable';
import type { CaseService } from './caseService';

const PATH = /^\/cases\/([^/]{1,200})\/data\.duckdb$/;

/** True for the case database route (`/cases/{caseId}/data.duckdb`). */
export const isCaseDatabasePath = (pathname: string): boolean => PATH.test(pathname);

/**
 * GET /cases/{caseId}/data.duckdb on the app's own origin: the decrypted case database the page's
 * duckdb-wasm attaches read-only (issue 16; served like a vault dataset, decision 0010: bytes,
 * never JSON; never cached; only the owner's cases, only while the vault is open).
 */
export async function serveCaseDatabase(
  cases: CaseService,
  pathname: string,
  logger: Logger,
): Promise<VaultHttpAnswer> {
  const text = (status: number, message: string): VaultHttpAnswer => ({
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: Buffer.from(message, 'utf8'),
  });
  const m = PATH.exec(pathname);
  let caseId: string;
  try {
    caseId = decodeURIComponent(m?.[1] ?? '');
  } catch {
    return text(404, 'Not found');
  }
  try {
    // An older case is upgraded once before it is served (decision 0035).
    const r = await cases.openDatabase(caseId);
    if (!r.ok) return text(r.status, r.message);
    return {
      status: 200,
      headers: {
        'Content-Type': DUCKDB_FILE_MIME,
        'Cache-Control': 'no-store',
        'Content-Length': String(r.bytes.length),
      },
      body: r.bytes,
    };
  } catch (error: unknown) {
    logger.warn('case.serve_failed', { error });
    return text(500, 'The case could not be read.');
  }
}

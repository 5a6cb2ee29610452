import type { NodeEntry } from '../../../shared/federation/directory';
import type { SessionSummary } from '../../../shared/auth/session';
import type { SessionGrants } from './access/datasetGrants';
import type { AuditLog } from '../audit/auditLog';
import type { FederationDirectoryService } from '../federation/directory';
import type { Logger } from '../logging/logger';
import type { Platform } from '../platform/platform';
import type { TokenVault } from './tokenVault';

/** The main-process session (issue 4). The renderer only ever sees `summary()` (AUTH-01/10). */
export interface AuthService {
  summary(): Promise<SessionSummary>;
  /**
   * Runs the whole sign-in; resolves when it completed, failed or was cancelled. `switchUser` makes
   * the broker ask for credentials even if its browser session is someone else's (prompt=login).
   */
  signIn(issuer?: string, how?: { switchUser?: boolean }): Promise<SessionSummary>;
  cancelSignIn(): Promise<SessionSummary>;
  signOut(): Promise<SessionSummary>;
  /**
   * Resumes a persisted session at start (refresh grant); no-op without one. `passportOnly`
   * (issue 23, decision 0050): check the passport but ask no node for its catalogue, for a command
   * that reads only the local cache; a later restore without it reads the catalogue.
   */
  restore(how?: { passportOnly?: boolean }): Promise<SessionSummary>;
  /**
   * The sign-in access token, refreshed when due: for the broker's UserInfo only. Nodes refuse it;
   * never send it anywhere else (issue 12 item 12).
   */
  accessToken(): Promise<string | undefined>;
  /**
   * For main-process clients (Beacon, htsget): an access token whose only audience is `node`, or
   * undefined (signed out, a node not in the directory, or one the broker does not know).
   */
  accessTokenFor(node: NodeEntry): Promise<string | undefined>;
  onChange(listener: (summary: SessionSummary) => void): () => void;
  /**
   * For the vault (PASS-03): the signed-in user (sub, broker issuer), the unexpired record-level
   * grants with their visas, and which of them are definitive (issue 12: nodes not reached, a failed
   * directory); undefined when signed out. Main-process only, never sent to the renderer.
   */
  grants(): SessionGrants | undefined;
  close(): void;
}

export interface AuthServiceOptions {
  platform: Platform;
  directory: FederationDirectoryService;
  logger: Logger;
  audit: AuditLog;
  nodeTimeoutMs: () => number;
  now?: () => number;
  expiringSoonMs?: number;
  loginTimeoutMs?: number;
  /**
   * Where the refresh token is kept when not in the platform's key storage: the command line's
   * vault-key-sealed session (decision 0032), known once the vault is unlocked.
   */
  tokenVault?: Promise<TokenVault>;
}

import type { FederationDirectory, NodeEntry } from '../../../shared/federation/directory';
import type { AuditLog } from '../audit/auditLog';
import type { AuthService, AuthServiceOptions } from '../auth/authService';
import type { CaseService } from '../cases/caseService';
import type { ImportWorkerSpec } from '../cases/import/caseImports';
import type { FederationDirectoryService } from '../federation/directory';
import type { HostsService } from '../federation/hostsService';
import type { EventHub } from '../ipc/events';
import type { Router, Sender } from '../ipc/router';
import type { Logger } from '../logging/logger';
import type { Platform } from '../platform/platform';
import type { SettingsStore } from '../settings/settingsStore';
import type { VaultService } from '../vault/vaultService';

/**
 * What createMainServices builds and takes (createServices.ts): the services every transport
 * (Electron IPC, browser mode, the e2e bridge, the CLI) reaches through one router.
 */
export interface MainServices {
  readonly router: Router;
  readonly events: EventHub;
  readonly settings: SettingsStore;
  readonly logger: Logger;
  /** The session; other main services take access tokens from here (never the renderer). */
  readonly auth: AuthService;
  readonly directory: FederationDirectoryService;
  readonly audit: AuditLog;
  /** The encrypted local cache; the /vault route of both transports reads from it (issue 6). */
  readonly vault: VaultService;
  /** Every host the app may contact (issue 21): the Settings page, the CLI and the e2e request log. */
  readonly hosts: HostsService;
  /** Patient cases (issue 16); the /cases routes of both transports read from it. */
  readonly cases: CaseService;
  close(): void;
}

/** The options of createMainServices. */
export interface MainServicesOptions {
  platform: Platform;
  policyPath: string;
  isTrustedSender: (sender: Sender) => boolean;
  appName: string;
  appVersion: string;
  logger?: Logger;
  /** The embedded demo federation file; default env COHORT_DESK_FEDERATION_FILE or ./federation/.run/federation.json. */
  demoFederationFile?: string;
  /** Test hooks for the auth service (clock, expiring-soon window, login timeout). */
  auth?: Pick<AuthServiceOptions, 'now' | 'expiringSoonMs' | 'loginTimeoutMs'>;
  sessionSealing?: 'platform' | 'vault-key'; // refresh token under the OS store or the vault key (0032)
  /**
   * Resume a saved session in the background at start (the app; default). The command line says
   * false and restores before each command acts, as that command needs it (decision 0050).
   */
  restoreAtStart?: boolean;
  /** Test override of search's view of the federation (default: the directory and the session). */
  federation?: {
    getDirectory: () => Promise<FederationDirectory>;
    getAccessToken: (node: NodeEntry) => Promise<string | undefined>;
  };
  /** The case import worker's script (default: beside main, or the source under tsx); bench only. */
  caseImportWorker?: ImportWorkerSpec;
}

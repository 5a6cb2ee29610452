import { join } from 'node:path';
import type { AuditLog } from '../audit/auditLog';
import { openAuditLog } from '../audit/auditLog';
import { auditHandlers } from '../audit/audit.handlers';
import { authHandlers } from '../auth/auth.handlers';
import type { AuthService, AuthServiceOptions } from '../auth/authService';
import { createAuthService } from '../auth/authService';
import type { FederationDirectoryService } from '../federation/directory';
import { createFederationDirectory, defaultDemoFederationFile } from '../federation/directory';
import { federationHandlers } from '../federation/federation.handlers';
import type { EventHub } from '../ipc/events';
import { createEventHub } from '../ipc/events';
import type { Router, Sender } from '../ipc/router';
import { createRouter } from '../ipc/router';
import type { Logger } from '../logging/logger';
import { createFileLogger } from '../logging/logger';
import type { Platform } from '../platform/platform';
import { loadPolicy } from '../settings/policy';
import { settingsHandlers } from '../settings/settings.handlers';
import type { SettingsStore } from '../settings/settingsStore';
import { createSettingsStore } from '../settings/settingsStore';
import type { FederationDirectory, NodeEntry } from '../../../shared/federation/directory';
import { searchHandlers } from '../search/search.handlers';
import { createSearchService } from '../search/searchService';
import { recentQueriesFor } from '../search/recentQueries';
import { createPullService } from '../pull/pullService';
import { cohortHandlers } from '../cohorts/cohorts.handlers';
import { cohortStoreFor } from '../cohorts/cohortStore';
import { parquetExportHandlers } from '../cohorts/parquetExport.handlers';
import { vaultHandlers } from '../vault/vault.handlers';
import { pullHandlers } from '../pull/pull.handlers';
import type { VaultService } from '../vault/vaultService';
import { createVaultService } from '../vault/vaultService';
import { localCacheFrom } from '../vault/localCache';
import { vcfHandlers } from '../vcf/vcf.handlers';
import { caseHandlers } from '../cases/cases.handlers';
import { rankingHandlers } from '../ranking/ranking.handlers';
import { createCasePresets } from '../cases/casePresets';
import type { CaseService } from '../cases/caseService';
import { createCaseService } from '../cases/caseService';
import { appHandlers } from './app.handlers';
import { hostsHandlers } from '../federation/hosts.handlers';
import type { HostsService } from '../federation/hostsService';
import { createHostsService } from '../federation/hostsService';
import { resolveCacheLocation } from '../vault/cacheLocation';
import { purgeOnPolicyRequest } from '../vault/policyPurge';
import { caseWorkHandlers } from '../cases/caseWork.handlers';
import { createCaseWorkService } from '../cases/caseWork';
import { seenHandlersOver } from '../seen/seen.handlers';

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

/**
 * Builds every main-process service and the router over them. Electron, browser mode and the e2e
 * harness all call this, so they run the same handlers (CONVENTIONS rule 3).
 */
export function createMainServices(opts: {
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
  /** Test override of search's view of the federation (default: the directory and the session). */
  federation?: {
    getDirectory: () => Promise<FederationDirectory>;
    getAccessToken: (node: NodeEntry) => Promise<string | undefined>;
  };
}): MainServices {
  const { platform } = opts;
  const logger = opts.logger ?? createFileLogger({ dir: platform.paths.logs });
  const policy = loadPolicy(opts.policyPath, platform.managedPolicy());
  if (policy.active)
    logger.info('policy.loaded', { sources: policy.sources, locked: Object.keys(policy.locked) });
  const settings = createSettingsStore({
    file: join(platform.paths.data, 'settings.json'),
    policy,
    logger,
  });
  const events = createEventHub();
  const unsubscribe = settings.onChange((view) => {
    events.emit('settings:changed', view);
  });
  const directory = createFederationDirectory({
    settings,
    platform,
    logger,
    demoFile: opts.demoFederationFile ?? defaultDemoFederationFile(process.env, process.cwd()),
  });
  // Issue 15 item 7 / issue 12 item 13: a new directory reaches every page (and sign-in) at once.
  const offDirectory = directory.onChange((d) => {
    events.emit('federation:changed', d);
  });
  const audit = openAuditLog({ dir: join(platform.paths.data, 'audit'), logger });
  // A break in the audit log is shown to the user, not only on the audit page (issue 12 item 10).
  const offAuditBreak = audit.onBreak((verdict) => {
    settings.addNotice({
      id: `audit-break:${verdict.line}:${verdict.reason}`,
      level: 'error',
      messageKey: 'notice.auditBreak',
      params: { message: verdict.message, file: audit.file },
    });
  });
  const auth = createAuthService({
    platform,
    directory,
    logger,
    audit,
    nodeTimeoutMs: () => settings.view().values.nodeTimeoutMs,
    ...opts.auth,
  });
  audit.setUser(() => auth.grants()?.user);
  const offAuth = auth.onChange((summary) => {
    events.emit('auth:changed', summary);
  });
  // A persisted session resumes in the background; auth:changed tells the renderer when it is back.
  auth.restore().catch((error: unknown) => {
    logger.warn('auth.restore_failed', { error });
  });
  // Where the cache lives and how often it is purged are read once, at start (issue 21).
  const cache = resolveCacheLocation(
    settings.view().values.cacheLocation,
    platform.paths.data,
    process.env,
    platform.paths.cache,
  );
  if (cache.problem !== undefined)
    settings.addNotice({
      id: 'cache-location',
      level: 'warning',
      messageKey: 'notice.cacheLocation',
      params: { detail: cache.problem },
    });
  purgeOnPolicyRequest({
    request: policy.cachePurgeRequest,
    vaultRoot: cache.root,
    dataDir: platform.paths.data,
    audit,
    logger,
  });
  const vault = createVaultService({
    root: cache.root,
    purgeEveryMs: settings.view().values.purgeIntervalMinutes * 60_000,
    dataDir: platform.paths.data,
    keyStorage: () => platform.keyStorage(),
    auth,
    audit,
    logger,
    localCache: localCacheFrom(settings),
    ...(opts.auth?.now === undefined ? {} : { now: opts.auth.now }),
  });
  const search = createSearchService({
    fetch: platform.fetch,
    getDirectory: opts.federation?.getDirectory ?? (() => directory.get()),
    getAccessToken: opts.federation?.getAccessToken ?? ((node) => auth.accessTokenFor(node)),
    nodeTimeoutMs: () => settings.view().values.nodeTimeoutMs,
    // Per user and sealed (issue 13, decision 0011).
    recent: recentQueriesFor({
      owner: () => vault.stateOwner(),
      logger,
      legacyFile: join(platform.paths.data, 'search-recent.json'),
      watch: (listener) => vault.onChange(listener),
    }),
    logger,
    onNodeUpdate: (update) => events.emit('search:nodeUpdate', update),
    onDone: (done) => events.emit('search:done', done),
    onAudit: (fields) => audit.append('search.run', fields),
  });
  const offVault = vault.onChange((list) => {
    events.emit('vault:changed', list);
  });
  // The audit chain is keyed from the vault's master key: sealed from the moment it is known.
  const offVaultKeys = vault.onKeys((derive) => audit.useKeys(derive));
  const pull = createPullService({
    vault,
    auth,
    directory: () => directory.get(),
    fetch: platform.fetch,
    timeoutMs: () => settings.view().values.nodeTimeoutMs,
    allowLocalCache: () => settings.view().values.allowLocalCache,
    vaultLocked: () => vault.locked(),
    token: (node) => auth.accessTokenFor(node),
    audit,
    logger,
    onProgress: (p) => events.emit('pull:progress', p),
  });
  const hosts = createHostsService({ directory, settings, platform });
  const cases = createCaseService({
    dataDir: platform.paths.data,
    vaultRoot: cache.root,
    auth,
    vault,
    audit,
    logger,
    onProgress: (p) => events.emit('case:progress', p),
  });
  const offCases = cases.onChange((list) => events.emit('case:changed', list));
  // Signing in or out changes whose cases these are; unlocking shows them.
  const offCaseOwner = vault.onChange(() => cases.changed());
  const router = createRouter({
    isTrustedSender: opts.isTrustedSender,
    logger,
    handlers: {
      ...appHandlers({
        platform,
        settings,
        logger,
        name: opts.appName,
        version: opts.appVersion,
        policyPath: policy.path,
      }),
      ...settingsHandlers(settings),
      ...federationHandlers(directory),
      ...authHandlers(auth),
      ...searchHandlers(search),
      ...vaultHandlers(vault, audit),
      ...pullHandlers(pull),
      ...cohortHandlers(
        cohortStoreFor({
          owner: () => vault.stateOwner(),
          logger,
          legacyFile: join(platform.paths.data, 'cohorts.json'),
          watch: (listener) => vault.onChange(listener),
        }),
        audit,
      ),
      ...parquetExportHandlers(audit),
      ...auditHandlers(audit),
      ...vcfHandlers(),
      ...hostsHandlers(hosts),
      ...caseHandlers(
        cases,
        createCasePresets({ owner: () => cases.stateOwner(), logger }),
        audit,
        platform,
      ),
      ...rankingHandlers(),
      ...caseWorkHandlers({
        work: createCaseWorkService({ cases, audit }),
        audit,
        logger,
        platform,
        app: `${opts.appName} ${opts.appVersion}`,
      }),
      ...seenHandlersOver(
        opts.federation,
        { platform, directory, auth, settings },
        { events, cases, audit, logger },
      ),
    },
  });
  logger.info('app.services_started', { runtime: platform.kind });
  return {
    router,
    events,
    settings,
    logger,
    auth,
    directory,
    audit,
    vault,
    hosts,
    cases,
    close: () => {
      offCases();
      offCaseOwner();
      void cases.close();
      unsubscribe();
      offDirectory();
      directory.close();
      offAuth();
      pull.close();
      offVault();
      offVaultKeys();
      offAuditBreak();
      vault.close();
      auth.close();
    },
  };
}

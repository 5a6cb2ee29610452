import { join } from 'node:path';
import { openAuditLog } from '../audit/auditLog';
import { auditHandlers } from '../audit/audit.handlers';
import { authHandlers } from '../auth/auth.handlers';
import { createAuthService } from '../auth/authService';
import { sessionSealingFor } from '../auth/vaultSealedSession';
import { createFederationDirectory, defaultDemoFederationFile } from '../federation/directory';
import { federationHandlers } from '../federation/federation.handlers';
import { createEventHub } from '../ipc/events';
import { createRouter } from '../ipc/router';
import { createFileLogger } from '../logging/logger';
import { loadPolicy } from '../settings/policy';
import { settingsHandlers } from '../settings/settings.handlers';
import { createSettingsStore } from '../settings/settingsStore';
import { searchHandlers } from '../search/search.handlers';
import { createSearchService } from '../search/searchService';
import { recentQueriesFor } from '../search/recentQueries';
import { createPullService } from '../pull/pullService';
import { cohortHandlers } from '../cohorts/cohorts.handlers';
import { cohortStoreFor } from '../cohorts/cohortStore';
import { parquetExportHandlers } from '../cohorts/parquetExport.handlers';
import { vaultHandlers } from '../vault/vault.handlers';
import { pullHandlers } from '../pull/pull.handlers';
import { createVaultService } from '../vault/vaultService';
import { localCacheFrom } from '../vault/localCache';
import { vcfHandlers } from '../vcf/vcf.handlers';
import { caseHandlers } from '../cases/cases.handlers';
import { cancerHandlers, somaticPresetHandlers } from '../cases/cancer/cancer.handlers';
import { rankingHandlers } from '../ranking/ranking.handlers';
import { createCasePresets, createSomaticPresets } from '../cases/casePresets';
import { createCaseService } from '../cases/caseService';
import { appHandlers } from './app.handlers';
import { hostsHandlers } from '../federation/hosts.handlers';
import { createOutbound } from '../federation/outbound';
import { resolveCacheLocation } from '../vault/cacheLocation';
import { purgeOnPolicyRequest } from '../vault/policyPurge';
import { caseWorkHandlers } from '../cases/caseWork.handlers';
import { diseaseHandlers } from '../cases/diseases.handlers';
import { createCaseWorkService } from '../cases/caseWork';
import { seenHandlersOver } from '../seen/seen.handlers';
import { createFilteringTermsCache } from '../search/filteringTerms';
import { tumourBoardSection } from '../cases/cancer/tumourBoard';
import type { MainServices, MainServicesOptions } from './mainServices';
import { breakParams } from '../audit/verifyChain';
import { settingProblemParams } from '../../../shared/settings/settingProblem';

export type { MainServices, MainServicesOptions } from './mainServices';

/** Every main-process service and the router: all transports run the same handlers (rule 3). */
export function createMainServices(opts: MainServicesOptions): MainServices {
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
  // Issue 21: main contacts only the hosts it publishes (the policy's allow-lists included).
  const outbound = createOutbound({ directory, settings, platform, logger });
  const { hosts, net: guarded } = outbound;
  const audit = openAuditLog({ dir: join(platform.paths.data, 'audit'), logger });
  // A break in the audit log is shown to the user, not only on the audit page (issue 12 item 10).
  const offAuditBreak = audit.onBreak((verdict) => {
    settings.addNotice({
      id: `audit-break:${verdict.line}:${verdict.reason}`,
      level: 'error',
      messageKey: 'notice.auditBreak',
      // The break's codes beside main's English, so the renderer words it (decision 0063).
      params: { message: verdict.message, file: audit.file, ...breakParams(verdict) },
    });
  });
  const sealing = sessionSealingFor(opts.sessionSealing, platform.paths.data);
  const auth = createAuthService({
    platform: guarded,
    directory,
    logger,
    audit,
    nodeTimeoutMs: () => settings.view().values.nodeTimeoutMs,
    ...opts.auth,
    ...sealing.authOptions,
  });
  audit.setUser(() => auth.grants()?.user);
  outbound.useSession(() => auth.grants()?.user.iss);
  const offAuth = auth.onChange((summary) => {
    events.emit('auth:changed', summary);
  });
  // A persisted session resumes in the background; auth:changed tells the renderer when it is back.
  if (opts.restoreAtStart !== false)
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
      params: { detail: cache.problem, ...settingProblemParams(cache.problemSaid) },
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
  // One read of each node's /filtering_terms for search and seen-before (decision 0105).
  const filterTerms = createFilteringTermsCache({
    fetch: guarded.fetch,
    timeoutMs: () => settings.view().values.nodeTimeoutMs,
  });
  const search = createSearchService({
    fetch: guarded.fetch,
    filterTerms,
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
  sealing.attach((listener) => vault.onKeys(listener)); // cleared by vault.close()
  const pull = createPullService({
    vault,
    auth,
    directory: () => directory.get(),
    fetch: guarded.fetch,
    timeoutMs: () => settings.view().values.nodeTimeoutMs,
    allowLocalCache: () => settings.view().values.allowLocalCache,
    vaultLocked: () => vault.locked(),
    token: (node) => auth.accessTokenFor(node),
    audit,
    logger,
    onProgress: (p) => events.emit('pull:progress', p),
  });
  const cases = createCaseService({
    dataDir: platform.paths.data,
    vaultRoot: cache.root,
    auth,
    vault,
    audit,
    logger,
    onProgress: (p) => events.emit('case:progress', p),
    ...(opts.caseImportWorker && { importWorker: opts.caseImportWorker }),
  });
  // One store for the Somatic tab's presets and case:variants' check of a preset's kind (issue 19).
  const somaticPresets = createSomaticPresets({ owner: () => cases.stateOwner(), logger });
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
        vault,
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
        somaticPresets,
      ),
      ...rankingHandlers(),
      ...caseWorkHandlers({
        work: createCaseWorkService({ cases, audit }),
        audit,
        logger,
        platform,
        app: `${opts.appName} ${opts.appVersion}`,
        board: (caseId, answers, o) => tumourBoardSection(cases, caseId, answers, o),
      }),
      ...diseaseHandlers(),
      ...cancerHandlers(cases),
      ...somaticPresetHandlers(somaticPresets),
      ...seenHandlersOver(
        opts.federation,
        // Through the egress guard (issue 21) unless a test hands in its own federation's nodes.
        { platform: opts.federation === undefined ? guarded : platform, directory, auth, settings },
        // The search's terms cache when both ask through the egress guard.
        {
          events,
          cases,
          audit,
          logger,
          ...(opts.federation === undefined ? { filterTerms } : {}),
        },
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
      outbound.close();
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

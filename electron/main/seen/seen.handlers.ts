import type { FederationDirectory, NodeEntry } from '../../../shared/federation/directory';
import type { AuthService } from '../auth/authService';
import type { FederationDirectoryService } from '../federation/directory';
import type { EventHub } from '../ipc/events';
import type { Handlers } from '../ipc/router';
import type { Platform } from '../platform/platform';
import type { SettingsStore } from '../settings/settingsStore';
import type { SeenService, SeenServiceDeps } from './seenService';
import { createSeenService } from './seenService';

type SeenChannels =
  | 'seen:lookup'
  | 'seen:cancel'
  | 'seen:stored'
  | 'seen:likeTerms'
  | 'seen:likePreview'
  | 'seen:likeRun'
  | 'seen:likeStored';

/** Handlers for seen:* channels (issue 18). */
export function seenHandlers(seen: SeenService): Pick<Handlers, SeenChannels> {
  return {
    'seen:lookup': ({ queryId, caseId, candidates }) => seen.lookup(queryId, caseId, candidates),
    'seen:cancel': ({ queryId }) => ({ cancelled: seen.cancel(queryId) }),
    'seen:stored': ({ caseId }) => seen.stored(caseId),
    'seen:likeTerms': ({ caseId }) => seen.likeTerms(caseId),
    'seen:likePreview': (req) => seen.likePreview(req),
    'seen:likeRun': ({ queryId, ...req }) => seen.likeRun(queryId, req),
    'seen:likeStored': ({ caseId }) => seen.likeStored(caseId),
  };
}

/** The service's pushed events, onto the app's event hub. */
export function seenEvents(
  events: EventHub,
): Pick<SeenServiceDeps, 'onProgress' | 'onDone' | 'onLikeUpdate' | 'onLikeDone'> {
  return {
    onProgress: (p) => events.emit('seen:progress', p),
    onDone: (d) => events.emit('seen:done', d),
    onLikeUpdate: (u) => events.emit('seen:likeUpdate', u),
    onLikeDone: (d) => events.emit('seen:likeDone', d),
  };
}

/**
 * The seen service over the app's services, as createServices wires it: the search's view of the
 * federation (or a test's), the session's node tokens, the settings' node timeout.
 */
export function seenHandlersOver(
  federation:
    | {
        getDirectory: () => Promise<FederationDirectory>;
        getAccessToken: (node: NodeEntry) => Promise<string | undefined>;
      }
    | undefined,
  app: {
    platform: Platform;
    directory: FederationDirectoryService;
    auth: AuthService;
    settings: SettingsStore;
  },
  deps: Pick<SeenServiceDeps, 'cases' | 'audit' | 'logger' | 'filterTerms'> & { events: EventHub },
): ReturnType<typeof seenHandlers> {
  return seenHandlers(
    createSeenService({
      ...seenEvents(deps.events),
      fetch: app.platform.fetch,
      getDirectory: federation?.getDirectory ?? (() => app.directory.get()),
      getAccessToken: federation?.getAccessToken ?? ((n) => app.auth.accessTokenFor(n)),
      nodeTimeoutMs: () => app.settings.view().values.nodeTimeoutMs,
      cases: deps.cases,
      audit: deps.audit,
      logger: deps.logger,
      ...(deps.filterTerms === undefined ? {} : { filterTerms: deps.filterTerms }),
    }),
  );
}

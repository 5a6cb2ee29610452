import type { StateCreator } from 'zustand';
import type { DirectoryCheck, FederationDirectory } from '../../../shared/federation/directory';
import type { SessionSummary } from '../../../shared/auth/session';
import type { Result } from '../../../shared/result';
import { emptyFilters } from '../../../shared/cohorts/definition';
import { SearchQuerySchema } from '../../../shared/search/query';
import { api } from '../api/client';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';

/** What checking a directory address found (Settings, issue 13). */
export type DirectoryCheckState =
  | { readonly state: 'idle' }
  | { readonly state: 'checking'; readonly url: string }
  | { readonly state: 'found'; readonly found: DirectoryCheck }
  | { readonly state: 'failed'; readonly url: string; readonly message: string };

export interface SessionSlice {
  session: SessionSummary | undefined;
  directory: FederationDirectory | undefined;
  sessionError: string | undefined;
  directoryCheck: DirectoryCheckState;
  loadSession: () => Promise<void>;
  /** `someoneElse`: "sign in as someone else" (the broker asks for credentials again). */
  signIn: (issuer?: string, someoneElse?: boolean) => Promise<void>;
  cancelSignIn: () => Promise<void>;
  signOut: () => Promise<void>;
  receiveSession: (session: SessionSummary) => void;
  /** A directory main pushed (federation:changed): every page follows it at once. */
  receiveDirectory: (directory: FederationDirectory) => void;
  /** Reads a directory address now; true when it holds a usable directory. */
  checkDirectory: (url: string) => Promise<boolean>;
  clearDirectoryCheck: () => void;
}

/** Whom the per-user state on screen belongs to: issuer + subject, or '' when nobody is signed in. */
export const principalOf = (s: SessionSummary | undefined): string =>
  s?.state === 'signed-in' ? `${s.broker?.issuer ?? ''}\n${s.user?.sub ?? ''}` : '';

/** The session as main summarises it (never tokens) and the federation directory. */
export const createSessionSlice: StateCreator<StoreState, [], [], SessionSlice> = (set, get) => {
  /**
   * Sign-out, or someone else signed in: nothing of the previous user stays on screen (issue 13):
   * their query drafts, recent queries, saved cohorts, pull jobs, search and cohort results and the
   * cache list go, and what main now lists for the new user (or nobody) is read again.
   */
  const switchUser = (): void => {
    const hadCache = get().cohortCache !== undefined;
    set({
      searchDraft: SearchQuerySchema.parse({}),
      searchRecent: [],
      searchRun: undefined,
      searchNodes: [],
      searchDone: undefined,
      cohortSaved: [],
      cohortFilters: emptyFilters(),
      cohortResult: undefined,
      pullJobs: [],
      pullCheck: undefined,
      exportOutcome: undefined,
      exportProblem: undefined,
      ...(hadCache ? { cohortCache: undefined } : {}),
    });
    void get().loadRecentSearches();
    void get().loadSavedCohorts();
    void get().loadPullJobs();
    // The cache list (and with it the query engine's datasets) only if this window had loaded it.
    if (hadCache) void get().refreshCohortCache();
  };
  const adopt = (session: SessionSummary): void => {
    const before = get().session;
    set({ session, sessionError: undefined });
    if (before !== undefined && principalOf(before) !== principalOf(session)) switchUser();
  };
  const apply = (result: Result<SessionSummary>): void => {
    if (result.ok) adopt(result.value);
    else set({ sessionError: appErrorText(result.error) });
  };
  return {
    session: undefined,
    directory: undefined,
    sessionError: undefined,
    directoryCheck: { state: 'idle' },
    async loadSession() {
      const [session, directory] = await Promise.all([
        api().invoke('auth:session'),
        api().invoke('federation:directory'),
      ]);
      apply(session);
      if (directory.ok) set({ directory: directory.value });
    },
    async signIn(issuer, someoneElse) {
      set({ sessionError: undefined });
      apply(
        await api().invoke('auth:signIn', {
          ...(issuer === undefined ? {} : { issuer }),
          ...(someoneElse === true ? { switchUser: true } : {}),
        }),
      );
    },
    async cancelSignIn() {
      apply(await api().invoke('auth:cancelSignIn'));
    },
    async signOut() {
      apply(await api().invoke('auth:signOut'));
    },
    receiveSession(session) {
      adopt(session);
    },
    receiveDirectory(directory) {
      set({ directory });
    },
    async checkDirectory(url) {
      set({ directoryCheck: { state: 'checking', url } });
      const result = await api().invoke('federation:check', { url });
      if (result.ok) set({ directoryCheck: { state: 'found', found: result.value } });
      else set({ directoryCheck: { state: 'failed', url, message: appErrorText(result.error) } });
      return result.ok;
    },
    clearDirectoryCheck() {
      set({ directoryCheck: { state: 'idle' } });
    },
  };
};

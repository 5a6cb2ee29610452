import type { StateCreator } from 'zustand';
import type { FederationDirectory } from '../../../shared/domain/federation';
import type { SessionSummary } from '../../../shared/domain/session';
import type { Result } from '../../../shared/result';
import { emptyFilters } from '../../../shared/cohorts/definition';
import { SearchQuerySchema } from '../../../shared/search/query';
import { api } from '../api/client';
import type { StoreState } from './index';

export interface SessionSlice {
  session: SessionSummary | undefined;
  directory: FederationDirectory | undefined;
  sessionError: string | undefined;
  loadSession: () => Promise<void>;
  signIn: (issuer?: string) => Promise<void>;
  cancelSignIn: () => Promise<void>;
  signOut: () => Promise<void>;
  receiveSession: (session: SessionSummary) => void;
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
    else set({ sessionError: result.error.message });
  };
  return {
    session: undefined,
    directory: undefined,
    sessionError: undefined,
    async loadSession() {
      const [session, directory] = await Promise.all([
        api().invoke('auth:session'),
        api().invoke('federation:directory'),
      ]);
      apply(session);
      if (directory.ok) set({ directory: directory.value });
    },
    async signIn(issuer) {
      set({ sessionError: undefined });
      apply(await api().invoke('auth:signIn', issuer === undefined ? {} : { issuer }));
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
  };
};

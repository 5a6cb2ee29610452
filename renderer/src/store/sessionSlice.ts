import type { StateCreator } from 'zustand';
import type { FederationDirectory } from '../../../shared/domain/federation';
import type { SessionSummary } from '../../../shared/domain/session';
import type { Result } from '../../../shared/result';
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

/** The session as main summarises it (never tokens) and the federation directory. */
export const createSessionSlice: StateCreator<StoreState, [], [], SessionSlice> = (set) => {
  const apply = (result: Result<SessionSummary>): void => {
    if (result.ok) set({ session: result.value, sessionError: undefined });
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
      set({ session });
    },
  };
};

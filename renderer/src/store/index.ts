import { create } from 'zustand';
import type { AppSlice } from './appSlice';
import type { BrowserSlice } from './browserSlice';
import { createBrowserSlice } from './browserSlice';
import { createAppSlice } from './appSlice';
import type { CohortSlice } from './cohortSlice';
import { createCohortSlice } from './cohortSlice';
import type { SessionSlice } from './sessionSlice';
import { createSessionSlice } from './sessionSlice';
import type { SearchSlice } from './searchSlice';
import { createSearchSlice } from './searchSlice';
import type { SettingsSlice } from './settingsSlice';
import { createSettingsSlice } from './settingsSlice';
import type { AuditSlice } from './auditSlice';
import { createAuditSlice } from './auditSlice';
import type { ItSlice } from './itSlice';
import { createItSlice } from './itSlice';
import type { CaseSlice } from './caseSlice';
import { createCaseSlice } from './caseSlice';
import type { CaseViewSlice } from './caseViewSlice';
import { createCaseViewSlice } from './caseViewSlice';
import type { RankSlice } from './rankSlice';
import { createRankSlice } from './rankSlice';

export type StoreState = AppSlice &
  SettingsSlice &
  SessionSlice &
  SearchSlice &
  BrowserSlice &
  CohortSlice &
  AuditSlice &
  ItSlice &
  CaseSlice &
  CaseViewSlice &
  RankSlice;

/** The one store, built from typed slices; no live handles (db, igv, sockets) ever enter it. */
export const useStore = create<StoreState>()((...args) => ({
  ...createAppSlice(...args),
  ...createSettingsSlice(...args),
  ...createSearchSlice(...args),
  ...createSessionSlice(...args),
  ...createCohortSlice(...args),
  ...createBrowserSlice(...args),
  ...createAuditSlice(...args),
  ...createItSlice(...args),
  ...createCaseSlice(...args),
  ...createCaseViewSlice(...args),
  ...createRankSlice(...args),
}));

const initialState = useStore.getState();

/** Resets the store: between tests, and when the local service stops (issue 13). */
export const resetStore = (): void => {
  useStore.setState(initialState, true);
};

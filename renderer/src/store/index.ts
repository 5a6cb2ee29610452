import { create } from 'zustand';
import type { AppSlice } from './appSlice';
import { createAppSlice } from './appSlice';
import type { AuditSlice } from './auditSlice';
import { createAuditSlice } from './auditSlice';
import type { BrowserSlice } from './browserSlice';
import { createBrowserSlice } from './browserSlice';
import type { CacheSlice } from './cacheSlice';
import { createCacheSlice } from './cacheSlice';
import type { CohortSlice } from './cohortSlice';
import { createCohortSlice } from './cohortSlice';
import type { ExportSlice } from './exportSlice';
import { createExportSlice } from './exportSlice';
import type { PullSlice } from './pullSlice';
import { createPullSlice } from './pullSlice';
import type { SavedCohortsSlice } from './savedCohortsSlice';
import { createSavedCohortsSlice } from './savedCohortsSlice';
import type { SearchSlice } from './searchSlice';
import { createSearchSlice } from './searchSlice';
import type { SessionSlice } from './sessionSlice';
import { createSessionSlice } from './sessionSlice';
import type { SettingsSlice } from './settingsSlice';
import { createSettingsSlice } from './settingsSlice';
import type { ItSlice } from './itSlice';
import { createItSlice } from './itSlice';
import type { CaseSlice } from './caseSlice';
import { createCaseSlice } from './caseSlice';
import type { CaseViewSlice } from './caseViewSlice';
import { createCaseViewSlice } from './caseViewSlice';
import type { RankSlice } from './rankSlice';
import { createRankSlice } from './rankSlice';
import type { CaseWorkSlice } from './caseWorkSlice';
import { createCaseWorkSlice } from './caseWorkSlice';
import type { CancerSlice } from './cancerSlice';
import { createCancerSlice } from './cancerSlice';
import type { SeenSlice } from './seenSlice';
import { createSeenSlice } from './seenSlice';

// A new slice: add its type to StoreState and its creator to the store below; a pushed event it
// follows goes into store/events.ts.
export type StoreState = AppSlice &
  SettingsSlice &
  SessionSlice &
  SearchSlice &
  BrowserSlice &
  CacheSlice &
  CohortSlice &
  SavedCohortsSlice &
  PullSlice &
  ExportSlice &
  AuditSlice &
  ItSlice &
  CaseSlice &
  CaseViewSlice &
  RankSlice &
  CaseWorkSlice &
  CancerSlice &
  SeenSlice;

/** The one store, built from typed slices; no live handles (db, igv, sockets) ever enter it. */
export const useStore = create<StoreState>()((...args) => ({
  ...createAppSlice(...args),
  ...createSettingsSlice(...args),
  ...createSearchSlice(...args),
  ...createSessionSlice(...args),
  ...createCacheSlice(...args),
  ...createCohortSlice(...args),
  ...createSavedCohortsSlice(...args),
  ...createPullSlice(...args),
  ...createExportSlice(...args),
  ...createBrowserSlice(...args),
  ...createAuditSlice(...args),
  ...createItSlice(...args),
  ...createCaseSlice(...args),
  ...createCaseViewSlice(...args),
  ...createRankSlice(...args),
  ...createCaseWorkSlice(...args),
  ...createCancerSlice(...args),
  ...createSeenSlice(...args),
}));

const initialState = useStore.getState();

/** Resets the store: between tests, and when the local service stops (issue 13). */
export const resetStore = (): void => {
  useStore.setState(initialState, true);
};

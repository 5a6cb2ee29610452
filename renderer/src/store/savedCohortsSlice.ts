import type { StateCreator } from 'zustand';
import type { CohortDefinition } from '../../../shared/cohorts/definition';
import { api } from '../api/client';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';

export interface SavedCohortsSlice {
  /** Saved definitions (re-evaluated on open; never copies of rows). */
  cohortSaved: CohortDefinition[];
  loadSavedCohorts: () => Promise<void>;
  /** Saves the builder's filters under a name; the error goes to cohortError. */
  saveCohort: (name: string) => Promise<CohortDefinition | undefined>;
  deleteCohort: (id: string) => Promise<void>;
  /** Puts a saved cohort's filters into the builder and evaluates them. */
  openCohort: (def: CohortDefinition) => Promise<void>;
}

/** Saved cohort definitions (main keeps them per user). */
export const createSavedCohortsSlice: StateCreator<StoreState, [], [], SavedCohortsSlice> = (
  set,
  get,
) => ({
  cohortSaved: [],
  async loadSavedCohorts() {
    const result = await api().invoke('cohorts:list');
    if (result.ok) set({ cohortSaved: result.value.items });
  },
  async saveCohort(name) {
    const result = await api().invoke('cohorts:save', { name, filters: get().cohortFilters });
    if (!result.ok) {
      set({ cohortError: appErrorText(result.error) });
      return undefined;
    }
    await get().loadSavedCohorts();
    return result.value;
  },
  async deleteCohort(id) {
    await api().invoke('cohorts:delete', { id });
    await get().loadSavedCohorts();
  },
  async openCohort(def) {
    set({ cohortFilters: def.filters });
    await get().runCohortQuery();
  },
});

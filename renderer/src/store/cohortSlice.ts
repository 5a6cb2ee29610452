import type { StateCreator } from 'zustand';
import type { CohortFilters } from '../../../shared/cohorts/definition';
import { emptyFilters } from '../../../shared/cohorts/definition';
import type { CohortResult } from '../db/cohortQuery';
import type { StoreState } from './index';
import { errorText } from '../i18n/said';

export interface CohortSlice {
  cohortFilters: CohortFilters;
  cohortResult: CohortResult | undefined;
  cohortBusy: boolean;
  /** The Cohorts page's last failure in the person's words (a query, a pull, a save). */
  cohortError: string | undefined;
  setCohortFilters: (patch: Partial<CohortFilters>) => void;
  replaceCohortFilters: (filters: CohortFilters) => void;
  /** Evaluates the filters over the cache (db/); nothing runs on an empty cache. */
  runCohortQuery: () => Promise<void>;
}

/** The cohort builder: filters in, one evaluation over the local cache out (db/ runs the SQL). */
export const createCohortSlice: StateCreator<StoreState, [], [], CohortSlice> = (set, get) => ({
  cohortFilters: emptyFilters(),
  cohortResult: undefined,
  cohortBusy: false,
  cohortError: undefined,
  setCohortFilters(patch) {
    set({ cohortFilters: { ...get().cohortFilters, ...patch } });
  },
  replaceCohortFilters(filters) {
    set({ cohortFilters: filters });
  },
  async runCohortQuery() {
    if (get().cohortCache?.datasets.length === 0) return;
    set({ cohortBusy: true, cohortError: undefined });
    try {
      // db/ (and duckdb-wasm's JS) loads on first use, so the app shell does not wait for it.
      const { runCohort } = await import('../db/cohortQuery');
      set({ cohortResult: await runCohort(get().cohortFilters), cohortBusy: false });
    } catch (error: unknown) {
      const message = errorText(error);
      set({ cohortBusy: false, cohortError: message });
    }
  },
});

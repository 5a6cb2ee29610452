import type { StateCreator } from 'zustand';
import type { CaseDetail } from '../../../shared/cases/channels';
import type { CaseFilter } from '../../../shared/cases/filters';
import type { RowSort } from '../../../shared/cases/reviewSql';
import type { CaseRows } from '../features/caseReview/caseQueries';
import type { StoreState } from './index';

export interface CaseViewSlice {
  /** The filter in force on the open case (every part optional, ANDed in FILTER_STEPS order). */
  caseFilter: CaseFilter;
  /** The preset the filter came from, while unchanged. */
  casePreset: string | undefined;
  caseSort: RowSort;
  caseRows: CaseRows | undefined;
  caseBusy: boolean;
  caseQueryError: string | undefined;
  /** Called by the case slice once a case's database is attached. */
  caseOpened: (detail: CaseDetail) => void;
  caseClosed: () => void;
  setCaseFilter: (filter: CaseFilter, preset?: string) => Promise<void>;
  setCaseSort: (sort: RowSort) => Promise<void>;
  /** Runs the filter over the open case; re-ranks when the kept set may have changed. */
  runCaseFilter: (opts?: { rerank: boolean }) => Promise<void>;
}

const DEFAULT_SORT: RowSort = { key: 'default', dir: 'asc' };

/** The open case's variant table: filter, counts per step, sorted rows; queries run in db/. */
export const createCaseViewSlice: StateCreator<StoreState, [], [], CaseViewSlice> = (set, get) => {
  // Only the latest run may write its answer: filters change faster than a WGS case answers.
  let generation = 0;
  return {
    caseFilter: {},
    casePreset: undefined,
    caseSort: DEFAULT_SORT,
    caseRows: undefined,
    caseBusy: false,
    caseQueryError: undefined,
    caseOpened(detail) {
      set({ caseFilter: {}, casePreset: undefined, caseSort: DEFAULT_SORT, caseRows: undefined });
      get().resetRanking(detail);
      void get().runCaseFilter();
    },
    caseClosed() {
      generation += 1;
      set({ caseRows: undefined, caseBusy: false, caseQueryError: undefined });
      get().resetRanking(undefined);
    },
    async setCaseFilter(filter, preset) {
      set({ caseFilter: filter, casePreset: preset });
      await get().runCaseFilter();
    },
    async setCaseSort(sort) {
      set({ caseSort: sort });
      await get().runCaseFilter({ rerank: false });
    },
    async runCaseFilter(opts = { rerank: true }) {
      const open = get().caseOpen;
      if (open === undefined) return;
      const mine = ++generation;
      set({ caseBusy: true, caseQueryError: undefined });
      try {
        const { runCaseFilter } = await import('../features/caseReview/caseQueries');
        const { caseFilter, caseSort, casePanels } = get();
        const rows = await runCaseFilter(
          open.alias,
          caseFilter,
          casePanels,
          caseSort,
          caseSort.key === 'rank' ? get().rankedGenes() : undefined,
        );
        if (mine !== generation) return;
        set({ caseRows: rows, caseBusy: false });
        if (opts.rerank) void get().rerank();
      } catch (error: unknown) {
        if (mine !== generation) return;
        const message = error instanceof Error ? error.message : String(error);
        set({ caseBusy: false, caseQueryError: message });
      }
    },
  };
};

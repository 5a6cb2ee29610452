import type { StateCreator } from 'zustand';
import type { CaseDetail, CaseVariantRow } from '../../../shared/cases/channels';
import type { CaseFilter } from '../../../shared/cases/filters';
import type { RowSort } from '../../../shared/cases/reviewSql';
import type { CaseRows } from '../features/caseReview/caseQueries';
import type { StoreState } from './index';
import { errorText } from '../i18n/said';

export interface CaseViewSlice {
  /** The filter in force on the open case (every part optional, ANDed in FILTER_STEPS order). */
  caseFilter: CaseFilter;
  /** The preset the filter came from, while unchanged. */
  casePreset: string | undefined;
  caseSort: RowSort;
  caseRows: CaseRows | undefined;
  /** The custom gene list's symbols no variant of the open case is in (issue 16), as written. */
  caseGenesAbsent: readonly string[];
  /** Windows of kept rows the table has loaded, by window index (TABLE_WINDOW rows each; 0 is caseRows.rows). */
  caseRowWindows: ReadonlyMap<number, readonly CaseVariantRow[]>;
  caseBusy: boolean;
  caseQueryError: string | undefined;
  /** Called by the case slice once a case's database is attached. */
  caseOpened: (detail: CaseDetail) => void;
  caseClosed: () => void;
  setCaseFilter: (filter: CaseFilter, preset?: string) => Promise<void>;
  setCaseSort: (sort: RowSort) => Promise<void>;
  /**
   * Runs the filter over the open case; re-ranks and counts again when the kept set may have
   * changed (`rerank`: a new filter, case or cohort cache), else keeps the counts (decision 0086).
   */
  runCaseFilter: (opts?: { rerank: boolean }) => Promise<void>;
  /** Loads the windows that hold table rows `first`..`last` (the rows in view) if not loaded. */
  loadCaseRows: (first: number, last: number) => Promise<void>;
  /**
   * The first kept rows in the table's order, fetched whatever windows are loaded: for an export
   * (at most EXPORT_ROWS) or a seen-before batch (`limit`).
   */
  caseExportRows: (limit?: number) => Promise<CaseVariantRow[]>;
}

const DEFAULT_SORT: RowSort = { key: 'default', dir: 'asc' };

/** The open case's variant table: filter, counts per step, sorted rows; queries run in db/. */
export const createCaseViewSlice: StateCreator<StoreState, [], [], CaseViewSlice> = (set, get) => {
  // Only the latest run may write its answer: filters change faster than a WGS case answers.
  let generation = 0;
  // Windows being fetched for the current generation (scrolling asks for the same ones often).
  let loading = new Set<number>();
  // The case and gene list caseGenesAbsent answers: it depends on nothing else the filter or the
  // order holds, so a run that keeps both does not scan the case's genes again.
  let genesAbsentFor: string | undefined;
  const rowArgs = () => {
    const { caseSort, caseRows } = get();
    return {
      sort: caseSort,
      ranks: caseSort.key === 'rank' ? get().rankedGenes() : undefined,
      kept: caseRows?.kept ?? 0,
    };
  };
  return {
    caseFilter: {},
    casePreset: undefined,
    caseSort: DEFAULT_SORT,
    caseRows: undefined,
    caseGenesAbsent: [],
    caseRowWindows: new Map(),
    caseBusy: false,
    caseQueryError: undefined,
    caseOpened(detail) {
      set({
        caseFilter: {},
        casePreset: undefined,
        caseSort: DEFAULT_SORT,
        caseRows: undefined,
        caseGenesAbsent: [],
        caseRowWindows: new Map(),
      });
      genesAbsentFor = undefined;
      get().resetRanking(detail);
      void get().runCaseFilter();
    },
    caseClosed() {
      generation += 1;
      genesAbsentFor = undefined;
      set({
        caseRows: undefined,
        caseRowWindows: new Map(),
        caseBusy: false,
        caseQueryError: undefined,
      });
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
      loading = new Set();
      set({ caseBusy: true, caseQueryError: undefined });
      try {
        const { runCaseFilter, caseGenesAbsent } =
          await import('../features/caseReview/caseQueries');
        const { caseFilter, caseSort, casePanels } = get();
        const rows = await runCaseFilter(
          open.alias,
          caseFilter,
          casePanels,
          caseSort,
          caseSort.key === 'rank' ? get().rankedGenes() : undefined,
          // A run that cannot change the kept alleles (another order or ranks) keeps the counts.
          { recount: opts.rerank },
        );
        const genes = caseFilter.genes ?? [];
        const asked = JSON.stringify([open.alias, genes]);
        const absent =
          genes.length === 0
            ? []
            : asked === genesAbsentFor
              ? get().caseGenesAbsent
              : await caseGenesAbsent(open.alias, genes);
        if (mine !== generation) return;
        genesAbsentFor = asked;
        set({
          caseRows: rows,
          caseGenesAbsent: absent,
          caseRowWindows: new Map([[0, rows.rows]]),
          caseBusy: false,
        });
        if (opts.rerank) void get().rerank();
      } catch (error: unknown) {
        if (mine !== generation) return;
        const message = errorText(error);
        set({ caseBusy: false, caseQueryError: message });
      }
    },
    async loadCaseRows(first, last) {
      const open = get().caseOpen;
      const rows = get().caseRows;
      if (open === undefined || rows === undefined || get().caseBusy) return;
      const { TABLE_WINDOW, caseRowWindow } = await import('../features/caseReview/caseQueries');
      const mine = generation;
      const want: number[] = [];
      for (let w = Math.floor(first / TABLE_WINDOW); w <= Math.floor(last / TABLE_WINDOW); w++)
        if (!get().caseRowWindows.has(w) && !loading.has(w) && w * TABLE_WINDOW < rows.kept)
          want.push(w);
      for (const w of want) loading.add(w);
      const { caseFilter, casePanels } = get();
      try {
        for (const w of want) {
          const got = await caseRowWindow(open.alias, caseFilter, casePanels, {
            ...rowArgs(),
            offset: w * TABLE_WINDOW,
            limit: TABLE_WINDOW,
          });
          if (mine !== generation) return;
          set({ caseRowWindows: new Map([...get().caseRowWindows, [w, got]]) });
        }
      } catch (error: unknown) {
        if (mine !== generation) return;
        for (const w of want) loading.delete(w);
        set({ caseQueryError: errorText(error) });
      }
    },
    async caseExportRows(limit) {
      const open = get().caseOpen;
      const rows = get().caseRows;
      if (open === undefined || rows === undefined) return [];
      const { EXPORT_ROWS, caseRowWindow } = await import('../features/caseReview/caseQueries');
      const { caseFilter, casePanels } = get();
      return caseRowWindow(open.alias, caseFilter, casePanels, {
        ...rowArgs(),
        offset: 0,
        limit: Math.min(rows.kept, limit ?? EXPORT_ROWS),
      });
    },
  };
};

import type { StateCreator } from 'zustand';
import type { CohortDefinition, CohortFilters } from '../../../shared/cohorts/definition';
import { emptyFilters } from '../../../shared/cohorts/definition';
import type {
  PullCheck,
  PullProgress,
  PullTarget,
  VaultList,
  VaultManifest,
} from '../../../shared/domain/vault';
import { api } from '../api/client';
import type { CohortResult } from '../features/cohorts/runCohort';
import type { StoreState } from './index';

export type DatasetLoad =
  { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

export interface CohortSlice {
  /** The vault as main lists it (manifests, recent purges, lock state). */
  cohortCache: VaultList | undefined;
  /** Per dataset: is it in duckdb-wasm yet. */
  cohortLoads: Record<string, DatasetLoad>;
  cohortFilters: CohortFilters;
  cohortResult: CohortResult | undefined;
  cohortBusy: boolean;
  cohortError: string | undefined;
  pullCheck: { target: PullTarget; check: PullCheck } | undefined;
  pullJobs: PullProgress[];
  /** Saved definitions (re-evaluated on open; never copies of rows). */
  cohortSaved: CohortDefinition[];
  loadSavedCohorts: () => Promise<void>;
  saveCohort: (name: string) => Promise<CohortDefinition | undefined>;
  deleteCohort: (id: string) => Promise<void>;
  openCohort: (def: CohortDefinition) => Promise<void>;
  refreshCohortCache: () => Promise<void>;
  /** Unlocks the vault with a passphrase where no OS secret store exists; returns the error, if any. */
  unlockVault: (passphrase: string) => Promise<string | undefined>;
  receiveVault: (list: VaultList) => void;
  setCohortFilters: (patch: Partial<CohortFilters>) => void;
  replaceCohortFilters: (filters: CohortFilters) => void;
  runCohortQuery: () => Promise<void>;
  checkPull: (target: PullTarget) => Promise<void>;
  startPull: () => Promise<void>;
  controlPull: (jobId: string, action: 'pause' | 'resume' | 'cancel') => Promise<void>;
  /** Main's jobs of the signed-in user, interrupted ones included (issue 12: resumable after a restart). */
  loadPullJobs: () => Promise<void>;
  receivePullProgress: (p: PullProgress) => void;
}

/** The cohort cache and builder: main owns the vault and pulls; db/ owns the query engine. */
export const createCohortSlice: StateCreator<StoreState, [], [], CohortSlice> = (set, get) => {
  /** Which copy of each dataset the engine holds: a re-pull is a new copy (issue 12 item 3). */
  const versions = new Map<string, string>();
  const versionOf = (d: VaultManifest): string => `${d.pulledAt} ${JSON.stringify(d.sha256)}`;
  /**
   * Loads what the vault lists into duckdb-wasm and drops what it no longer lists. db/ (and with
   * it duckdb-wasm's JS) is imported on first use, so the app shell does not wait for it.
   */
  const syncDatasets = async (list: VaultList): Promise<void> => {
    // An empty cache is a normal state with nothing to count (issue 13): no engine start, no
    // query, and no result left over from datasets that are gone.
    if (list.datasets.length === 0 && Object.keys(get().cohortLoads).length === 0) {
      set({ cohortResult: undefined, cohortError: undefined });
      return;
    }
    // Claim the new datasets before the first await: two vault lists arriving together (start and
    // a page's refresh) must not load the same dataset twice (a second ATTACH would detach the first).
    const replaced = list.datasets.filter((d) => {
      const held = versions.get(d.datasetId);
      return held !== undefined && held !== versionOf(d);
    });
    const toLoad = [
      ...list.datasets.filter((d) => get().cohortLoads[d.datasetId] === undefined),
      ...replaced,
    ];
    for (const d of toLoad) versions.set(d.datasetId, versionOf(d));
    const loading = Object.fromEntries(
      toLoad.map((d) => [d.datasetId, { state: 'loading' } as const]),
    );
    set({ cohortLoads: { ...get().cohortLoads, ...loading } });
    const { loadDataset, loadedDatasets, unloadDataset } = await import('../db');
    const wanted = new Set(list.datasets.map((d) => d.datasetId));
    const jobs = [
      ...loadedDatasets()
        .filter((id) => !wanted.has(id))
        .map(async (id) => {
          versions.delete(id);
          await unloadDataset(id);
          set({
            cohortLoads: Object.fromEntries(
              Object.entries(get().cohortLoads).filter(([k]) => k !== id),
            ),
          });
        }),
      ...toLoad.map(async (d) => {
        try {
          if (replaced.includes(d)) await unloadDataset(d.datasetId);
          await loadDataset(d.datasetId, {
            nodeId: d.nodeId,
            title: d.title,
            purpose: d.purpose,
          });
          set({ cohortLoads: { ...get().cohortLoads, [d.datasetId]: { state: 'ready' } } });
        } catch (error: unknown) {
          const message = error instanceof Error ? error.message : String(error);
          set({
            cohortLoads: { ...get().cohortLoads, [d.datasetId]: { state: 'failed', message } },
          });
        }
      }),
    ];
    await Promise.all(jobs);
    if (list.datasets.length === 0) set({ cohortResult: undefined, cohortError: undefined });
    else await get().runCohortQuery();
  };
  return {
    cohortCache: undefined,
    cohortLoads: {},
    cohortFilters: emptyFilters(),
    cohortResult: undefined,
    cohortBusy: false,
    cohortError: undefined,
    pullCheck: undefined,
    pullJobs: [],
    cohortSaved: [],
    async loadSavedCohorts() {
      const result = await api().invoke('cohorts:list');
      if (result.ok) set({ cohortSaved: result.value.items });
    },
    async saveCohort(name) {
      const result = await api().invoke('cohorts:save', { name, filters: get().cohortFilters });
      if (!result.ok) {
        set({ cohortError: result.error.message });
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
    async refreshCohortCache() {
      const result = await api().invoke('vault:list');
      if (result.ok) get().receiveVault(result.value);
      else set({ cohortError: result.error.message });
    },
    async unlockVault(passphrase) {
      const result = await api().invoke('vault:unlock', { passphrase });
      if (!result.ok) return result.error.message;
      get().receiveVault(result.value);
      return undefined;
    },
    receiveVault(list) {
      set({ cohortCache: list });
      void syncDatasets(list);
    },
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
        const { runCohort } = await import('../features/cohorts/runCohort');
        set({ cohortResult: await runCohort(get().cohortFilters), cohortBusy: false });
      } catch (error: unknown) {
        const message = error instanceof Error ? error.message : String(error);
        set({ cohortBusy: false, cohortError: message });
      }
    },
    async checkPull(target) {
      const result = await api().invoke('pull:check', target);
      if (result.ok) set({ pullCheck: { target, check: result.value }, cohortError: undefined });
      else set({ cohortError: result.error.message });
    },
    async startPull() {
      const pending = get().pullCheck;
      if (pending?.check.allowed !== true) return;
      const result = await api().invoke('pull:start', pending.target);
      if (!result.ok) set({ cohortError: result.error.message });
      else set({ pullCheck: undefined });
    },
    async controlPull(jobId, action) {
      const result = await api().invoke(`pull:${action}`, { jobId });
      if (!result.ok) set({ cohortError: result.error.message });
    },
    async loadPullJobs() {
      const result = await api().invoke('pull:jobs');
      if (result.ok) set({ pullJobs: result.value.jobs });
    },
    receivePullProgress(p) {
      const others = get().pullJobs.filter((j) => j.jobId !== p.jobId);
      set({ pullJobs: [...others, p] });
    },
  };
};

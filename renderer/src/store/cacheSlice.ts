import type { StateCreator } from 'zustand';
import type { VaultList, VaultManifest } from '../../../shared/vault/vault';
import { api } from '../api/client';
import type { StoreState } from './index';
import { appErrorText } from '../i18n/appErrorText';
import { errorText } from '../i18n/said';

export type DatasetLoad =
  { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

export interface CacheSlice {
  /** The vault as main lists it (manifests, recent purges, lock state); undefined until a page asks. */
  cohortCache: VaultList | undefined;
  /** Per dataset: is it in duckdb-wasm yet. */
  cohortLoads: Record<string, DatasetLoad>;
  /** Reads the vault list (a page that works on the cache opens it this way). */
  refreshCohortCache: () => Promise<void>;
  /** Unlocks the vault with a passphrase where no OS secret store exists; returns the error, if any. */
  unlockVault: (passphrase: string) => Promise<string | undefined>;
  /**
   * main's vault:changed, on whichever page is open (issue 14). A window that never opened the
   * cache ignores it: the page that opens the cache reads the list then.
   */
  receiveVault: (list: VaultList) => void;
}

/** The datasets loaded in the engine and ready to query, as one sortable key ('' for none). */
export const readyDatasets = (s: Pick<CacheSlice, 'cohortLoads'>): string =>
  Object.entries(s.cohortLoads)
    .filter(([, l]) => l.state === 'ready')
    .map(([id]) => id)
    .sort()
    .join(',');

/** True when the cache can be queried (at least one dataset is loaded). */
export const cacheIsOpen = (s: Pick<CacheSlice, 'cohortLoads'>): boolean => readyDatasets(s) !== '';

/** The local cache: main owns the vault, db/ the query engine; this slice keeps the two in step. */
export const createCacheSlice: StateCreator<StoreState, [], [], CacheSlice> = (set, get) => {
  /** Which copy of each dataset the engine holds: a re-pull is a new copy (issue 12 item 3). */
  const versions = new Map<string, string>();
  const versionOf = (d: VaultManifest): string => `${d.pulledAt} ${JSON.stringify(d.sha256)}`;
  const setLoad = (id: string, load: DatasetLoad | undefined): void => {
    const loads = get().cohortLoads;
    set({
      cohortLoads:
        load === undefined
          ? Object.fromEntries(Object.entries(loads).filter(([k]) => k !== id))
          : { ...loads, [id]: load },
    });
  };
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
          setLoad(id, undefined);
        }),
      ...toLoad.map(async (d) => {
        try {
          if (replaced.includes(d)) await unloadDataset(d.datasetId);
          await loadDataset(d.datasetId, {
            nodeId: d.nodeId,
            title: d.title,
            purpose: d.purpose,
          });
          setLoad(d.datasetId, { state: 'ready' });
        } catch (error: unknown) {
          const message = errorText(error);
          setLoad(d.datasetId, { state: 'failed', message });
        }
      }),
    ];
    await Promise.all(jobs);
    if (list.datasets.length === 0) set({ cohortResult: undefined, cohortError: undefined });
    else await get().runCohortQuery();
  };
  const adopt = (list: VaultList): void => {
    set({ cohortCache: list });
    void syncDatasets(list);
  };
  return {
    cohortCache: undefined,
    cohortLoads: {},
    async refreshCohortCache() {
      const result = await api().invoke('vault:list');
      if (result.ok) adopt(result.value);
      else set({ cohortError: appErrorText(result.error) });
    },
    async unlockVault(passphrase) {
      const result = await api().invoke('vault:unlock', { passphrase });
      if (!result.ok) return appErrorText(result.error);
      adopt(result.value);
      return undefined;
    },
    receiveVault(list) {
      if (get().cohortCache !== undefined) adopt(list);
    },
  };
};

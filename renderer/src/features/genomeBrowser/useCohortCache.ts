import { useEffect, useMemo } from 'react';
import { queryRows } from '../../db';
import type { CacheSource } from '../../igv/dataSources';
import { useStore } from '../../store';
import { readyDatasets } from '../../store/cacheSlice';

/**
 * Opens the local cache for the Browser (asks main for the vault; db/ loads what is in it) and
 * gives the cache to the tracks once at least one dataset is loaded; anew whenever that set changes.
 */
export function useCohortCache(): CacheSource | undefined {
  const loaded = useStore(readyDatasets);
  useEffect(() => {
    void useStore.getState().refreshCohortCache();
  }, []);
  return useMemo(
    () => (loaded === '' ? undefined : { query: queryRows, revision: loaded }),
    [loaded],
  );
}

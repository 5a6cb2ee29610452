import { useEffect, useState } from 'react';
import type { CacheFrequency } from '../../../../../shared/acmg/frequencyCriteria';
import type { VaultManifest } from '../../../../../shared/vault/vault';
import { useStore } from '../../../store';
import { readyDatasets } from '../../../store/cacheSlice';

/** Alleles → the cache's carriers per dataset, with each dataset's declaration (its manifest). */
export type CacheFrequencies = ReadonlyMap<string, readonly CacheFrequency[]>;

/**
 * The local cache's carriers of these alleles per dataset (issue 18; decision 0051), each with what
 * the dataset declared when it was pulled (title, DUO), for the ACMG sheet to judge before a
 * frequency counts. Rejects when the cache cannot be read; the caller says so.
 */
export async function readCacheFrequencies(
  keys: readonly string[],
  manifests: readonly VaultManifest[],
): Promise<CacheFrequencies> {
  const { cacheCounts } = await import('../../../db/cacheLookups');
  const byId = new Map(manifests.map((m) => [m.datasetId, m]));
  const out = new Map<string, CacheFrequency[]>(keys.map((k) => [k, []]));
  for (const c of await cacheCounts(keys)) {
    const m = byId.get(c.datasetId);
    out.get(c.key)?.push({
      datasetId: c.datasetId,
      carriers: c.carriers,
      individuals: c.individuals,
      declared: m === undefined ? {} : { title: m.title, duo: m.duo.slice(0, 50) },
    });
  }
  return out;
}

/** The cache's frequencies of the reviewed alleles; undefined while the cache is not open or read. */
export function useCacheFrequencies(keys: readonly string[]): CacheFrequencies | undefined {
  const ready = useStore(readyDatasets);
  const manifests = useStore((s) => s.cohortCache?.datasets);
  const [read, setRead] = useState<{ at: string; value: CacheFrequencies } | undefined>();
  const at = `${ready}|${keys.join(',')}`;
  useEffect(() => {
    if (ready === '' || keys.length === 0) return undefined;
    let live = true;
    readCacheFrequencies(keys, manifests ?? [])
      .then((value) => {
        if (live) setRead({ at, value });
      })
      .catch(() => {
        if (live) setRead(undefined);
      });
    return () => {
      live = false;
    };
  }, [at, ready, keys, manifests]);
  return ready === '' || read?.at !== at ? undefined : read.value;
}

import { useStore } from '../../store';

/** What the cohort builder can work on right now, from the vault list and the engine's loads. */
export type CacheState =
  | { state: 'unknown' }
  | { state: 'locked' }
  | { state: 'empty' }
  | { state: 'loading'; loading: number }
  | { state: 'ready' };

/**
 * Derives the cache's state for labels that must not lie (issue 13): an empty cache is its own
 * state (nothing to count, no query runs), and "Counting…" is only for a count that runs.
 */
export function useCacheState(): CacheState {
  const cache = useStore((s) => s.cohortCache);
  const loading = useStore(
    (s) => Object.values(s.cohortLoads).filter((l) => l.state === 'loading').length,
  );
  if (cache === undefined) return { state: 'unknown' };
  if (cache.locked) return { state: 'locked' };
  if (cache.datasets.length === 0) return { state: 'empty' };
  return loading > 0 ? { state: 'loading', loading } : { state: 'ready' };
}

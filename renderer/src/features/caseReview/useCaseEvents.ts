import { useEffect } from 'react';
import { useStore } from '../../store';

/**
 * While Case review is open: the case list, imports, panels and presets once (main's pushes are
 * followed in store/events.ts), and the local cohort cache loaded into duckdb-wasm (the cohort
 * frequency filter reads it). The Browser reads the open case from the store (useCaseSource).
 */
export function useCaseEvents(): void {
  useEffect(() => {
    // Pushed case events are followed in store/events.ts (one subscription per event, issue 14).
    const s = useStore.getState();
    void s.loadCases();
    void s.loadCaseJobs();
    void s.loadCaseCatalog();
    void s.refreshCohortCache();
  }, []);
  // The cohort step reads the cache: once more datasets are in the engine, count again.
  const ready = useStore(
    (s) => Object.values(s.cohortLoads).filter((l) => l.state === 'ready').length,
  );
  useEffect(() => {
    if (ready > 0 && useStore.getState().caseOpen !== undefined)
      void useStore.getState().runCaseFilter();
  }, [ready]);
}

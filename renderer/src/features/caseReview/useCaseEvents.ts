import { useEffect } from 'react';
import { api } from '../../api/client';
import { query } from '../../db';
import { setCaseTrackSource } from '../../igv/caseTrack';
import { useStore } from '../../store';

/**
 * While Case review is open: cases and imports as main pushes them, panels and presets once, and
 * the local cohort cache loaded into duckdb-wasm (the cohort frequency filter reads it); the open
 * case is registered for the Browser's case track.
 */
export function useCaseEvents(): void {
  useEffect(() => {
    const s = useStore.getState();
    const offCases = api().on('case:changed', s.receiveCases);
    const offProgress = api().on('case:progress', (p) => {
      useStore.getState().receiveCaseProgress(p);
      // A finished import lists the new case (case:changed may come first or after).
      if (p.phase === 'done') void useStore.getState().loadCases();
    });
    const offVault = api().on('vault:changed', (v) => {
      useStore.getState().receiveVault(v);
      void useStore.getState().loadCases();
    });
    void s.loadCases();
    void s.loadCaseJobs();
    void s.loadCaseCatalog();
    void s.refreshCohortCache();
    return () => {
      offCases();
      offProgress();
      offVault();
    };
  }, []);
  const open = useStore((s) => s.caseOpen);
  useEffect(() => {
    if (open === undefined) return;
    const caseId = open.detail.caseId;
    setCaseTrackSource(caseId, {
      caseId,
      alias: open.alias,
      query: async (sql, params) => (await query(sql, params as (string | number)[])).rows,
    });
  }, [open]);
  // The cohort step reads the cache: once more datasets are in the engine, count again.
  const ready = useStore(
    (s) => Object.values(s.cohortLoads).filter((l) => l.state === 'ready').length,
  );
  useEffect(() => {
    if (ready > 0 && useStore.getState().caseOpen !== undefined)
      void useStore.getState().runCaseFilter();
  }, [ready]);
}

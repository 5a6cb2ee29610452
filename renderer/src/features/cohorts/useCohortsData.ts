import { useEffect } from 'react';
import { api } from '../../api/client';
import { useStore } from '../../store';

/** Follows the vault and pull events while the Cohorts page is open; lists the cache and jobs once. */
export function useCohortEvents(): void {
  useEffect(() => {
    const { receiveVault, receivePullProgress, refreshCohortCache, loadPullJobs } =
      useStore.getState();
    const offVault = api().on('vault:changed', receiveVault);
    const offPull = api().on('pull:progress', receivePullProgress);
    void refreshCohortCache();
    // Jobs main kept across a restart or a reload (paused, interrupted) appear with their controls.
    void loadPullJobs();
    return () => {
      offVault();
      offPull();
    };
  }, []);
}

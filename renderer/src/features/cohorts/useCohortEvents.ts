import { useEffect } from 'react';
import { api } from '../../api/client';
import { useStore } from '../../store';

/** Follows the vault and pull events while the Cohorts page is open, and lists the cache once. */
export function useCohortEvents(): void {
  useEffect(() => {
    const { receiveVault, receivePullProgress, refreshCohortCache } = useStore.getState();
    const offVault = api().on('vault:changed', receiveVault);
    const offPull = api().on('pull:progress', receivePullProgress);
    void refreshCohortCache();
    return () => {
      offVault();
      offPull();
    };
  }, []);
}

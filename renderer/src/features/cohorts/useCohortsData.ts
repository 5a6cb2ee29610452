import { useEffect } from 'react';
import { useStore } from '../../store';

/**
 * Lists the cache and the pull jobs when the Cohorts page opens; their later changes arrive as
 * pushed events, which the store follows whichever page is open (store/events.ts).
 */
export function useCohortsData(): void {
  useEffect(() => {
    const { refreshCohortCache, loadPullJobs } = useStore.getState();
    void refreshCohortCache();
    // Jobs main kept across a restart or a reload (paused, interrupted) appear with their controls.
    void loadPullJobs();
  }, []);
}

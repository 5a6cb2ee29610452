import { useEffect, useState } from 'react';
import { forgetSession } from '../api/browserSession';
import { closeDatasets } from '../db';
import { resetStore } from '../store';

/**
 * Once the local service has stopped, nothing decrypted may stay in the page (issue 13): the
 * database with every attached dataset, the store (results, session, cohorts) and the tab's
 * session secret. Resolves to true when all of it is gone.
 */
export function useClearWhenStopped(stopped: boolean): boolean {
  const [cleared, setCleared] = useState(false);
  useEffect(() => {
    if (!stopped) return;
    resetStore();
    forgetSession();
    closeDatasets()
      .catch(() => undefined)
      .finally(() => setCleared(true));
  }, [stopped]);
  return cleared;
}

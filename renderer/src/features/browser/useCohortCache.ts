import { useEffect } from 'react';
import { query } from '../../db';
import type { QueryFn } from '../../igv/cohortReader';
import { setCohortQuery } from '../../igv/cohortSource';
import { useStore } from '../../store';

/** db/'s query as the igv reader wants it: plain rows of one parameterised statement. */
const dbQuery: QueryFn = async (sql, params) =>
  (await query(sql, params as (string | number)[])).rows;

/**
 * Opens the local cache for the Browser: asks main for the vault (db/ loads what is in it) and
 * hands the igv reader db/'s query once at least one dataset is loaded; again whenever that set changes.
 */
export function useCohortCache(): void {
  const loaded = useStore((s) =>
    Object.entries(s.cohortLoads)
      .filter(([, l]) => l.state === 'ready')
      .map(([id]) => id)
      .sort()
      .join(','),
  );
  useEffect(() => {
    void useStore.getState().refreshCohortCache();
  }, []);
  useEffect(() => {
    setCohortQuery(loaded === '' ? undefined : dbQuery);
  }, [loaded]);
}

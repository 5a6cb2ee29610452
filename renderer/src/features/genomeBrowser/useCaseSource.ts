import { useMemo } from 'react';
import { queryRows } from '../../db';
import type { CaseSource } from '../../igv/dataSources';
import { useStore } from '../../store';

/**
 * The case open on Case review as the Browser's case track reads it (issue 14: handed to IgvView
 * with the cache, never registered in a module variable): its database attached in duckdb-wasm.
 */
export function useCaseSource(): CaseSource | undefined {
  const open = useStore((s) => s.caseOpen);
  return useMemo(
    () =>
      open === undefined
        ? undefined
        : { caseId: open.detail.caseId, alias: open.alias, query: queryRows },
    [open],
  );
}

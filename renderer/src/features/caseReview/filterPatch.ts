import type { CaseFilter } from '../../../../shared/cases/filters';

/** A change to some parts of a filter; `undefined` turns a part off. */
export type FilterPatch = { [K in keyof CaseFilter]?: CaseFilter[K] | undefined };

/** The filter with the patch applied and every part that was turned off removed. */
export function applyPatch(filter: CaseFilter, patch: FilterPatch): CaseFilter {
  const merged: Record<string, unknown> = { ...filter, ...patch };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
}

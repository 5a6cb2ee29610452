/**
 * The filter SQL's context for one attached case (issue 16): which query layout the case has
 * (queryLayout.ts) and, with the panel bits (decision 0062), which panels the bits still stand for.
 * One function for the page (duckdb-wasm), main and the command line (native DuckDB) and the bench,
 * each passing its own way to run a query.
 */
import type { LayoutPanel } from './queryLayout';
import { hasPageTableSql, panelBitsOf, panelBitsSql } from './queryLayout';
import type { CaseSqlContext } from './filterSql';
import type { PanelId } from './filters';

/** Runs one query and returns its rows as plain objects. */
export type RowsOf = (sql: string) => Promise<readonly Record<string, unknown>[]>;

/**
 * The context of the case attached as `alias`, asked of its catalog each time (an alias may be
 * attached again to another copy of the case). `cohort` names the cohort cache's views.
 */
export async function caseSqlContext(
  rowsOf: RowsOf,
  alias: string,
  panels: readonly LayoutPanel[],
  cohort?: CaseSqlContext['cohort'],
): Promise<CaseSqlContext> {
  const layout = (await rowsOf(hasPageTableSql(alias)))[0];
  const filterTable = Number(layout?.f ?? 0) > 0;
  const bits =
    filterTable && Number(layout?.p ?? 0) > 0
      ? panelBitsOf(await rowsOf(panelBitsSql(alias)), panels)
      : undefined;
  return {
    db: alias,
    panelGenes: (id: PanelId) => panels.find((p) => p.id === id)?.genes ?? [],
    ...(cohort === undefined ? {} : { cohort }),
    pageTable: Number(layout?.n ?? 0) > 0,
    filterTable,
    sortOrders: filterTable && Number(layout?.o ?? 0) > 0,
    laidSides: filterTable && Number(layout?.s ?? 0) > 0,
    ...(bits === undefined ? {} : { panelBits: bits }),
  };
}

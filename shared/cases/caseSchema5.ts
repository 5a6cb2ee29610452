/**
 * Case schema 5 (issue 16, decision 0066), kept in one file so that branches which change the case
 * schema meet in one place. Schema 4 cases imported before decision 0062 have no panel bits
 * (`variant_filter.panel_mask`, `variant_panels`): their panel step joined `variant_genes` over
 * every allele until imported again. Schema 5 cases always have them. The step from 4 rebuilds
 * the filter table and the panel bits only (queryLayout.ts filterLayoutSql): the page table and
 * every loaded table are unchanged since schema 4, so the upgrade costs the filter table's build
 * (the compound-het pairing over every allele), not the whole query layout's.
 * Case schema 6 (decision 0082) adds the sort orders (`o_<column>`) to the filter table alone: the
 * step from 5 is the same rebuild of the filter table, so schemas 4 and 5 both take it.
 */
import type { LayoutPanel } from './queryLayout';
import { filterLayoutSql } from './queryLayout';

/**
 * The statements that bring a schema-4 or schema-5 case attached as `db` to the current schema
 * (without case_meta): the filter table with the panel bits and the sort orders, built again.
 */
export const schema5UpgradeSql = (db: string, panels: readonly LayoutPanel[]): string[] =>
  filterLayoutSql(db, panels);

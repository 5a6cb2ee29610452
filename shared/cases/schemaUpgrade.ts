/**
 * How an older case database becomes the current schema (decision 0035), as SQL over the file
 * attached as `db`. Run once by main (electron/main/cases/caseUpgrade.ts) when such a case is opened.
 * Schema 1 (before decision 0028) lacked `variants.inh_mask` and `variants.sort_key`, and cases
 * imported before issue 19 lack the `somatic` table; every other table and column is unchanged, and
 * the `inheritance` table the mask is derived from was already written by the schema-1 import.
 * Schema 2 lacked the page table of schema 3 (queryLayout.ts, decision 0036), schema 3 the filter
 * table of schema 4 (decision 0045): queryLayoutSql rebuilds both. Schema 4 lacked the panel bits
 * schema 5 always has (caseSchema5.ts, decision 0066), schema 5 the sort orders of schema 6
 * (decision 0082): both rebuild the filter table alone (and the sides with it). Schema 6 lacked
 * the filter table's columns in `comphet_sides` (decision 0093): sidesLayoutSql writes them.
 */
import { CASE_COLUMNS, CASE_SCHEMA_VERSION, DERIVED_COLUMNS, caseTableDdl } from './dbSchema';
import { derivedColumnsSql } from './inheritanceSql';
import type { LayoutPanel } from './queryLayout';
import { queryLayoutSql, sidesLayoutSql } from './queryLayout';
import { schema5UpgradeSql } from './caseSchema5';

/** The oldest case schema that can be upgraded (older files must be imported again). */
export const CASE_SCHEMA_UPGRADABLE = 1;

/**
 * The statements that bring a file of schema `from` to CASE_SCHEMA_VERSION; none when it is current.
 * `panels` get their bits in the rebuilt filter table (decision 0062).
 */
export function caseUpgradeSql(
  db: string,
  from: number,
  panels: readonly LayoutPanel[] = [],
): string[] {
  if (from === CASE_SCHEMA_VERSION) return [];
  if (from < CASE_SCHEMA_UPGRADABLE || from > CASE_SCHEMA_VERSION)
    throw new Error(`case schema ${String(from)} cannot be upgraded`);
  const derived = DERIVED_COLUMNS.variants ?? [];
  const typeOf = (c: string): string =>
    CASE_COLUMNS.variants.find(([name]) => name === c)?.[1] ?? 'INTEGER';
  const steps = [...caseTableDdl(db, true)];
  if (from < 2)
    steps.push(
      // Added last, so the columns keep CASE_COLUMNS' order (they are the last two of `variants`).
      ...derived.map((c) => `ALTER TABLE ${db}.main.variants ADD COLUMN ${c} ${typeOf(c)}`),
      derivedColumnsSql(db),
    );
  // Schemas 3 and 4: the page and filter table (decisions 0036, 0045), built as imports do; a
  // schema-4 or schema-5 case already has the page table: its filter table alone is rebuilt with
  // the panel bits (0066) and the sort orders (0082); each of these writes the sides' filter
  // columns too (0093). A schema-6 case has a current filter table: the sides alone are written.
  steps.push(
    ...(from < 4
      ? queryLayoutSql(db, panels)
      : from < 6
        ? schema5UpgradeSql(db, panels)
        : sidesLayoutSql(db)),
  );
  steps.push(
    `UPDATE ${db}.main.case_meta SET value = '${String(CASE_SCHEMA_VERSION)}' WHERE key = 'schema_version'`,
  );
  return steps;
}

import type { CohortFilters } from '../../../shared/cohorts/definition';
import type { ExportRows } from '../../../shared/cohorts/exportFile';
import { ExportTooLargeError, MAX_EXPORT_ROWS } from '../../../shared/cohorts/exportFile';
import type { CohortVariantRow, ExportRow } from '../../../shared/cohorts/exportFormats';
import { toExportRow } from '../../../shared/cohorts/exportFormats';
import { cohortExportCountSql, cohortExportSql } from '../../../shared/cohorts/sql';
import type { ExportSubject } from '../../../shared/vault/exportRules';
import { exportPlan } from '../../../shared/vault/exportRules';
import { query } from './query';

/**
 * The cohort's rows over the datasets whose DUO terms allow an export (DATA-07); the others are
 * left out, never silently: their reasons go into the note (issue 6). Each individual comes with
 * the variants of the genotype criterion they carry (issue 13). Too many rows refuse.
 */
export async function exportRows(
  filters: CohortFilters,
  datasets: readonly ExportSubject[],
  now = new Date(),
): Promise<ExportRows> {
  const plan = exportPlan(datasets, filters.diseases.length > 0);
  const wanted =
    filters.datasets.length === 0
      ? plan.allowed
      : filters.datasets.filter((d) => plan.allowed.includes(d));
  const rows: ExportRow[] = [];
  if (wanted.length > 0) {
    const f = { ...filters, datasets: wanted };
    // Counted first: an export over the cap is refused whole, never cut off at the cap.
    const c = cohortExportCountSql(f);
    const [count] = (await query(c.sql, c.params, 1)).rows;
    if (Number(count?.n ?? 0) > MAX_EXPORT_ROWS) throw new ExportTooLargeError(MAX_EXPORT_ROWS);
    const q = cohortExportSql(f, MAX_EXPORT_ROWS);
    const found = (await query(q.sql, q.params, MAX_EXPORT_ROWS)).rows;
    rows.push(...(found as unknown as CohortVariantRow[]).map(toExportRow));
  }
  const individuals = new Set(rows.map((r) => `${r.dataset_id}\u0000${r.individual_id}`)).size;
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return {
    rows,
    individuals,
    included: wanted,
    decisions: plan.decisions,
    baseName: `cohort-${stamp}`,
  };
}

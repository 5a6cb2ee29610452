import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStore } from '../../store';
import type { ExportFormat, ExportOutcome } from './exportCohort';
import { buildExport, download, exportNote } from './exportCohort';

const NO_DATASETS: readonly never[] = [];

/** Export the cohort as CSV or Phenopackets v2, per individual with provenance; DUO decides what goes. */
export function ExportPanel() {
  const { t } = useTranslation();
  const filters = useStore((s) => s.cohortFilters);
  const datasets = useStore((s) => s.cohortCache?.datasets) ?? NO_DATASETS;
  const [outcome, setOutcome] = useState<ExportOutcome>();
  const [error, setError] = useState<string>();
  const run = async (format: ExportFormat): Promise<void> => {
    try {
      const o = await buildExport(filters, datasets, format);
      // The audit entry says what left the app: format, row count, datasets in and out (no rows).
      const audited = await api().invoke('cohorts:exported', {
        format,
        rows: o.rows,
        datasets: o.included,
        leftOut: o.decisions.filter((d) => !d.allowed).map((d) => d.datasetId),
        filters,
      });
      if (!audited.ok) throw new Error(audited.error.message);
      download(o.fileName, o.text, format === 'csv' ? 'text/csv' : 'application/json');
      if (format === 'csv' && exportNote(o.decisions).length > 0)
        download(
          o.fileName.replace(/\.csv$/, '.note.txt'),
          `${exportNote(o.decisions).join('\n')}\n`,
          'text/plain',
        );
      setOutcome(o);
      setError(undefined);
    } catch (e: unknown) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="cohort-export-heading" data-testid="cohort-export">
      <h2 id="cohort-export-heading">{t('cohorts.export.heading')}</h2>
      <button type="button" onClick={() => void run('csv')} data-testid="export-csv">
        {t('cohorts.export.csv')}
      </button>
      <button
        type="button"
        onClick={() => void run('phenopacket')}
        data-testid="export-phenopacket"
      >
        {t('cohorts.export.phenopacket')}
      </button>
      <p className="hint">{t('cohorts.export.parquet')}</p>
      {error === undefined ? null : <p role="alert">{error}</p>}
      {outcome === undefined ? null : (
        <div role="status" data-testid="export-outcome">
          <p>{t('cohorts.export.done', { rows: outcome.rows, file: outcome.fileName })}</p>
          <ul data-testid="export-note">
            {exportNote(outcome.decisions).map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

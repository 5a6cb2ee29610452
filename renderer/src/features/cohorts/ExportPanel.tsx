import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { download } from '../../components/download';
import { useStore } from '../../store';
import type { ExportFormat, ExportOutcome, ExportRows } from './exportCohort';
import {
  ExportTooLargeError,
  NothingToExportError,
  exportNote,
  exportRows,
  exportText,
} from './exportCohort';
import type { ParquetProgress } from './exportParquet';
import { exportParquet } from './exportParquet';
import { ExportProgress } from './ExportProgress';

const NO_DATASETS: readonly never[] = [];

/** The DUO note as a file next to a CSV or Parquet export (Phenopackets carry it inside). */
function downloadNote(e: ExportRows, fileName: string): void {
  const note = exportNote(e.decisions);
  if (note.length > 0)
    download(
      fileName.replace(/\.(csv|parquet)$/, '.note.txt'),
      `${note.join('\n')}\n`,
      'text/plain',
    );
}

/**
 * Export the cohort as CSV, Parquet (written by native DuckDB in main) or a Phenopacket v2 Cohort:
 * per individual and matching variant with zygosity and provenance (issue 13); DUO decides what
 * goes (DATA-07), and every export is audited.
 */
export function ExportPanel() {
  const { t } = useTranslation();
  const filters = useStore((s) => s.cohortFilters);
  const datasets = useStore((s) => s.cohortCache?.datasets) ?? NO_DATASETS;
  const [outcome, setOutcome] = useState<ExportOutcome>();
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<ParquetProgress>();
  const run = async (format: ExportFormat): Promise<void> => {
    try {
      setError(undefined);
      const e = await exportRows(filters, datasets);
      let fileName: string;
      if (format === 'parquet') {
        // Main audits the Parquet export itself, before it hands the file back.
        const file = await exportParquet(e, filters, setProgress);
        fileName = file.fileName;
        download(fileName, file.bytes, 'application/vnd.apache.parquet');
      } else {
        const file = exportText(e, format, filters);
        // The audit entry says what left the app: format, row count, datasets in and out (no rows).
        const audited = await api().invoke('cohorts:exported', {
          format,
          rows: e.rows.length,
          datasets: e.included,
          leftOut: e.decisions.filter((d) => !d.allowed).map((d) => d.datasetId),
          filters,
        });
        if (!audited.ok) throw new Error(audited.error.message);
        fileName = file.fileName;
        download(fileName, file.text, format === 'csv' ? 'text/csv' : 'application/json');
      }
      if (format !== 'phenopacket') downloadNote(e, fileName);
      setOutcome({
        fileName,
        rows: e.rows.length,
        individuals: e.individuals,
        included: e.included,
        decisions: e.decisions,
      });
    } catch (e: unknown) {
      if (e instanceof ExportTooLargeError) setError(t('cohorts.export.tooMany', { max: e.max }));
      else if (e instanceof NothingToExportError)
        setError(t('cohorts.export.nothing', { notes: e.message }));
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <section aria-labelledby="cohort-export-heading" data-testid="cohort-export">
      <h2 id="cohort-export-heading">{t('cohorts.export.heading')}</h2>
      <p className="hint">{t('cohorts.export.explain')}</p>
      <button type="button" onClick={() => void run('csv')} data-testid="export-csv">
        {t('cohorts.export.csv')}
      </button>
      <button
        type="button"
        onClick={() => void run('parquet')}
        disabled={progress !== undefined}
        data-testid="export-parquet"
      >
        {t('cohorts.export.parquet')}
      </button>
      <button
        type="button"
        onClick={() => void run('phenopacket')}
        data-testid="export-phenopacket"
      >
        {t('cohorts.export.phenopacket')}
      </button>
      {progress === undefined ? null : <ExportProgress progress={progress} />}
      {error === undefined ? null : <p role="alert">{error}</p>}
      {outcome === undefined ? null : (
        <div role="status" data-testid="export-outcome">
          <p>
            {t('cohorts.export.done', {
              count: outcome.individuals,
              rows: outcome.rows,
              file: outcome.fileName,
            })}
          </p>
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

import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../shared/cohorts/exportFile';
import { download } from '../../components/download';
import { appErrorText } from '../../i18n/appErrorText';
import { exportNoteText } from '../../i18n/pullText';
import { errorText, SAID_KEYS, saidText, type Said } from '../../i18n/said';
import { useStore } from '../../store';
import type { ExportProblem } from '../../store/exportSlice';
import { ExportProgress } from './ExportProgress';

/** The export's problem in the person's words. */
function useProblemText(problem: ExportProblem | undefined): string | undefined {
  const { t } = useTranslation();
  if (problem === undefined) return undefined;
  if (problem.kind === 'tooMany') return t('cohorts.export.tooMany', { count: problem.max });
  if (problem.kind === 'nothing')
    return t('cohorts.export.nothing', {
      notes: exportNoteText(t, problem.decisions).join(' '),
    });
  // Main's refusal by its key, the renderer's own by its words, else another program's detail.
  if (problem.key !== undefined) return appErrorText(problem, t);
  if (problem.said !== undefined && (SAID_KEYS as readonly string[]).includes(problem.said.key))
    return saidText(problem.said as Said, t);
  return errorText(new Error(problem.message), t);
}

/**
 * Export the cohort as CSV, Parquet (written by native DuckDB in main) or a Phenopacket v2 Cohort:
 * per individual and matching variant with zygosity and provenance (issue 13); DUO decides what
 * goes (DATA-07), and every export is audited (the export slice does the work).
 */
export function ExportPanel() {
  const { t } = useTranslation();
  const runExport = useStore((s) => s.runExport);
  const progress = useStore((s) => s.exportProgress);
  const outcome = useStore((s) => s.exportOutcome);
  const error = useProblemText(useStore((s) => s.exportProblem));
  const run = async (format: ExportFormat): Promise<void> => {
    for (const f of await runExport(format)) download(f.fileName, f.content, f.type);
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
            {exportNoteText(t, outcome.decisions).map((n, i) => (
              <li key={`${String(i)}-${n}`}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

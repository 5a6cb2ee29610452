import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(1);

/** Running and finished pulls: a progress bar with records, bytes and ETA, and controls. */
export function PullJobs() {
  const { t } = useTranslation();
  const jobs = useStore((s) => s.pullJobs);
  const control = useStore((s) => s.controlPull);
  if (jobs.length === 0) return null;
  return (
    <ul className="pull-jobs" data-testid="pull-jobs">
      {jobs.map((j) => (
        <li key={j.jobId} data-testid={`pull-job-${j.datasetId}`} data-state={j.state}>
          <span>{t(`cohorts.job.${j.state}`, { dataset: j.datasetId })}</span>
          <progress
            max={j.totalRecords ?? undefined}
            value={j.records}
            aria-label={t('cohorts.job.progress', { dataset: j.datasetId })}
          />
          <span>
            {t('cohorts.job.detail', {
              records: j.records,
              total: j.totalRecords ?? '?',
              mb: mb(j.bytes),
              eta: j.etaSeconds === undefined ? '—' : `${String(Math.ceil(j.etaSeconds))} s`,
            })}
          </span>
          {j.message === undefined ? null : <span className="hint">{j.message}</span>}
          {j.state === 'running' ? (
            <button type="button" onClick={() => void control(j.jobId, 'pause')}>
              {t('cohorts.job.pause')}
            </button>
          ) : null}
          {j.state === 'paused' ? (
            <button type="button" onClick={() => void control(j.jobId, 'resume')}>
              {t('cohorts.job.resume')}
            </button>
          ) : null}
          {j.state === 'running' || j.state === 'paused' ? (
            <button type="button" onClick={() => void control(j.jobId, 'cancel')}>
              {t('cohorts.job.cancel')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

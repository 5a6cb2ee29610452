import { useTranslation } from 'react-i18next';
import type { PullJob } from '../../../../shared/vault/vault';
import { useStore } from '../../store';
import { useFormat } from '../../i18n/useFormat';
import { pullJobText } from '../../i18n/pullText';

/** What a job's numbers say now: an ETA only while it runs, never "about — left" (issue 13). */
function useDetail(): (j: PullJob) => string {
  const { t } = useTranslation();
  const f = useFormat();
  return (j) => {
    const base = { count: j.records, size: f.bytes(j.bytes) };
    if (j.state === 'done') return t('cohorts.job.detailDone', base);
    if (j.totalRecords === undefined) return t('cohorts.job.detailSoFar', base);
    const detail = t('cohorts.job.detail', {
      records: j.records,
      count: j.totalRecords,
      size: base.size,
    });
    if (j.state !== 'running' || j.etaSeconds === undefined) return detail;
    return `${detail}, ${t('cohorts.job.eta', { eta: f.duration(Math.ceil(j.etaSeconds)) })}`;
  };
}

/**
 * The signed-in user's pulls: running, finished, and interrupted ones main kept across a restart
 * (issue 12), each with a progress bar, its numbers and the controls its state allows.
 */
export function PullJobs() {
  const { t } = useTranslation();
  const jobs = useStore((s) => s.pullJobs);
  const control = useStore((s) => s.controlPull);
  const detail = useDetail();
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
          <span data-testid={`pull-job-detail-${j.datasetId}`}>{detail(j)}</span>
          {j.message === undefined ? null : (
            <span className="hint" data-testid={`pull-job-message-${j.datasetId}`}>
              {pullJobText(t, j)}
            </span>
          )}
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

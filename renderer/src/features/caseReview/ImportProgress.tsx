import { useTranslation } from 'react-i18next';
import type { CaseProgress } from '../../../../shared/cases/channels';
import { useStore } from '../../store';
import { ProblemList } from './ProblemList';

const RUNNING = new Set(['queued', 'reading', 'indexing', 'sealing']);
const mb = (bytes: number): string => (bytes / 1024 ** 2).toFixed(1);
const duration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${String(s)} s` : `${String(Math.floor(s / 60))} min ${String(s % 60)} s`;
};

/** One import's progress: records, MB read of the total, time left; Cancel while it runs. */
export function ImportProgress({ job }: { readonly job: CaseProgress }) {
  const { t } = useTranslation();
  const cancel = useStore((s) => s.cancelCaseImport);
  const running = RUNNING.has(job.phase);
  const percent = job.totalBytes > 0 ? Math.round((100 * job.bytesRead) / job.totalBytes) : 0;
  return (
    <div className="import-progress" data-testid={`import-${job.caseId}`} data-phase={job.phase}>
      <p role="status">
        {t(`caseReview.import.phase.${job.phase}`, { caseId: job.caseId })}{' '}
        {running || job.phase === 'done'
          ? t(job.totalBytes > 0 ? 'caseReview.import.counts' : 'caseReview.import.countsNoSize', {
              records: job.records.toLocaleString('en'),
              variants: job.variants.toLocaleString('en'),
              read: mb(job.bytesRead),
              total: mb(job.totalBytes),
            })
          : null}{' '}
        {running && job.etaMs !== null
          ? t('caseReview.import.left', { time: duration(job.etaMs) })
          : null}
      </p>
      {running ? (
        <>
          <progress
            max={100}
            value={percent}
            aria-label={t('caseReview.import.progress', { caseId: job.caseId })}
          />
          <button
            type="button"
            onClick={() => void cancel(job.jobId)}
            data-testid={`import-cancel-${job.caseId}`}
          >
            {t('caseReview.import.cancel')}
          </button>
        </>
      ) : null}
      {job.phase === 'failed' ? (
        <ProblemList
          problems={
            job.problems.length > 0
              ? job.problems
              : [{ message: job.message ?? t('caseReview.import.failedPlain') }]
          }
          label={t('caseReview.import.failed', { caseId: job.caseId })}
          testId={`import-problems-${job.caseId}`}
          tone="error"
        />
      ) : null}
    </div>
  );
}

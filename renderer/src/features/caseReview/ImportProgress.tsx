import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { CaseProgress } from '../../../../shared/cases/channels';
import { useStore } from '../../store';
import { AsWritten } from '../../components/AsWritten';
import { ProblemList } from './ProblemList';
import { transferStatus } from './transferStatus';

const RUNNING = new Set(['queued', 'reading', 'indexing', 'sealing']);

/** One import's progress: records, MB read of the total, time left; Cancel while it runs. */
export function ImportProgress({ job }: { readonly job: CaseProgress }) {
  const { t } = useTranslation();
  const f = useFormat();
  const cancel = useStore((s) => s.cancelCaseImport);
  const running = RUNNING.has(job.phase);
  const status = transferStatus({
    done: job.bytesRead,
    reported: job.totalBytes,
    elapsedMs: job.elapsedMs,
  });
  // Main's estimate while reading; the page's own from the bytes so far when main has none.
  const eta = job.etaMs ?? (job.phase === 'reading' ? status.etaMs : undefined);
  return (
    <div className="import-progress" data-testid={`import-${job.caseId}`} data-phase={job.phase}>
      <p role="status">
        {t(`caseReview.import.phase.${job.phase}`, { caseId: job.caseId })}{' '}
        {running || job.phase === 'done'
          ? t(
              status.totalBytes === undefined
                ? 'caseReview.import.countsNoSize'
                : 'caseReview.import.counts',
              {
                records: t('caseReview.import.records', { count: job.records }),
                variants: t('caseReview.import.alleles', { count: job.variants }),
                read: f.bytes(status.doneBytes),
                total: f.bytes(status.totalBytes ?? 0),
              },
            )
          : null}{' '}
        {running && eta !== undefined
          ? t('caseReview.import.left', { time: f.duration(eta / 1000) })
          : null}
      </p>
      {running ? (
        <>
          <progress
            max={100}
            value={status.percent}
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
      {job.phase === 'failed' && job.problems.length === 0 && job.why === undefined ? (
        // An ending main sent without a code (an earlier version's job): its English as written.
        <div
          className="problems form-error"
          role="alert"
          data-testid={`import-problems-${job.caseId}`}
        >
          <p>{t('caseReview.import.failed', { caseId: job.caseId })}</p>
          <p>
            {job.message === undefined ? (
              t('caseReview.import.failedPlain')
            ) : (
              <AsWritten text={job.message} from="reported" />
            )}
          </p>
        </div>
      ) : job.phase === 'failed' ? (
        <ProblemList
          problems={
            job.problems.length > 0
              ? job.problems
              : [{ message: job.message ?? t('caseReview.import.failedPlain'), ...job.why }]
          }
          label={t('caseReview.import.failed', { caseId: job.caseId })}
          testId={`import-problems-${job.caseId}`}
          tone="error"
        />
      ) : null}
    </div>
  );
}

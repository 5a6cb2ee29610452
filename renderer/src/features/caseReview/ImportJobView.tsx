import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseProgress } from '../../../../shared/cases/channels';
import { ImportProgress } from './ImportProgress';

/**
 * New case once the import started (issue 16): its progress, then Open case and Close. The form
 * and its Import button go when this view comes, and Cancel goes when the import ends, so the
 * keyboard focus is moved to what is there now (Cancel while it runs, Open case when done, else
 * Close) instead of being left on the page's body behind the modal dialog.
 */
export function ImportJobView(props: {
  readonly job: CaseProgress;
  readonly onOpen: () => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { job } = props;
  const view = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const here = view.current;
    if (here === null || here.contains(document.activeElement)) return;
    const next =
      here.querySelector<HTMLElement>(`[data-testid="import-cancel-${job.caseId}"]`) ??
      here.querySelector<HTMLElement>('[data-testid="new-case-open"]') ??
      here.querySelector<HTMLElement>('[data-testid="new-case-close"]');
    next?.focus();
  }, [job.phase, job.caseId]);
  return (
    <div className="new-case-job" ref={view}>
      <ImportProgress job={job} />
      {job.phase === 'done' ? (
        <button type="button" onClick={props.onOpen} data-testid="new-case-open">
          {t('caseReview.new.openCase', { caseId: job.caseId })}
        </button>
      ) : null}
      <button type="button" onClick={props.onClose} data-testid="new-case-close">
        {t('caseReview.new.close')}
      </button>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseList as CaseListReply } from '../../../../shared/cases/channels';
import '../../styles/caseReview.css';
import '../../styles/caseWork.css';
import { useStore } from '../../store';
import { VaultUnlock } from '../cohorts/VaultUnlock';
import { CaseList } from './CaseList';
import { CaseView } from './CaseView';
import { ImportProgress } from './ImportProgress';
import { NewCaseDialog } from './NewCaseDialog';
import { useCaseEvents } from './useCaseEvents';

/** Main's code for an empty case list, in words (issue 22; its English is for the CLI). */
const LIST_WHY: Readonly<Record<NonNullable<CaseListReply['why']>, string>> = {
  'vault-locked': 'caseReview.page.locked',
};

const RUNNING = new Set(['queued', 'reading', 'indexing', 'sealing']);

/**
 * Case review (issues 16, 17): the owner's cases, a New case dialog, imports still running (each
 * cancellable here as well as in the dialog), and the open case with its variants and ranking.
 */
export function CaseReviewPage() {
  const { t } = useTranslation();
  useCaseEvents();
  const [creating, setCreating] = useState(false);
  const list = useStore((s) => s.caseList);
  const error = useStore((s) => s.caseError);
  const open = useStore((s) => s.caseOpen);
  const jobs = useStore((s) => s.caseJobs);
  const running = jobs.filter((j) => RUNNING.has(j.phase));
  const locked = list?.locked === true;
  return (
    <div className="case-review-page" data-testid="case-review-page">
      <div className="case-review-header">
        <p className="hint">{t('caseReview.page.intro')}</p>
        <button
          type="button"
          className="primary"
          disabled={list === undefined || locked}
          onClick={() => setCreating(true)}
          data-testid="case-new"
        >
          {t('caseReview.page.newCase')}
        </button>
      </div>
      {error === undefined ? null : (
        <p role="alert" className="form-error" data-testid="case-error">
          {error}
        </p>
      )}
      {list === undefined ? (
        <p role="status">{t('caseReview.page.loading')}</p>
      ) : locked ? (
        <>
          <p className="hint">{t(LIST_WHY[list.why ?? 'vault-locked'])}</p>
          <VaultUnlock />
        </>
      ) : (
        <CaseList />
      )}
      {running.length === 0 || creating ? null : (
        <section aria-label={t('caseReview.page.imports')} data-testid="case-imports">
          {running.map((j) => (
            <ImportProgress key={j.jobId} job={j} />
          ))}
        </section>
      )}
      {open === undefined ? null : <CaseView key={open.detail.caseId} detail={open.detail} />}
      <NewCaseDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

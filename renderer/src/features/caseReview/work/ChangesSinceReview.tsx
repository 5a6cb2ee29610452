import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffReviewBasis, unchanged } from '../../../../../shared/cases/reviewDiff';
import type { CaseWork, ReviewBasis, WorkChange } from '../../../../../shared/cases/workChannels';
import { useStore } from '../../../store';
import { authorWords } from '../../../i18n/authorWords';
import { useFormat } from '../../../i18n/useFormat';

/**
 * "Since your last review" (issue 18): the cached datasets pulled or gone and the federation's
 * nodes that joined or left since the case was last marked reviewed, and the button that marks it.
 */
export function ChangesSinceReview(props: {
  readonly work: CaseWork;
  readonly change: (c: WorkChange) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const cache = useStore((s) => s.cohortCache);
  const refresh = useStore((s) => s.refreshCohortCache);
  const directory = useStore((s) => s.directory);
  useEffect(() => {
    if (cache === undefined) void refresh();
  }, [cache, refresh]);
  const basis: ReviewBasis = useMemo(
    () => ({
      datasets: (cache?.datasets ?? []).map((d) => ({ id: d.datasetId, pulledAt: d.pulledAt })),
      nodes: (directory?.nodes ?? []).map((n) => n.id),
    }),
    [cache, directory],
  );
  const last = props.work.lastReview;
  const diff = last === null ? undefined : diffReviewBasis(last.basis, basis);
  return (
    <section aria-labelledby="since-heading" data-testid="work-since">
      <h4 id="since-heading">{t('caseWork.since.heading')}</h4>
      {last === null || diff === undefined ? (
        <p className="hint">{t('caseWork.since.never')}</p>
      ) : (
        <>
          <p>{t('caseWork.since.last', { by: authorWords(t, last), at: f.dateTime(last.at) })}</p>
          {unchanged(diff) ? (
            <p data-testid="since-unchanged">{t('caseWork.since.nothing')}</p>
          ) : (
            <ul data-testid="since-changes">
              {diff.pulled.map((d) => (
                <li key={`p-${d.id}`}>
                  {t('caseWork.since.pulled', { id: d.id, at: f.dateTime(d.pulledAt) })}
                </li>
              ))}
              {diff.removed.map((id) => (
                <li key={`r-${id}`}>{t('caseWork.since.removed', { id })}</li>
              ))}
              {diff.newNodes.map((id) => (
                <li key={`n-${id}`}>{t('caseWork.since.newNode', { id })}</li>
              ))}
              {diff.goneNodes.map((id) => (
                <li key={`g-${id}`}>{t('caseWork.since.goneNode', { id })}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <button
        type="button"
        onClick={() => void props.change({ kind: 'reviewed', basis })}
        data-testid="mark-reviewed"
      >
        {t('caseWork.since.mark')}
      </button>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { SeenAnswer } from '../../../../../shared/seen/channels';
import { MAX_CARRIERS_PER_DATASET } from '../../../../../shared/seen/channels';
import { sexLabelText } from '../../../i18n/terms';
import { useHpoLabel } from '../../../i18n/useHpoLabel';
import { asOf, datasetText } from './seenText';
import { StoredNodeFailure } from './StoredNodeFailure';

/**
 * One node's answer for one allele: per dataset at its granularity, the carriers with their
 * phenotypes where the node listed them, and the time the answer was given (stored answers keep it).
 */
export function SeenCell({ answer }: { readonly answer: SeenAnswer | undefined }) {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  if (answer === undefined) return <span className="hint">{t('caseReview.seen.notAsked')}</span>;
  const when = (
    <span className="hint seen-time">{t('caseReview.seen.asOf', { time: asOf(answer.at) })}</span>
  );
  if (answer.status !== 'ok')
    return (
      <>
        <span className="form-error">
          <StoredNodeFailure t={t} answer={answer} />
        </span>{' '}
        {when}
      </>
    );
  const found = (answer.datasets ?? []).filter((d) => d.exists);
  return (
    <>
      {found.length === 0 ? (
        // The node's own yes covers datasets it does not list for this user (issue 13).
        <span>
          {t(
            answer.exists === true
              ? 'caseReview.seen.answer.withheld'
              : 'caseReview.seen.answer.no',
          )}
        </span>
      ) : (
        <ul className="plain-list">
          {found.map((d) => {
            const carriers = (answer.carriers ?? []).filter((c) => c.datasetId === d.id);
            return (
              <li key={d.id}>
                {d.id}: {datasetText(d, t)}
                {carriers.length === 0 ? null : (
                  <details>
                    <summary>{t('caseReview.seen.carriers', { count: carriers.length })}</summary>
                    <ul>
                      {carriers.map((c) => (
                        <li key={c.id}>
                          {t('caseReview.seen.carrier', {
                            id: c.id,
                            sex: sexLabelText(t, c.sex),
                            phenotypes:
                              c.phenotypes.map((id) => hpo.term(id)).join(', ') ||
                              t('caseReview.seen.none'),
                          })}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}{' '}
      {answer.carriersNotFetched === undefined ? null : (
        <span className="hint" data-testid="seen-not-fetched">
          {t('caseEvidence.notFetched', {
            count: answer.carriersNotFetched,
            max: MAX_CARRIERS_PER_DATASET,
          })}
        </span>
      )}{' '}
      {when}
    </>
  );
}

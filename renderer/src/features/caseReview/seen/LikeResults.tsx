import { useTranslation } from 'react-i18next';
import { NodeProblemLine } from '../../../i18n/nodeProblem';
import { sexLabelText } from '../../../i18n/terms';
import { useHpoLabel } from '../../../i18n/useHpoLabel';
import type { LikeUpdate } from '../../../../../shared/seen/channels';
import { datasetText } from './seenText';
import { currentLocale } from '../../../i18n';
import { formatFixed } from '../../../../../shared/i18n/format';

/** Per node: its status, each dataset at its granularity, and returned patients best match first. */
export function LikeResults({ nodes }: { readonly nodes: readonly LikeUpdate[] }) {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  if (nodes.length === 0) return null;
  return (
    <ul className="plain-list like-results" aria-label={t('caseReview.like.resultsLabel')}>
      {nodes.map((n) => {
        const people = (n.records ?? [])
          .flatMap((r) => (r.kind === 'individual' ? [r] : []))
          .map((r) => ({ r, score: n.scores?.[`${r.datasetId}/${r.id}`] ?? 0 }))
          .sort((a, b) => b.score - a.score || a.r.id.localeCompare(b.r.id));
        return (
          <li key={n.nodeId} data-testid={`like-node-${n.nodeId}`} data-status={n.status}>
            <strong>
              {n.nodeName} ({n.nodeId})
            </strong>
            : {t(`search.status.${n.status}`)}
            {n.message === undefined ? null : (
              <>
                {' ('}
                <NodeProblemLine t={t} node={n.nodeId} problem={n.problem} message={n.message} />
                {')'}
              </>
            )}
            <ul>
              {(n.datasets ?? []).map((d) => (
                <li key={d.id}>
                  {d.id}: {datasetText(d, t)}
                </li>
              ))}
            </ul>
            {people.length === 0 ? null : (
              <table className="data-table">
                <caption>{t('caseReview.like.peopleCaption', { node: n.nodeId })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('caseReview.like.person')}</th>
                    <th scope="col">{t('caseReview.like.score')}</th>
                    <th scope="col">{t('caseReview.like.phenotypes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {people.map(({ r, score }) => (
                    <tr key={`${r.datasetId}/${r.id}`}>
                      <th scope="row">
                        {r.datasetId}/{r.id} ({sexLabelText(t, r.sex)})
                      </th>
                      <td>{formatFixed(score, currentLocale(), 2)}</td>
                      <td>{r.phenotypes.map((id) => hpo.term(id)).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ul>
  );
}

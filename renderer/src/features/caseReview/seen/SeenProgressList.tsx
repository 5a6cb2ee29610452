import { useTranslation } from 'react-i18next';
import type { SeenProgress } from '../../../../../shared/seen/channels';
import { SeenProblemLine } from '../../../i18n/nodeProblem';

/** Per-node progress of a lookup, as the Search page shows its nodes: each on its own, none waiting on another. */
export function SeenProgressList({ nodes }: { readonly nodes: readonly SeenProgress[] }) {
  const { t } = useTranslation();
  if (nodes.length === 0) return null;
  return (
    <ul className="seen-progress" aria-label={t('caseReview.seen.progressLabel')}>
      {nodes.map((n) => (
        <li key={n.nodeId} data-testid={`seen-node-${n.nodeId}`} data-status={n.status}>
          {t('caseReview.seen.progress', {
            node: `${n.nodeName} (${n.nodeId})`,
            status: t(`caseReview.seen.nodeStatus.${n.status}`),
            done: n.done,
            total: n.total,
            failed: n.failed,
          })}
          {n.message === undefined ? null : (
            <span className={n.status === 'error' ? 'form-error' : 'hint'}>
              {' '}
              <SeenProblemLine t={t} node={n.nodeId} progress={n} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

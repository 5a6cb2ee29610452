import type { TFunction } from 'i18next';
import type { SeenAnswer } from '../../../../../shared/seen/channels';
import { NodeProblemLine } from '../../../i18n/nodeProblem';

/**
 * A node's stored failed seen-before answer (issue 13; issue 22's coded problems): its status, and
 * the problem the node gave, worded from its code or quoted as stored. The seen-before column and
 * the cancer view's federated table (issue 19) both show it; each places the answer's time itself.
 */
export function StoredNodeFailure(props: { readonly t: TFunction; readonly answer: SeenAnswer }) {
  const { t, answer } = props;
  return (
    <>
      {t(`search.status.${answer.status}`)}
      {answer.message === undefined ? null : (
        <>
          {': '}
          <NodeProblemLine
            t={t}
            node={answer.nodeId}
            problem={answer.problem}
            message={answer.message}
            stored
          />
        </>
      )}
    </>
  );
}

import type { TFunction } from 'i18next';
import { nodeProblemParams } from '../../../shared/acmg/nodeProblemSaid';
import type { NodeProblem } from '../../../shared/search/results';
import type { SeenProgress } from '../../../shared/seen/channels';
import { AsWritten } from '../components/AsWritten';

/**
 * Why a node's request failed, in the app's language from main's code (issue 22). The words are
 * the document catalogue's (`acmgText.nodeProblem`), which the report words a stored seen-before
 * failure with too (decision 0064).
 */
export const nodeProblemText = (t: TFunction, node: string, p: NodeProblem): string =>
  t(`acmgText.nodeProblem.${p.code}`, {
    ...nodeProblemParams(node, p),
    why: p.lift === undefined ? '' : t(`acmgText.lift.${p.lift}`),
  });

/**
 * A node's failure as a person reads it: the words, then the node's own message as it sent it
 * (its language, its words: data, not wording). Without a code (an answer stored before codes,
 * decision 0071) main's English is shown as written, marked as such.
 */
export function NodeProblemLine(props: {
  readonly t: TFunction;
  readonly node: string;
  readonly problem: NodeProblem | undefined;
  readonly message: string | undefined;
  /** The answer was stored by the app (seen-before): text without a code was an earlier version's. */
  readonly stored?: boolean;
}) {
  const { t, node, problem } = props;
  if (problem === undefined)
    return props.message === undefined ? null : (
      <AsWritten text={props.message} from={props.stored === true ? 'stored' : 'reported'} />
    );
  return (
    <>
      {nodeProblemText(t, node, problem)}
      {problem.nodeText === undefined ? null : (
        <>
          {' '}
          <q translate="no">{problem.nodeText}</q>
        </>
      )}
    </>
  );
}

/** How a node's share of a seen-before batch ended, worded from main's codes (issue 22). */
export function SeenProblemLine(props: {
  readonly t: TFunction;
  readonly node: string;
  readonly progress: SeenProgress;
}) {
  const { t, node } = props;
  const p = props.progress.problem;
  if (p === undefined)
    return props.progress.message === undefined ? null : (
      <AsWritten text={props.progress.message} from="reported" />
    );
  return (
    <>
      {p.last === undefined ? (
        t('caseReview.seen.problem.noAnswer', { node })
      ) : (
        <NodeProblemLine t={t} node={node} problem={p.last} message={undefined} />
      )}{' '}
      {t(`caseReview.seen.problem.${p.kind}`, {
        limit: p.limit ?? '',
        failed: p.failed,
        total: p.total,
      })}
    </>
  );
}

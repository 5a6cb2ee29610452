import type { NodeProblem } from '../../../shared/search/results';
import type { SeenProgress } from '../../../shared/seen/channels';

/**
 * How a node's share of a seen-before batch ended when lookups failed: main's English (the CLI
 * prints it) and the same as codes the renderer words in the user's language (issue 22).
 */
export function failedOutcome(o: {
  nodeId: string;
  failed: number;
  total: number;
  lastError: string | undefined;
  lastProblem: NodeProblem | undefined;
  /** Main's sentence when the node stopped being asked, and after how many failures in a row. */
  down: { message: string; limit: number } | undefined;
}): { message: string; problem: NonNullable<SeenProgress['problem']> } {
  const kind = o.down !== undefined ? 'stopped' : o.failed === o.total ? 'none' : 'some';
  const problem = {
    kind,
    failed: o.failed,
    total: o.total,
    ...(o.down === undefined ? {} : { limit: o.down.limit }),
    ...(o.lastProblem === undefined ? {} : { last: o.lastProblem }),
  } as const;
  const last = o.lastError ?? `Node ${o.nodeId} did not answer.`;
  const message =
    o.down !== undefined
      ? o.down.message
      : kind === 'none'
        ? `${last} None of its ${String(o.total)} lookups was answered; ask again later.`
        : `Node ${o.nodeId}: ${String(o.failed)} of ${String(o.total)} lookups failed (the last: ${o.lastError ?? 'no answer'}); the others are shown.`;
  return { message, problem };
}

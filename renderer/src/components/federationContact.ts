import type { FederationDirectory } from '../../../shared/federation/directory';
import type { SessionSummary } from '../../../shared/auth/session';
import type { NodeUpdate } from '../../../shared/search/results';

/** What the status bar can truthfully say about the last contact with the federation's nodes. */
export type FederationContact =
  | { kind: 'unknown' }
  | { kind: 'none' }
  | { kind: 'not-contacted' }
  | { kind: 'searching'; answered: number; total: number }
  | { kind: 'search'; answered: number; total: number; at: number }
  | { kind: 'sign-in'; answered: number; total: number };

const PENDING = new Set(['waiting', 'slow']);

/**
 * The last real contact (issue 13: the bar said "not contacted yet" after searches): the latest
 * search when one ran (anonymous searches too), else the dataset lists read at sign-in.
 */
export function federationContact(s: {
  directory: FederationDirectory | undefined;
  session: SessionSummary | undefined;
  /** `nodes` is undefined while the query is being sent (main asks every directory node). */
  searchRun: { startedAt: number; nodes: number | undefined } | undefined;
  searchNodes: readonly NodeUpdate[];
}): FederationContact {
  if (s.directory === undefined) return { kind: 'unknown' };
  const total = s.directory.nodes.length;
  if (total === 0) return { kind: 'none' };
  const asked = s.searchRun === undefined ? 0 : (s.searchRun.nodes ?? total);
  if (s.searchRun !== undefined && asked > 0) {
    const answered = s.searchNodes.filter((n) => n.status === 'ok').length;
    const pending =
      asked - s.searchNodes.length + s.searchNodes.filter((n) => PENDING.has(n.status)).length;
    return pending > 0
      ? { kind: 'searching', answered, total: asked }
      : { kind: 'search', answered, total: asked, at: s.searchRun.startedAt };
  }
  const failing = s.session?.nodeProblems?.length ?? 0;
  const listed = new Set(s.session?.access.map((row) => row.nodeId) ?? []).size;
  if (s.session?.state !== 'signed-in' || (listed === 0 && failing === 0))
    return { kind: 'not-contacted' };
  return { kind: 'sign-in', answered: total - failing, total };
}

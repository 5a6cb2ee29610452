import { useTranslation } from 'react-i18next';
import { nodeRange } from '../../../../shared/search/aggregate';
import type { NodeUpdate } from '../../../../shared/search/results';
import { useStore } from '../../store';
import { AssemblyText } from '../../components/AssemblyText';
import { NodeProblemLine } from '../../i18n/nodeProblem';

const RETRYABLE = new Set<NodeUpdate['status']>(['timeout', 'error', 'unauthorised', 'cancelled']);

/** One row per node, appearing as its first update arrives: status, granularity, count, time, retry. */
export function NodeResults() {
  const { t } = useTranslation();
  const nodes = useStore((s) => s.searchNodes);
  const retry = useStore((s) => s.retrySearchNode);
  if (nodes.length === 0) return null;
  return (
    <table className="node-results" data-testid="search-nodes">
      <caption>{t('search.nodes.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('search.nodes.node')}</th>
          <th scope="col">{t('search.nodes.status')}</th>
          <th scope="col">{t('search.nodes.granularity')}</th>
          <th scope="col">{t('search.nodes.count')}</th>
          <th scope="col">{t('search.nodes.time')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('search.nodes.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody aria-live="polite">
        {nodes.map((n) => (
          <tr key={n.nodeId} data-testid={`search-node-${n.nodeId}`} data-status={n.status}>
            <th scope="row">
              <span translate="no">
                {n.nodeName} <span className="muted">({n.country})</span>
              </span>
              {n.assembly === undefined ? null : (
                <div className="muted" data-testid={`search-node-${n.nodeId}-assembly`}>
                  <AssemblyText node={n} />
                </div>
              )}
            </th>
            <td>
              <span className={`status status-${n.status}`}>{t(`search.status.${n.status}`)}</span>
              {n.message === undefined ? null : (
                <div className="node-message">
                  <NodeProblemLine t={t} node={n.nodeId} problem={n.problem} message={n.message} />
                </div>
              )}
              <ConformanceNotes node={n} />
            </td>
            <td>
              {n.returnedGranularity === undefined
                ? ''
                : t(`search.granularity.${n.returnedGranularity}`)}
            </td>
            <td data-testid={`search-node-${n.nodeId}-count`}>{cell(n, t)}</td>
            <td>{n.timeMs === undefined ? '' : t('search.nodes.ms', { ms: n.timeMs })}</td>
            <td>
              {RETRYABLE.has(n.status) ? (
                <button
                  type="button"
                  onClick={() => void retry(n.nodeId)}
                  data-testid={`search-retry-${n.nodeId}`}
                >
                  {t('search.nodes.retry', { node: n.nodeName })}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * What the reader tolerated in this node's answer, and the result sets it could not read, so a
 * node operator can be told (issue 15 item 1). Folded away: most people never need it.
 */
function ConformanceNotes({ node }: { node: NodeUpdate }) {
  const { t } = useTranslation();
  const unreadable = (node.datasets ?? []).flatMap((d) =>
    d.unreadable === undefined ? [] : [d.unreadable],
  );
  const notes = node.notes ?? [];
  if (notes.length + unreadable.length === 0) return null;
  return (
    <details className="conformance-notes" data-testid={`search-notes-${node.nodeId}`}>
      <summary>{t('search.nodes.notes', { count: notes.length + unreadable.length })}</summary>
      <p className="hint">{t('search.nodes.notesWhy', { node: node.nodeName })}</p>
      <ul>
        {/* The reader's findings are for the node's operator, in English (decision 0058). */}
        {unreadable.map((u) => (
          <li key={`u-${u}`}>
            {t('search.nodes.unreadable', { where: '' })}
            <span translate="no">{u}</span>
          </li>
        ))}
        {notes.map((x) => (
          <li key={x} translate="no">
            {x}
          </li>
        ))}
      </ul>
    </details>
  );
}

function cell(n: NodeUpdate, t: (key: string) => string): string {
  const r = nodeRange(n);
  if (r === undefined) return '';
  // A yes/no answer says "Yes"; a node that counted 0 but says matches exist reads "≥1" (issue 13).
  if (!r.counted && n.returnedGranularity === 'boolean') return t('search.nodes.yes');
  if (r.max === 0 && n.returnedGranularity === 'boolean') return t('search.nodes.no');
  if (r.exact) return r.display;
  if (r.max === Infinity) return `${r.display} (${t('search.nodes.openWhy')})`;
  return `${r.display} (${t('search.precision.rounded')})`;
}

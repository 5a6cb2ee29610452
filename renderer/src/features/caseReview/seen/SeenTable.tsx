import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeenAnswer } from '../../../../../shared/seen/channels';
import type { LocalCarrier } from '../../../db/cacheLookups';
import { LocalCell } from './LocalCell';
import { SeenCell } from './SeenCell';
import { answersByKey } from './seenText';

/** Alleles down, the local cache and each node across: every answer with its granularity and time. */
export function SeenTable(props: {
  readonly answers: readonly SeenAnswer[];
  readonly local: readonly LocalCarrier[] | undefined;
  readonly genes: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const byKey = useMemo(() => answersByKey(props.answers), [props.answers]);
  const nodes = useMemo(() => {
    const out = new Map<string, string>();
    for (const a of props.answers) if (!out.has(a.nodeId)) out.set(a.nodeId, a.nodeName);
    return [...out];
  }, [props.answers]);
  if (byKey.size === 0) return null;
  return (
    <table className="data-table seen-table" data-testid="seen-table">
      <caption>{t('caseReview.seen.caption', { count: byKey.size })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('caseReview.seen.allele')}</th>
          <th scope="col">{t('caseReview.seen.local.heading')}</th>
          {nodes.map(([id, name]) => (
            // The node's name as its directory entry gives it: data, not wording (issue 22).
            <th scope="col" key={id} translate="no">
              {name} ({id})
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...byKey].map(([key, row]) => (
          <tr key={key} data-testid={`seen-row-${key}`}>
            <th scope="row">
              {key}
              {props.genes.has(key) ? ` (${props.genes.get(key) ?? ''})` : ''}
            </th>
            <td data-testid={`seen-local-${key}`}>
              {props.local === undefined ? (
                <span className="hint">{t('caseReview.seen.local.unread')}</span>
              ) : (
                <LocalCell carriers={props.local.filter((c) => c.key === key)} />
              )}
            </td>
            {nodes.map(([id]) => (
              <td key={id} data-testid={`seen-cell-${key}-${id}`}>
                <SeenCell answer={row.get(id)} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

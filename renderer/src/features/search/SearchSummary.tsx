import { useTranslation } from 'react-i18next';
import { aggregateCounts } from '../../../../shared/search/aggregate';
import { headline, type Phrase } from '../../../../shared/search/headline';
import { useStore } from '../../store';

/**
 * The federation-wide answer: a range when any node rounded (never a false exact sum), and never
 * zero while a node says matches exist (issue 13).
 */
export function SearchSummary() {
  const { t } = useTranslation();
  const nodes = useStore((s) => s.searchNodes);
  const done = useStore((s) => s.searchDone);
  const run = useStore((s) => s.searchRun);
  const cancel = useStore((s) => s.cancelSearch);
  if (run === undefined) return null;
  const a = aggregateCounts(nodes);
  const h = headline(nodes, run.query.target, run.nodes);
  const say = (p: Phrase): string =>
    t(`search.summary.${p.key}`, {
      ...p.params,
      ...(typeof p.params.entity === 'string'
        ? { entity: t(`search.summary.${p.params.entity}`) }
        : {}),
    });
  return (
    <section
      className="search-summary"
      aria-labelledby="search-summary-heading"
      data-testid="search-summary"
    >
      <h2 id="search-summary-heading">{t('search.summary.heading')}</h2>
      <p className="total" data-testid="search-total">
        {say(h.total)}
      </p>
      {h.hints.map((p) => (
        <p key={p.key} className="hint" data-testid={`search-hint-${p.key}`}>
          {say(p)}
        </p>
      ))}
      <p role="status" data-testid="search-progress">
        {done === undefined
          ? t('search.summary.running', { answered: a.answeredNodes, count: a.totalNodes })
          : done.cancelled
            ? t('search.summary.cancelled', { answered: a.answeredNodes, count: a.totalNodes })
            : t('search.summary.finished', {
                answered: a.answeredNodes,
                count: a.totalNodes,
                ms: done.totalMs,
              })}
      </p>
      {done === undefined ? (
        <button type="button" onClick={() => void cancel()} data-testid="search-cancel">
          {t('search.summary.cancel')}
        </button>
      ) : null}
    </section>
  );
}

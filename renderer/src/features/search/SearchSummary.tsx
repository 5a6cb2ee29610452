import { useTranslation } from 'react-i18next';
import { aggregateCounts } from '../../../../shared/search/aggregate';
import { useStore } from '../../store';

/** The federation-wide answer: a range when any node rounded (never a false exact sum). */
export function SearchSummary() {
  const { t } = useTranslation();
  const nodes = useStore((s) => s.searchNodes);
  const done = useStore((s) => s.searchDone);
  const run = useStore((s) => s.searchRun);
  const cancel = useStore((s) => s.cancelSearch);
  if (run === undefined) return null;
  const a = aggregateCounts(nodes);
  const entity =
    run.query.target === 'g_variants'
      ? t('search.summary.variants')
      : t('search.summary.individuals');
  return (
    <section
      className="search-summary"
      aria-labelledby="search-summary-heading"
      data-testid="search-summary"
    >
      <h2 id="search-summary-heading">{t('search.summary.heading')}</h2>
      <p className="total" data-testid="search-total">
        {run.nodes === 0
          ? t('search.summary.noNodes')
          : a.countedNodes === 0
            ? t('search.summary.noCounts')
            : t(a.exact ? 'search.summary.exact' : 'search.summary.range', {
                display: a.display,
                entity,
              })}
      </p>
      {a.exact || a.countedNodes === 0 ? null : (
        <p className="hint">{t('search.summary.rangeWhy')}</p>
      )}
      {a.booleanOnlyNodes > 0 ? (
        <p className="hint">{t('search.summary.booleanOnly', { count: a.booleanOnlyNodes })}</p>
      ) : null}
      <p role="status" data-testid="search-progress">
        {done === undefined
          ? t('search.summary.running', { answered: a.answeredNodes, total: a.totalNodes })
          : done.cancelled
            ? t('search.summary.cancelled', { answered: a.answeredNodes, total: a.totalNodes })
            : t('search.summary.finished', {
                answered: a.answeredNodes,
                total: a.totalNodes,
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

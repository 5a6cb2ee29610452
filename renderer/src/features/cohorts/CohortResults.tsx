import { useTranslation } from 'react-i18next';
import { useHpoLabel } from '../../i18n/useHpoLabel';
import type { PlotBar } from '../../components/BarPlot';
import { BarPlot } from '../../components/BarPlot';
import { useStore } from '../../store';
import { CohortTable } from './CohortTable';
import { CohortVariants } from './CohortVariants';
import type { KeyCount } from '../../db/cohortQuery';
import { ROW_LIMIT } from '../../db/cohortQuery';
import { useCacheState } from './useCacheState';

const toBars = (counts: readonly KeyCount[], label: (key: string) => string): PlotBar[] =>
  counts.map((c) => ({ key: c.key, label: label(c.key), value: c.n, text: String(c.n) }));

/** Count, plots per country and per phenotype (each with a table), carried variants, rows. */
export function CohortResults() {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  const r = useStore((s) => s.cohortResult);
  const error = useStore((s) => s.cohortError);
  const busy = useStore((s) => s.cohortBusy);
  const cache = useCacheState();
  const plot = (id: string, title: string, keyHeader: string, bars: PlotBar[]) => (
    <BarPlot
      id={`cohort-${id}`}
      testId={`cohort-plot-${id}`}
      title={title}
      keyHeader={keyHeader}
      valueHeader={t('cohorts.results.individuals')}
      bars={bars}
      tableSummary={t('cohorts.results.asTable')}
      dataLabels
    />
  );
  return (
    <section
      aria-labelledby="cohort-results-heading"
      aria-live="polite"
      aria-busy={busy}
      data-testid="cohort-results"
      data-busy={busy}
    >
      <h2 id="cohort-results-heading">{t('cohorts.results.heading')}</h2>
      {cache.state === 'empty' ? (
        // An empty cache is a normal state, not a query error (issue 13).
        <p role="status" data-testid="cohort-empty">
          {t('cohorts.results.emptyCache')}
        </p>
      ) : null}
      {cache.state === 'loading' ? (
        <p role="status" data-testid="cohort-loading">
          {t('cohorts.results.loading', { count: cache.loading })}
        </p>
      ) : null}
      {error === undefined ? null : (
        <p role="alert" data-testid="cohort-error">
          {error}
        </p>
      )}
      {r === undefined || cache.state === 'empty' ? null : (
        <>
          <p data-testid="cohort-count" data-count={r.count}>
            {t('cohorts.results.count', { count: r.count, ms: Math.round(r.ms) })}
          </p>
          {r.count > ROW_LIMIT ? (
            <p className="hint">{t('cohorts.results.limited', { count: ROW_LIMIT })}</p>
          ) : null}
          <div className="cohort-plots">
            {plot(
              'country',
              t('cohorts.results.byCountry'),
              t('cohorts.table.country'),
              toBars(r.byCountry, (k) => k),
            )}
            {plot(
              'phenotype',
              t('cohorts.results.byPhenotype'),
              t('cohorts.table.phenotypes'),
              toBars(r.byPhenotype, (k) => hpo.label(k)),
            )}
          </div>
          <CohortVariants variants={r.variants} />
          <CohortTable rows={r.rows} />
        </>
      )}
    </section>
  );
}

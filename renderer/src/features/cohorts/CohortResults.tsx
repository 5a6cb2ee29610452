import { useTranslation } from 'react-i18next';
import { hpoLabel } from '../../../../shared/cohorts/hpo';
import { useStore } from '../../store';
import { BarPlot } from './BarPlot';
import { CohortTable } from './CohortTable';
import { ROW_LIMIT } from './runCohort';

/** Count, plots per country and per phenotype (each with a table), carried variants, rows. */
export function CohortResults() {
  const { t } = useTranslation();
  const r = useStore((s) => s.cohortResult);
  const error = useStore((s) => s.cohortError);
  const busy = useStore((s) => s.cohortBusy);
  return (
    <section
      aria-labelledby="cohort-results-heading"
      aria-live="polite"
      aria-busy={busy}
      data-testid="cohort-results"
      data-busy={busy}
    >
      <h2 id="cohort-results-heading">{t('cohorts.results.heading')}</h2>
      {error === undefined ? null : (
        <p role="alert" data-testid="cohort-error">
          {error}
        </p>
      )}
      {r === undefined ? null : (
        <>
          <p data-testid="cohort-count" data-count={r.count}>
            {t('cohorts.results.count', { count: r.count, ms: Math.round(r.ms) })}
          </p>
          {r.count > ROW_LIMIT ? (
            <p className="hint">{t('cohorts.results.limited', { limit: ROW_LIMIT })}</p>
          ) : null}
          <div className="cohort-plots">
            <BarPlot
              id="country"
              title={t('cohorts.results.byCountry')}
              keyHeader={t('cohorts.table.country')}
              countHeader={t('cohorts.results.individuals')}
              bars={r.byCountry}
            />
            <BarPlot
              id="phenotype"
              title={t('cohorts.results.byPhenotype')}
              keyHeader={t('cohorts.table.phenotypes')}
              countHeader={t('cohorts.results.individuals')}
              bars={r.byPhenotype}
              label={(k) => hpoLabel(k) ?? k}
            />
          </div>
          {r.variants.length > 0 ? (
            <table data-testid="cohort-variants">
              <caption>{t('cohorts.results.variants')}</caption>
              <thead>
                <tr>
                  {['variant', 'gene', 'consequence', 'af', 'carriers'].map((k) => (
                    <th scope="col" key={k}>
                      {t(`cohorts.variants.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.variants.map((v) => (
                  <tr key={v.variant_key}>
                    <th scope="row">{v.variant_key}</th>
                    <td>{v.gene}</td>
                    <td>{v.consequence}</td>
                    <td>{v.af.toPrecision(3)}</td>
                    <td>{v.carriers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <CohortTable rows={r.rows} />
        </>
      )}
    </section>
  );
}

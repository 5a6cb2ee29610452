import { useTranslation } from 'react-i18next';
import type { CohortResult } from '../../db/cohortQuery';
import { consequenceText } from '../../i18n/terms';

/** The variants of the genotype filter the cohort carries, with carrier counts. */
export function CohortVariants(props: { readonly variants: CohortResult['variants'] }) {
  const { t } = useTranslation();
  if (props.variants.length === 0) return null;
  return (
    <table data-testid="cohort-variants" className="data-table">
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
        {props.variants.map((v) => (
          <tr key={v.variant_key}>
            <th scope="row">{v.variant_key}</th>
            <td>{v.gene}</td>
            <td title={v.consequence}>{consequenceText(t, v.consequence)}</td>
            <td>{v.af.toPrecision(3)}</td>
            <td>{v.carriers}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { CarrierPhenotypes } from './CarrierPhenotypes';
import { FederationValues } from './FederationValues';
import { consequenceWithCode } from '../../i18n/terms';

/** The clicked variant (app panel, not igv's popup): what it is, where it is cached, what to do next. */
export function VariantDetails() {
  const { t } = useTranslation();
  const v = useStore((s) => s.browserSelected);
  const select = useStore((s) => s.selectBrowserVariant);
  const replaceDraft = useStore((s) => s.replaceSearchDraft);
  if (v === undefined) return null;
  const goWith = (target: 'g_variants' | 'individuals', page: string): void => {
    replaceDraft({
      target,
      genomic: v.variantKey,
      filters: [],
      granularity: target === 'g_variants' ? 'count' : 'record',
    });
    window.location.hash = `#/${page}`;
  };
  const hgvs = [v.hgvsC, v.hgvsP].filter((x) => x !== undefined).join(' · ');
  return (
    <aside
      className="variant-details"
      aria-labelledby="variant-details-title"
      data-testid="variant-details"
    >
      <h2 id="variant-details-title">{t('genomeBrowser.details.title', { key: v.variantKey })}</h2>
      <button
        type="button"
        onClick={() => select(undefined)}
        aria-label={t('genomeBrowser.details.close')}
      >
        ✕
      </button>
      <dl>
        <dt>{t('genomeBrowser.details.source')}</dt>
        <dd>
          {t(
            v.source === 'cohort'
              ? 'genomeBrowser.details.sourceCohort'
              : v.source === 'federation'
                ? 'genomeBrowser.details.sourceFederation'
                : v.source === 'genotypes'
                  ? 'genomeBrowser.details.sourceGenotypes'
                  : 'genomeBrowser.details.sourceVcf',
          )}
        </dd>
        {v.gene === undefined ? null : (
          <>
            <dt>{t('genomeBrowser.details.gene')}</dt>
            <dd>{v.gene}</dd>
          </>
        )}
        {v.consequence === undefined ? null : (
          <>
            <dt>{t('genomeBrowser.details.consequence')}</dt>
            <dd>{consequenceWithCode(t, v.consequence)}</dd>
          </>
        )}
        {hgvs === '' ? null : (
          <>
            <dt>{t('genomeBrowser.details.hgvs')}</dt>
            <dd>{hgvs}</dd>
          </>
        )}
        {v.clinSig === undefined ? null : (
          <>
            <dt>{t('genomeBrowser.details.clinSig')}</dt>
            <dd>{v.clinSig.replace(/_/g, ' ')}</dd>
          </>
        )}
      </dl>
      <h3>{t('genomeBrowser.details.frequency')}</h3>
      {v.datasets.length === 0 ? (
        <p>
          {t(
            v.source === 'genotypes'
              ? 'genomeBrowser.details.genotypesHint'
              : 'genomeBrowser.details.notCached',
          )}
        </p>
      ) : (
        <table data-testid="variant-frequencies">
          <thead>
            <tr>
              <th>{t('genomeBrowser.details.dataset')}</th>
              <th>{t('genomeBrowser.details.node')}</th>
              <th>{t('genomeBrowser.details.alleles')}</th>
              <th>{t('genomeBrowser.details.af')}</th>
            </tr>
          </thead>
          <tbody>
            {v.datasets.map((d) => (
              <tr key={d.datasetId}>
                <td>{d.datasetId}</td>
                <td>{d.nodeId}</td>
                <td>{`${String(d.ac)} / ${String(d.an)}`}</td>
                <td>{d.af.toPrecision(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FederationValues variantKey={v.variantKey} />
      <CarrierPhenotypes variantKey={v.variantKey} />
      <button
        type="button"
        data-testid="variant-search-federation"
        onClick={() => goWith('g_variants', 'search')}
      >
        {t('genomeBrowser.details.searchFederation')}
      </button>
      <button
        type="button"
        data-testid="variant-build-cohort"
        onClick={() => goWith('individuals', 'cohorts')}
      >
        {t('genomeBrowser.details.buildCohort')}
      </button>
    </aside>
  );
}

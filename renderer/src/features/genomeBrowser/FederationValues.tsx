import { useTranslation } from 'react-i18next';
import { federationVariants, formatFrequency } from '../../igv/federationTrack';
import { useStore } from '../../store';

/** The federation's per-node answer for one variant, when the browser's last query returned it. */
export function FederationValues({ variantKey }: { variantKey: string }) {
  const { t } = useTranslation();
  const nodes = useStore((s) => s.browserFederation?.nodes);
  const hit = federationVariants(nodes ?? []).find((v) => v.variantKey === variantKey);
  if (hit === undefined) return null;
  return (
    <table data-testid="variant-federation">
      <caption>{t('genomeBrowser.details.federationCounts')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('genomeBrowser.details.node')}</th>
          <th scope="col">{t('genomeBrowser.details.dataset')}</th>
          <th scope="col">{t('genomeBrowser.details.af')}</th>
        </tr>
      </thead>
      <tbody>
        {hit.values.map((x) => (
          <tr key={`${x.nodeId}|${x.datasetId}`}>
            <td>{x.nodeId}</td>
            <td>{x.datasetId}</td>
            <td>
              {x.frequency === undefined
                ? t('genomeBrowser.federation.present')
                : formatFrequency(x.frequency)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useTranslation } from 'react-i18next';
import type { FederationDirectory } from '../../../../shared/domain/federation';

/** The federation's nodes and where the directory came from. */
export function NodeList(props: { readonly directory: FederationDirectory }) {
  const { t } = useTranslation();
  const { directory } = props;
  return (
    <section aria-labelledby="nodes-heading" data-testid="node-list">
      <h2 id="nodes-heading">{t('access.nodesHeading')}</h2>
      <p className="hint">{t(`access.directorySource.${directory.source}`)}</p>
      {directory.nodes.length === 0 ? null : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('access.node')}</th>
              <th scope="col">{t('access.country')}</th>
              <th scope="col">{t('access.endpoint')}</th>
            </tr>
          </thead>
          <tbody>
            {directory.nodes.map((node) => (
              <tr key={node.id}>
                <td>{node.name}</td>
                <td>{node.country}</td>
                <td>
                  <code>{node.beaconUrl}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

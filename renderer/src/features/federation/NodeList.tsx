import { useTranslation } from 'react-i18next';
import type { FederationDirectory } from '../../../../shared/federation/directory';
import { codedText } from '../../i18n/codedText';
import { notAllowedEntries } from '../../i18n/notAllowedText';

/** How old a fetched directory is, in words ("5 minutes ago"); issue 12 item 13. */
function age(fetchedAt: number, language: string): string {
  const minutes = Math.round((fetchedAt - Date.now()) / 60_000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  return Math.abs(minutes) < 120
    ? format.format(minutes, 'minute')
    : format.format(Math.round(minutes / 60), 'hour');
}

/** The federation's nodes, where the directory came from, how old it is and what is wrong with it. */
export function NodeList(props: { readonly directory: FederationDirectory }) {
  const { t, i18n } = useTranslation();
  const { directory } = props;
  return (
    <section aria-labelledby="nodes-heading" data-testid="node-list">
      <h2 id="nodes-heading">{t('access.nodesHeading')}</h2>
      <p className="hint" data-testid="directory-source">
        {t(`access.directorySource.${directory.source}`)}{' '}
        {directory.location === undefined
          ? null
          : t('access.directoryLocation', { location: directory.location })}{' '}
        {directory.fetchedAt === undefined
          ? null
          : t('access.directoryFetched', { when: age(directory.fetchedAt, i18n.language) })}
      </p>
      {directory.problem === undefined ? null : (
        <p role="alert" className="form-error" data-testid="directory-problem">
          {codedText(t, 'directoryProblem', directory.problemSaid ?? {}, directory.problem)}
        </p>
      )}
      {directory.notAllowed === undefined ? null : (
        <p className="hint" data-testid="directory-not-allowed">
          {t('access.notAllowed', {
            entries: notAllowedEntries(t, directory.notAllowedSaid, directory.notAllowed),
          })}
        </p>
      )}
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
                <td translate="no">{node.name}</td>
                <td translate="no">{node.country}</td>
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

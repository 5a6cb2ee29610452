import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostNoteSaid, HostReason } from '../../../../shared/it/hosts';
import { codedText } from '../../i18n/codedText';
import { notAllowedEntries } from '../../i18n/notAllowedText';
import { useStore } from '../../store';
import { AppErrorLine } from '../../components/AppErrorLine';

/**
 * Why a host is contacted, worded here from main's code (issue 22): the broker's, node's or
 * issuer's own name is data and stays as the directory gives it.
 */
export function ReasonText({ reason: r }: { readonly reason: HostReason }) {
  const { t } = useTranslation();
  const words = r.what === 'node' ? undefined : t(`hosts.what.${r.what}`);
  return (
    <>
      {t(`hosts.purpose.${r.purpose}`)}:{' '}
      {r.name === undefined ? null : <span translate="no">{r.name}</span>}
      {r.session === true ? ` (${t('hosts.currentSession')})` : ''}
      {r.name !== undefined && words !== undefined ? ' · ' : ''}
      {words}
    </>
  );
}

/**
 * Every host and port Cohort Desk may contact, and why (issue 21), from the policy and the
 * federation directory: what IT writes firewall rules from. The app makes no other request.
 */
export function HostsPanel() {
  const { t } = useTranslation();
  const hosts = useStore((s) => s.hosts);
  const error = useStore((s) => s.hostsError);
  const load = useStore((s) => s.loadHosts);
  const settings = useStore((s) => s.settings);
  useEffect(() => {
    void load();
  }, [load, settings]);
  // The `not-allowed` note names its entries by kind in the reader's words (issue 22).
  const noteText = (said: HostNoteSaid | undefined, english: string): string =>
    codedText(
      t,
      'hostNote',
      said?.code === 'not-allowed' && hosts?.notAllowed !== undefined
        ? {
            ...said,
            params: { ...said.params, entries: notAllowedEntries(t, hosts.notAllowed, []) },
          }
        : (said ?? {}),
      english,
    );
  return (
    <section aria-labelledby="hosts-heading" data-testid="hosts">
      <h2 id="hosts-heading">{t('hosts.title')}</h2>
      <p>{t('hosts.intro')}</p>
      {error === undefined ? null : (
        <p role="alert" data-testid="hosts-error">
          <AppErrorLine sentence="hosts.failed" error={error} />
        </p>
      )}
      {hosts === undefined ? null : (
        <>
          <table data-testid="hosts-table">
            <thead>
              <tr>
                <th scope="col">{t('hosts.host')}</th>
                <th scope="col">{t('hosts.port')}</th>
                <th scope="col">{t('hosts.why')}</th>
              </tr>
            </thead>
            <tbody>
              {hosts.hosts.map((h) => (
                <tr
                  key={`${h.scheme}://${h.host}:${h.port}`}
                  data-testid="hosts-row"
                  data-host={`${h.host}:${h.port}`}
                >
                  <td>{`${h.scheme}://${h.host}`}</td>
                  <td>{h.port}</td>
                  <td>
                    <ul>
                      {h.reasons.map((r) => (
                        <li key={`${r.detail} ${r.url}`} data-what={r.what}>
                          <ReasonText reason={r} />
                          {r.by === 'browser' ? ` (${t('hosts.byBrowser')})` : ''}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {hosts.hosts.length === 0 ? <p data-testid="hosts-empty">{t('hosts.empty')}</p> : null}
          {hosts.complete ? null : (
            <p role="status" data-testid="hosts-incomplete">
              {t('hosts.incomplete')}
            </p>
          )}
          <ul className="hint" data-testid="hosts-notes">
            <li>{t('hosts.noTelemetry')}</li>
            {hosts.notes.map((note, i) => (
              // Main's codes in the reader's words; a list without them shows main's English.
              <li key={note}>{noteText(hosts.said?.[i], note)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

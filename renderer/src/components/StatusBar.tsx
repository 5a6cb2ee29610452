import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { federationContact } from './federationContact';
import { currentLocale } from '../i18n';
import { formatTime } from '../../../shared/i18n/format';

/** Signed-in state, federation reachability, connectivity and runtime, always visible. */
export function StatusBar() {
  const { t } = useTranslation();
  const online = useStore((s) => s.online);
  const info = useStore((s) => s.info);
  const session = useStore((s) => s.session);
  const directory = useStore((s) => s.directory);
  const searchRun = useStore((s) => s.searchRun);
  const searchNodes = useStore((s) => s.searchNodes);
  const contact = federationContact({ directory, session, searchRun, searchNodes });
  const federation =
    contact.kind === 'unknown' || contact.kind === 'not-contacted'
      ? t('status.federationUnknown')
      : contact.kind === 'none'
        ? t('status.federationNone')
        : contact.kind === 'searching'
          ? t('status.federationSearching', { ...contact, count: contact.total })
          : contact.kind === 'search'
            ? t('status.federationSearch', {
                ...contact,
                count: contact.total,
                time: formatTime(contact.at, currentLocale()),
              })
            : t('status.federationNodes', { ...contact, count: contact.total });
  const signedIn =
    session?.state === 'signed-in'
      ? t('status.signedInAs', { name: session.user?.name ?? session.user?.sub ?? '' })
      : session?.state === 'signing-in'
        ? t('status.signingIn')
        : t('status.signedOut');
  return (
    <footer className="status-bar" aria-label={t('status.label')} data-testid="status-bar">
      <span data-testid="status-signin">{signedIn}</span>
      <span data-testid="status-federation">{federation}</span>
      <span data-testid="status-online" className={online ? 'online' : 'offline'}>
        {online ? t('status.online') : t('status.offline')}
      </span>
      {info?.runtime.kind === 'browser' ? (
        <span data-testid="status-mode">{t('status.browserMode')}</span>
      ) : null}
      {info === undefined ? null : (
        <span data-testid="status-version">{t('status.version', { version: info.version })}</span>
      )}
    </footer>
  );
}

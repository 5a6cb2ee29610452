import { useTranslation } from 'react-i18next';
import { useStore } from '../store';

/** Signed-in state, federation reachability, connectivity and runtime, always visible. */
export function StatusBar() {
  const { t } = useTranslation();
  const online = useStore((s) => s.online);
  const info = useStore((s) => s.info);
  const session = useStore((s) => s.session);
  const directory = useStore((s) => s.directory);
  const total = directory?.nodes.length ?? 0;
  const failing = session?.nodeProblems?.length ?? 0;
  const answered = new Set(session?.access.map((row) => row.nodeId) ?? []).size;
  const federation =
    directory === undefined
      ? t('status.federationUnknown')
      : total === 0
        ? t('status.federationNone')
        : answered === 0 && failing === 0
          ? t('status.federationUnknown')
          : t('status.federationNodes', { answered: total - failing, total });
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

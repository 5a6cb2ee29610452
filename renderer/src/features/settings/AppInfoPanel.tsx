import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { LicencesPanel } from './LicencesPanel';

/** Version, runtime and where data, logs and the policy file live (app:info). */
export function AppInfoPanel() {
  const { t } = useTranslation();
  const info = useStore((s) => s.info);
  const policy = useStore((s) => s.settings);
  if (info === undefined) return null;
  const runtime =
    info.runtime.kind === 'electron'
      ? t('status.runtimeElectron', info.runtime)
      : t('status.runtimeBrowser', {
          ...info.runtime,
          // main sends how the window reaches it as a code (decision 0076)
          transport: t(`status.transport.${info.runtime.transport}`),
        });
  return (
    <section aria-labelledby="about-heading" data-testid="app-info">
      <h2 id="about-heading">{t('app.name')}</h2>
      <ul className="facts">
        <li data-testid="app-version">{t('status.version', { version: info.version })}</li>
        <li data-testid="app-runtime">{runtime}</li>
        <li>{t('status.dataFolder', { path: info.paths.data })}</li>
        <li>{t('status.logFolder', { path: info.paths.logs })}</li>
        <li>{t('settings.policy', { path: info.paths.policy })}</li>
        <li data-testid="policy-state">
          {policy?.policyActive === true ? t('settings.policyActive') : t('settings.policyNone')}
        </li>
        {policy?.policySources === undefined || policy.policySources.length === 0 ? null : (
          <li data-testid="policy-sources">
            {t('settings.policySources', { sources: policy.policySources.join('; ') })}
          </li>
        )}
      </ul>
      <LicencesPanel />
    </section>
  );
}

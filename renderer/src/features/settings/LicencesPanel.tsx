import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** Help → About → Licences: every third-party package shipped in the app, with its licence (issue 21). */
export function LicencesPanel() {
  const { t } = useTranslation();
  const licences = useStore((s) => s.licences);
  const error = useStore((s) => s.licencesError);
  const load = useStore((s) => s.loadLicences);
  return (
    <details
      data-testid="licences"
      onToggle={(e) => {
        if (e.currentTarget.open && licences === undefined) void load();
      }}
    >
      <summary>{t('licences.title')}</summary>
      {error === undefined ? null : (
        <p role="alert" data-testid="licences-error">
          {t('licences.failed', { message: error })}
        </p>
      )}
      {licences === undefined ? null : (
        <>
          <p>{t('licences.intro', { count: licences.packages.length })}</p>
          <ul data-testid="licences-list">
            {licences.packages.map((p) => (
              <li key={`${p.name}@${p.version}`} data-testid="licence" data-package={p.name}>
                <details>
                  <summary>{`${p.name} ${p.version}: ${p.license}`}</summary>
                  <pre>{p.text === '' ? t('licences.noText') : p.text}</pre>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}

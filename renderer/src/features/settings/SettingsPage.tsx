import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { AppInfoPanel } from './AppInfoPanel';
import { SettingsForm } from './SettingsForm';

/** Settings & audit: edit settings (locked ones say who manages them) and see where things live. */
export function SettingsPage() {
  const { t } = useTranslation();
  const view = useStore((s) => s.settings);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <p>{t('pages.settings.intro')}</p>
      {view === undefined ? null : (
        <SettingsForm view={view} saved={saved} onSavedChange={setSaved} />
      )}
      <AppInfoPanel />
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('pages.settings.audit')}</h2>
        <p>{t('pages.settings.auditEmpty')}</p>
      </section>
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { AppInfoPanel } from './AppInfoPanel';
import { AuditLogPanel } from './AuditLogPanel';
import { HostsPanel } from './HostsPanel';
import { SettingsForm } from './SettingsForm';

/** Settings & audit: edit settings (locked ones say who manages them), see where things live, read the audit log. */
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
      <HostsPanel />
      <AuditLogPanel />
    </>
  );
}

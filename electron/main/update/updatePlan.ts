import type { Settings } from '../../../shared/settings/settings';

/** What the updater does, decided from the policy-controlled settings (issue 21). */
export type UpdatePlan =
  | { readonly enabled: false; readonly reason: string }
  | {
      readonly enabled: true;
      readonly feed: { provider: 'generic'; url: string; channel: string };
      /** notify: download only when the user says so; automatic: download at once. */
      readonly autoDownload: boolean;
      /** Never electron-updater's own install-at-quit: only after our verification passed. */
      readonly autoInstallOnAppQuit: false;
      readonly installAfterVerification: 'at-quit' | 'when-the-user-says';
      readonly allowDowngrade: false;
      readonly allowPrerelease: boolean;
    };

/**
 * The update plan. Updates need the packaged app (the installer that wrote app-update.yml), a mode
 * other than off, and an https feed (no vendor feed is built in: the hospital names its own, which
 * may be an internal mirror). MSI installs are never updated in place (electron-updater cannot).
 */
export function updatePlan(
  values: Pick<Settings, 'updateMode' | 'updateChannel' | 'updateFeedUrl'>,
  app: {
    packaged: boolean;
    installer: 'nsis' | 'msi' | 'dmg' | 'appimage' | 'deb' | 'rpm' | 'unknown';
  },
): UpdatePlan {
  if (!app.packaged) return { enabled: false, reason: 'this is not an installed build' };
  if (values.updateMode === 'off')
    return { enabled: false, reason: 'updates are off (policy or settings)' };
  if (values.updateFeedUrl === '')
    return { enabled: false, reason: 'no update feed is configured' };
  if (app.installer === 'msi')
    return { enabled: false, reason: 'MSI installs are updated by your IT team with a new MSI' };
  if (app.installer === 'unknown')
    return { enabled: false, reason: 'the installer type of this copy is unknown' };
  return {
    enabled: true,
    feed: { provider: 'generic', url: values.updateFeedUrl, channel: values.updateChannel },
    autoDownload: values.updateMode === 'automatic',
    autoInstallOnAppQuit: false,
    installAfterVerification: values.updateMode === 'automatic' ? 'at-quit' : 'when-the-user-says',
    allowDowngrade: false,
    allowPrerelease: values.updateChannel !== 'latest',
  };
}

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, net } from 'electron';
import { autoUpdater, NsisUpdater } from 'electron-updater';
import type { UpdateDownloadedEvent } from 'electron-updater';
import type { Logger } from '../logging/logger';
import type { SettingsStore } from '../settings/settingsStore';
import type { UpdatePlan } from './updatePlan';
import { updatePlan } from './updatePlan';
import { verifyLinuxUpdate } from './verifyLinux';
import { pinnedPublishers, verifyAuthenticode } from './verifyWindows';

/** What the Help menu shows about updates. */
export type UpdateState =
  | { kind: 'disabled'; reason: string }
  | { kind: 'idle' }
  | { kind: 'available'; version: string }
  | { kind: 'ready'; version: string }
  | { kind: 'refused'; version: string; reason: string };

/** Which installer put this copy here (electron-updater picks its updater the same way). */
function installer(): Parameters<typeof updatePlan>[1]['installer'] {
  if (process.platform === 'darwin') return 'dmg';
  if (process.platform === 'win32') {
    const uninstaller = join(dirname(process.execPath), `Uninstall ${app.getName()}.exe`);
    return existsSync(uninstaller) ? 'nsis' : 'msi';
  }
  if (process.env.APPIMAGE !== undefined) return 'appimage';
  const typeFile = join(process.resourcesPath, 'package-type');
  const type = existsSync(typeFile) ? readFileSync(typeFile, 'utf8').trim() : '';
  return type === 'deb' || type === 'rpm' ? type : 'unknown';
}

/**
 * electron-updater under IT's control (issue 21): mode, channel and feed from the policy, publisher
 * pinned and verified before anything installs. Windows: our Authenticode check replaces
 * electron-updater's (which fails open) and a build without a pinned publisher never updates.
 * macOS: Squirrel.Mac checks the code signature (same Team ID). Linux: the detached GPG signature
 * against the key shipped in resources/update-keys. Only Electron runs this; browser mode has no
 * updater. Untested here: there is no Electron binary on the build machines (docs/decisions/release-pipeline.md).
 */
export function startUpdater(deps: {
  settings: SettingsStore;
  logger: Logger;
  onState: (state: UpdateState) => void;
}): { check(): void; download(): void; install(): void } {
  const { logger } = deps;
  const plan: UpdatePlan = updatePlan(deps.settings.view().values, {
    packaged: app.isPackaged,
    installer: installer(),
  });
  const set = (state: UpdateState): void => {
    logger.info('update.state', { ...state });
    deps.onState(state);
  };
  if (!plan.enabled) {
    set({ kind: 'disabled', reason: plan.reason });
    return { check: () => undefined, download: () => undefined, install: () => undefined };
  }
  const appUpdateYml = join(process.resourcesPath, 'app-update.yml');
  const publishers = pinnedPublishers(
    existsSync(appUpdateYml) ? readFileSync(appUpdateYml, 'utf8') : undefined,
  );
  if (process.platform === 'win32') {
    if (publishers.length === 0) {
      set({
        kind: 'disabled',
        reason: 'this build pins no publisher, so updates cannot be verified',
      });
      return { check: () => undefined, download: () => undefined, install: () => undefined };
    }
    if (autoUpdater instanceof NsisUpdater)
      autoUpdater.verifyUpdateCodeSignature = verifyAuthenticode(publishers);
  }
  autoUpdater.setFeedURL(plan.feed);
  autoUpdater.channel = plan.feed.channel;
  autoUpdater.autoDownload = plan.autoDownload;
  autoUpdater.autoInstallOnAppQuit = plan.autoInstallOnAppQuit;
  autoUpdater.allowDowngrade = plan.allowDowngrade;
  autoUpdater.allowPrerelease = plan.allowPrerelease;
  autoUpdater.logger = {
    info: (m: unknown) => logger.info('update.updater', { message: String(m) }),
    warn: (m: unknown) => logger.warn('update.updater', { message: String(m) }),
    error: (m: unknown) => logger.warn('update.updater_error', { message: String(m) }),
  };
  let ready = false;

  async function verified(event: UpdateDownloadedEvent): Promise<string | null> {
    if (process.platform !== 'linux') return null;
    const name = event.downloadedFile.split(/[\\/]/).pop() ?? '';
    return verifyLinuxUpdate({
      file: event.downloadedFile,
      signatureUrl: new URL(
        `${encodeURIComponent(name)}.asc`,
        // The signature sits next to the file in the feed (scripts/checksums.mjs names it <file>.asc).
        `${plan.enabled ? plan.feed.url.replace(/\/+$/, '') : ''}/`,
      ).toString(),
      keyring: join(process.resourcesPath, 'update-keys', 'release.gpg'),
      fetch: (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init),
    });
  }

  autoUpdater.on('update-available', (info: { version: string }) => {
    set({ kind: 'available', version: info.version });
  });
  autoUpdater.on('update-downloaded', (event: UpdateDownloadedEvent) => {
    void verified(event).then((refusal) => {
      if (refusal !== null) {
        rmSync(event.downloadedFile, { force: true });
        set({ kind: 'refused', version: event.version, reason: refusal });
        return;
      }
      ready = true;
      if (plan.installAfterVerification === 'at-quit') autoUpdater.autoInstallOnAppQuit = true;
      set({ kind: 'ready', version: event.version });
    });
  });
  autoUpdater.on('error', (error: Error) => {
    logger.warn('update.failed', { error });
  });
  const check = (): void => {
    autoUpdater
      .checkForUpdates()
      .catch((error: unknown) => logger.warn('update.check_failed', { error }));
  };
  set({ kind: 'idle' });
  check();
  setInterval(check, 4 * 3_600_000).unref();
  return {
    check,
    download: () => {
      autoUpdater
        .downloadUpdate()
        .catch((error: unknown) => logger.warn('update.download_failed', { error }));
    },
    install: () => {
      if (ready) autoUpdater.quitAndInstall();
    },
  };
}

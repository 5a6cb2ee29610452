import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, net } from 'electron';
import { autoUpdater, NsisUpdater } from 'electron-updater';
import type { Logger } from '../logging/logger';
import type { SettingsStore } from '../settings/settingsStore';
import type { UpdatePlan } from './updatePlan';
import { updatePlan } from './updatePlan';
import type { UpdateState } from './updateFlow';
import { wireUpdater } from './updateFlow';
import { pinnedPublishers, verifyAuthenticode } from './verifyWindows';

export type { UpdateState } from './updateFlow';

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
 * against the key shipped in resources/update-keys (updateFlow.ts, tested with a real
 * AppImageUpdater on a loopback feed). Only Electron runs this file; browser mode has no updater.
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
  const flow = wireUpdater(autoUpdater, plan, {
    platform: process.platform,
    keyring: join(process.resourcesPath, 'update-keys', 'release.gpg'),
    fetch: (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init),
    logger,
    set,
  });
  const check = (): void => {
    void flow.check();
  };
  set({ kind: 'idle' });
  check();
  setInterval(check, 4 * 3_600_000).unref();
  return {
    check,
    download: () => {
      void flow.download();
    },
    install: () => {
      flow.install();
    },
  };
}

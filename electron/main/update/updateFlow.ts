import { rmSync } from 'node:fs';
import type { AppUpdater, UpdateDownloadedEvent } from 'electron-updater';
import type { Logger } from '../logging/logger';
import type { UpdatePlan } from './updatePlan';
import { verifyLinuxUpdate } from './verifyLinux';

/** What the Help menu shows about updates. */
export type UpdateState =
  | { kind: 'disabled'; reason: string }
  | { kind: 'idle' }
  | { kind: 'available'; version: string }
  | { kind: 'ready'; version: string }
  | { kind: 'refused'; version: string; reason: string };

/** Where a downloaded file's detached signature is: next to it in the feed (scripts/checksums.mjs). */
export function signatureUrlFor(feedUrl: string, downloadedFile: string): string {
  const name = downloadedFile.split(/[\\/]/).pop() ?? '';
  return new URL(`${encodeURIComponent(name)}.asc`, `${feedUrl.replace(/\/+$/, '')}/`).toString();
}

/**
 * Configures an electron-updater updater from IT's plan and decides what a download may become
 * (issue 21): nothing installs before our verification passed (Linux: the GPG signature against
 * the pinned key; Windows and macOS verify inside the updater, see updater.ts), a refused file is
 * deleted, and install-at-quit is switched on only after that. No Electron import here, so the
 * loopback-feed test drives a real electron-updater AppImageUpdater through it.
 */
export function wireUpdater(
  updater: AppUpdater,
  plan: Extract<UpdatePlan, { enabled: true }>,
  deps: {
    platform: NodeJS.Platform;
    /** The pinned release key (resources/update-keys/release.gpg). */
    keyring: string;
    fetch: typeof fetch;
    logger: Logger;
    set: (state: UpdateState) => void;
  },
): { check(): Promise<void>; download(): Promise<void>; install(): void } {
  const { logger, set } = deps;
  updater.setFeedURL(plan.feed);
  updater.channel = plan.feed.channel;
  updater.autoDownload = plan.autoDownload;
  updater.autoInstallOnAppQuit = plan.autoInstallOnAppQuit;
  updater.allowDowngrade = plan.allowDowngrade;
  updater.allowPrerelease = plan.allowPrerelease;
  updater.logger = {
    info: (m: unknown) => logger.info('update.updater', { message: String(m) }),
    warn: (m: unknown) => logger.warn('update.updater', { message: String(m) }),
    error: (m: unknown) => logger.warn('update.updater_error', { message: String(m) }),
  };
  let ready = false;

  async function refusal(event: UpdateDownloadedEvent): Promise<string | null> {
    if (deps.platform !== 'linux') return null;
    return verifyLinuxUpdate({
      file: event.downloadedFile,
      signatureUrl: signatureUrlFor(plan.feed.url, event.downloadedFile),
      keyring: deps.keyring,
      fetch: deps.fetch,
    });
  }

  updater.on('update-available', (info: { version: string }) => {
    set({ kind: 'available', version: info.version });
  });
  updater.on('update-downloaded', (event: UpdateDownloadedEvent) => {
    void refusal(event).then((reason) => {
      if (reason !== null) {
        rmSync(event.downloadedFile, { force: true });
        logger.warn('update.refused', { version: event.version, reason });
        set({ kind: 'refused', version: event.version, reason });
        return;
      }
      ready = true;
      if (plan.installAfterVerification === 'at-quit') updater.autoInstallOnAppQuit = true;
      set({ kind: 'ready', version: event.version });
    });
  });
  updater.on('error', (error: Error) => {
    logger.warn('update.failed', { error });
  });
  return {
    async check() {
      await updater
        .checkForUpdates()
        .catch((error: unknown) => logger.warn('update.check_failed', { error }));
    },
    async download() {
      await updater
        .downloadUpdate()
        .catch((error: unknown) => logger.warn('update.download_failed', { error }));
    },
    install: () => {
      if (ready) updater.quitAndInstall();
    },
  };
}

import { join } from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import { createMainServices } from './app/createServices';
import { attachElectronTransport } from './ipc/electronTransport';
import { handleAppProtocol, registerAppScheme } from './protocol/appProtocol';
import { createElectronPlatform } from './platform/electronPlatform';
import { adoptLegacyDataDir, appPaths } from './platform/paths';
import { APP_ORIGIN, isAllowedExternalUrl, isAppUrl } from './security/navigation';
import { defaultPolicyPath } from './settings/policy';
import { installAppMenu } from './window/appMenu';
import { denyAllPermissions, installContentsGuards } from './window/guards';
import { createMainWindow } from './window/mainWindow';
import type { HelpMenu } from './window/appMenu';
import type { UpdateState } from './update/updater';
import { startUpdater } from './update/updater';

// Electron entry point. Everything testable lives in plain modules; this file only wires Electron.
registerAppScheme();
app.enableSandbox();
// One data folder for the app, browser mode and the CLI (issue 21), set before anything uses it
// (the single-instance lock lives in userData). Chromium's session data stays off the roaming
// profile on Windows, beside the cache (STANDARDS 5.6).
const adopted = adoptLegacyDataDir(process.platform, process.env);
const paths = appPaths(process.platform, process.env);
app.setPath('userData', paths.data);
app.setPath('sessionData', paths.sessionData);
app.setAppLogsPath(paths.logs);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start);
}

function start(): void {
  const platform = createElectronPlatform(paths);
  const services = createMainServices({
    platform,
    policyPath: defaultPolicyPath(process.platform, process.env),
    isTrustedSender: (sender) => isAppUrl(sender.url, APP_ORIGIN),
    appName: app.getName(),
    appVersion: app.getVersion(),
  });
  const { logger, settings } = services;
  if (adopted !== undefined) logger.info('app.data_folder_adopted', { detail: adopted });
  handleAppProtocol(join(import.meta.dirname, '../renderer'), {
    vault: services.vault,
    logger,
    cases: services.cases,
  });
  denyAllPermissions(session.defaultSession, logger);
  // Only the app's own origin may be requested from the renderer: igv's fallback to igv.org and any
  // other outside request is cancelled and logged (STANDARDS 5.3, DESIGN igv facts).
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url, APP_ORIGIN) || details.url.startsWith('devtools:');
    if (!allowed) logger.warn('security.request_blocked', { url: details.url });
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => {
    installContentsGuards(contents, {
      appOrigin: APP_ORIGIN,
      allowedExternalOrigins: () => settings.view().values.externalLinkOrigins,
      openExternal: (url) => {
        if (isAllowedExternalUrl(url, settings.view().values.externalLinkOrigins))
          void shell.openExternal(url);
      },
      logger,
    });
  });
  const window = createMainWindow({
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    dataDir: platform.paths.data,
    url: `${APP_ORIGIN}/index.html`,
  });
  // Help → About → Licences is the Settings page's About section; updates follow the policy (issue 21).
  const help: HelpMenu = {
    openAbout: () => void window.loadURL(`${APP_ORIGIN}/index.html#/settings`),
    update: { kind: 'idle' },
    check: () => undefined,
    download: () => undefined,
    install: () => undefined,
  };
  const showMenu = (): void => installAppMenu(process.platform === 'darwin', !app.isPackaged, help);
  const updater = startUpdater({
    settings,
    logger,
    onState: (state: UpdateState) => {
      help.update = state;
      showMenu();
    },
  });
  Object.assign(help, updater);
  showMenu();
  const detach = attachElectronTransport(services.router, services.events, window);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    detach();
    services.close();
    app.quit();
  });
  logger.info('app.ready', { windows: BrowserWindow.getAllWindows().length });
}

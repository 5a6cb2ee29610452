import type { Session, WebContents } from 'electron';
import type { Logger } from '../logging/logger';
import { isAllowedExternalUrl, isNavigationAllowed } from '../security/navigation';

/** The part of WebContents the guards use: small enough to fake in unit tests. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Locks a renderer down (Electron checklist 11-15): navigation only within the app origin, no new
 * windows (allow-listed https links go to the system browser instead), no <webview>.
 */
export function installContentsGuards(
  contents: GuardedContents,
  deps: {
    appOrigin: string;
    allowedExternalOrigins: () => readonly string[];
    openExternal: (url: string) => void;
    logger: Logger;
  },
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, deps.appOrigin)) {
      event.preventDefault();
      deps.logger.warn('security.navigation_blocked', { url });
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url, deps.appOrigin)) {
      event.preventDefault();
      deps.logger.warn('security.redirect_blocked', { url });
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.logger.warn('security.webview_blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, deps.allowedExternalOrigins())) deps.openExternal(url);
    else deps.logger.warn('security.window_open_blocked', { url });
    return { action: 'deny' };
  });
}

/** Denies every permission request and check (checklist 5): the app needs none. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  logger: Logger,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('security.permission_denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

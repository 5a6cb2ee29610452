import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import type { Platform } from '../platform/platform';
import { isAllowedExternalUrl } from '../security/navigation';
import type { SettingsStore } from '../settings/settingsStore';
import type { Logger } from '../logging/logger';
import { words } from '../../../shared/appError';

/** Handlers for app:* channels. */
export function appHandlers(deps: {
  platform: Platform;
  settings: SettingsStore;
  logger: Logger;
  name: string;
  version: string;
  policyPath: string;
}): Pick<Handlers, 'app:info' | 'app:openExternal'> {
  const { platform, settings, logger } = deps;
  return {
    'app:info': () => ({
      name: deps.name,
      version: deps.version,
      platform: process.platform,
      runtime: platform.runtime(),
      paths: { data: platform.paths.data, logs: platform.paths.logs, policy: deps.policyPath },
      ...(platform.systemLanguages === undefined
        ? {}
        : { systemLanguages: platform.systemLanguages().slice(0, 20) }),
    }),
    'app:openExternal': async ({ url }) => {
      // Electron checklist 15: only allow-listed https origins reach shell.openExternal.
      if (!isAllowedExternalUrl(url, settings.view().values.externalLinkOrigins)) {
        logger.warn('external.refused', { url });
        throw new HandlerError(
          'NOT_ALLOWED',
          'This link is not on the list of sites Cohort Desk may open. Ask your IT team to allow it.',
          url,
          words('linkNotAllowed', { url }),
        );
      }
      const opened = await platform.openExternal(url);
      return { opened, delegated: !opened };
    },
  };
}

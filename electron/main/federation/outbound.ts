import type { Logger } from '../logging/logger';
import type { Platform } from '../platform/platform';
import type { SettingsStore } from '../settings/settingsStore';
import type { FederationDirectoryService } from './directory';
import { createEgressGuard } from './egressGuard';
import type { HostsService } from './hostsService';
import { createHostsService } from './hostsService';

/**
 * The published host list and the platform whose fetch keeps to it (issue 21): services that talk
 * to brokers and nodes get `net`; the directory and the list itself read with the platform's own
 * fetch (they are what the list is made from).
 */
export function createOutbound(deps: {
  directory: FederationDirectoryService;
  settings: SettingsStore;
  platform: Platform;
  logger: Logger;
}): {
  hosts: HostsService;
  net: Platform;
  /** The live session's broker (from the auth service, which is built on `net`). */
  useSession(issuer: () => string | undefined): void;
  close(): void;
} {
  const { directory, settings, platform, logger } = deps;
  let sessionIssuer = (): string | undefined => undefined;
  const hosts = createHostsService({
    directory,
    settings,
    platform,
    sessionIssuer: () => sessionIssuer(),
  });
  const egress = createEgressGuard({
    fetch: platform.fetch,
    hosts: () => hosts.list(),
    logger,
    staleOn: [(l) => directory.onChange(l), (l) => settings.onChange(l)],
  });
  return {
    hosts,
    net: { ...platform, fetch: egress.fetch },
    useSession(issuer) {
      sessionIssuer = issuer;
    },
    close: () => egress.close(),
  };
}

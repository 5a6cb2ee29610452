import { z } from 'zod';
import type { HostList } from '../../../shared/it/hosts';
import type { Platform } from '../platform/platform';
import type { SettingsStore } from '../settings/settingsStore';
import type { FederationDirectoryService } from './directory';
import { listHosts } from './hosts';

export interface HostsService {
  /** Every host and port the app may contact now, and why (issue 21). */
  list(): Promise<HostList>;
}

/** The hosts list over the live directory, settings and broker discovery (through platform.fetch). */
export function createHostsService(deps: {
  directory: FederationDirectoryService;
  settings: SettingsStore;
  platform: Pick<Platform, 'fetch'>;
  /** The live session's broker issuer, if any (the auth service, created later, fills it in). */
  sessionIssuer?: () => string | undefined;
}): HostsService {
  const discover = async (issuer: string): Promise<Record<string, unknown>> => {
    const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const res = await deps.platform.fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    // Only string members are used (listHosts reads the endpoint URLs); anything else is ignored.
    return z.record(z.string(), z.unknown()).parse(await res.json());
  };
  return {
    async list() {
      const values = deps.settings.view().values;
      const sessionIssuer = deps.sessionIssuer?.();
      return listHosts({
        ...(sessionIssuer === undefined ? {} : { sessionIssuer }),
        directoryUrl: values.federationConfigUrl,
        directory: await deps.directory.get(),
        updateFeedUrl: values.updateMode === 'off' ? undefined : values.updateFeedUrl,
        externalLinkOrigins: values.externalLinkOrigins,
        discover,
      });
    },
  };
}

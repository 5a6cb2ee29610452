import type { Handlers } from '../ipc/router';
import type { FederationDirectoryService } from './directory';

/** Handlers for federation:* channels. */
export function federationHandlers(
  directory: FederationDirectoryService,
): Pick<Handlers, 'federation:directory'> {
  return { 'federation:directory': () => directory.get() };
}

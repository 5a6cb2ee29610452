import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import type { FederationDirectoryService } from './directory';
import { words } from '../../../shared/appError';

/** The underlying failure (a network or format problem) the directory's English wraps. */
const causeText = (error: unknown): string => {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Error ? cause.message : String(cause ?? error);
};

/** Handlers for federation:* channels. */
export function federationHandlers(
  directory: FederationDirectoryService,
): Pick<Handlers, 'federation:directory' | 'federation:check'> {
  return {
    'federation:directory': () => directory.get(),
    'federation:check': async ({ url }) => {
      try {
        return await directory.check(url);
      } catch (error: unknown) {
        // An address that does not answer or holds no directory is the person's to fix: say why.
        throw new HandlerError(
          'INVALID_REQUEST',
          error instanceof Error ? error.message : String(error),
          'federationConfigUrl',
          words('federationAddress', { url, detail: causeText(error) }),
        );
      }
    },
  };
}

import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import type { FederationDirectoryService } from './directory';
import { words } from '../../../shared/appError';
import type { CodedParams } from '../../../shared/i18n/coded';
import { causeOf } from './directoryFile';

/** The underlying failure the directory's English wraps, as the `directoryCause` values. */
const causeParams = (error: unknown): CodedParams =>
  causeOf(error instanceof Error && error.cause !== undefined ? error.cause : error);

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
          // The cause as a code and values the window words (decision 0076).
          words('federationAddress', { url, ...causeParams(error) }),
        );
      }
    },
  };
}

import type { Handlers } from '../ipc/router';
import { words } from '../../../shared/appError';
import { HandlerError } from '../ipc/router';
import type { PullService } from './pullService';
import { PullForbiddenError } from './pullService';

type PullChannels =
  'pull:check' | 'pull:start' | 'pull:pause' | 'pull:resume' | 'pull:cancel' | 'pull:jobs';

/** Handlers for pull:* channels (issue 6). */
export function pullHandlers(pull: PullService): Pick<Handlers, PullChannels> {
  return {
    'pull:check': (target) => pull.check(target),
    'pull:start': async ({ query, ...target }) => {
      try {
        return await pull.start(target, query);
      } catch (error: unknown) {
        // The reasons themselves are pull:check's (coded one by one, decision 0070): the window
        // asks again and shows them where the check is shown.
        if (error instanceof PullForbiddenError)
          throw new HandlerError(
            'NOT_ALLOWED',
            error.message,
            undefined,
            words('pullRefused', { dataset: error.target.datasetId }),
          );
        throw error;
      }
    },
    'pull:pause': ({ jobId }) => ({ ok: pull.pause(jobId) }),
    'pull:resume': async ({ jobId }) => ({ ok: await pull.resume(jobId) }),
    'pull:cancel': ({ jobId }) => ({ ok: pull.cancel(jobId) }),
    'pull:jobs': async () => ({ jobs: await pull.jobs() }),
  };
}

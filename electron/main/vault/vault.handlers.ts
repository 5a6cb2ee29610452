import { PullQuerySchema } from '../../../shared/domain/vault';
import type { AuditLog } from '../audit/auditLog';
import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import type { PullService } from '../pull/pullService';
import { PullForbiddenError } from '../pull/pullService';
import { WrongPassphraseError } from './masterKey';
import type { VaultService } from './vaultService';

type VaultChannels =
  | 'vault:list'
  | 'vault:unlock'
  | 'pull:check'
  | 'pull:start'
  | 'pull:pause'
  | 'pull:resume'
  | 'pull:cancel'
  | 'pull:jobs';

/** Handlers for vault:* and pull:* channels (issue 6). */
export function vaultHandlers(
  vault: VaultService,
  pull: PullService,
  audit: AuditLog,
): Pick<Handlers, VaultChannels> {
  return {
    'vault:list': () => vault.list(),
    'vault:unlock': async ({ passphrase }) => {
      try {
        return await vault.unlock(passphrase);
      } catch (error: unknown) {
        if (error instanceof WrongPassphraseError) {
          audit.append('vault.unlock_failed', {});
          throw new HandlerError('NOT_ALLOWED', error.message, 'passphrase');
        }
        throw error;
      }
    },
    'pull:check': (target) => pull.check(target),
    'pull:start': async ({ query, ...target }) => {
      try {
        return await pull.start(target, PullQuerySchema.parse(query ?? {}));
      } catch (error: unknown) {
        if (error instanceof PullForbiddenError)
          throw new HandlerError('NOT_ALLOWED', error.message);
        throw error;
      }
    },
    'pull:pause': ({ jobId }) => ({ ok: pull.pause(jobId) }),
    'pull:resume': ({ jobId }) => ({ ok: pull.resume(jobId) }),
    'pull:cancel': ({ jobId }) => ({ ok: pull.cancel(jobId) }),
    'pull:jobs': () => ({ jobs: pull.jobs() }),
  };
}

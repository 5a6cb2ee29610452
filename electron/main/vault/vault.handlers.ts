import type { AuditLog } from '../audit/auditLog';
import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import { WrongPassphraseError } from './masterKey';
import type { VaultService } from './vaultService';
import { removeDataset } from './vaultRemove';
import { words } from '../../../shared/appError';

/** Handlers for vault:* channels (issue 6); pull:* live with the pulls (pull/pull.handlers.ts). */
export function vaultHandlers(
  vault: VaultService,
  audit: AuditLog,
): Pick<Handlers, 'vault:list' | 'vault:unlock' | 'vault:remove'> {
  return {
    'vault:list': () => vault.list(),
    'vault:remove': ({ datasetId }) => removeDataset(vault, audit, datasetId),
    'vault:unlock': async ({ passphrase }) => {
      try {
        return await vault.unlock(passphrase);
      } catch (error: unknown) {
        if (error instanceof WrongPassphraseError) {
          audit.append('vault.unlock_failed', {});
          throw new HandlerError(
            'NOT_ALLOWED',
            error.message,
            'passphrase',
            words('wrongPassphrase'),
          );
        }
        throw error;
      }
    },
  };
}

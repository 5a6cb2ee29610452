import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultList } from '../../../shared/vault/vault';
import type { AuditLog } from '../audit/auditLog';
import { HandlerError } from '../ipc/router';
import { safeDatasetId } from './datasetFolder';
import type { VaultService } from './vaultTypes';
import { words } from '../../../shared/appError';

/**
 * Deletes one of the signed-in user's cached datasets on request (issue 23: `cli cache purge`),
 * as the purge deletes one (DATA-09): the wrapped key first (crypto-shredding), then the folder;
 * audited as `vault.purge` with reason `user-removed`. Only the user's own copies can be named.
 */
export function removeDataset(vault: VaultService, audit: AuditLog, datasetId: string): VaultList {
  const w = vault.writer();
  if (w === undefined)
    throw new HandlerError(
      'NOT_ALLOWED',
      vault.locked() ? 'The vault is locked: unlock it first.' : 'Sign in to remove your copies.',
      undefined,
      words(vault.locked() ? 'vaultLockedRemove' : 'signInToRemove'),
    );
  const dir = join(w.userDir, datasetId);
  if (!safeDatasetId(datasetId) || !existsSync(dir))
    throw new HandlerError(
      'INVALID_REQUEST',
      `${datasetId} is not in your cache.`,
      'datasetId',
      words('notInCache', { dataset: datasetId }),
    );
  rmSync(join(dir, 'key.wrapped'), { force: true });
  rmSync(dir, { recursive: true, force: true });
  audit.append('vault.purge', {
    datasetId,
    reason: 'user-removed',
    sub: w.user.sub,
    iss: w.user.iss,
  });
  vault.changed();
  return vault.list();
}

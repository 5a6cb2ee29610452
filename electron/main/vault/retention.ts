import type { RemovedReason } from '../../../shared/domain/vault';
import type { DatasetGrant } from '../auth/access/datasetGrants';
import type { BindingFile } from './datasetFolder';

/** Whether a cached dataset may be read now, and whether the next purge deletes it (PASS-03, DATA-05). */
export type Readability =
  | { readable: true; purge?: undefined; message?: undefined }
  | { readable: false; purge?: RemovedReason; message: string };

/**
 * `grants` is the signed-in user's current passport grants, or undefined when the dataset's owner is
 * not signed in (then only the recorded expiry can decide; a missing grant cannot be told apart
 * from a signed-out session). Retention end = min(visa exp, manifest expiresAt).
 */
export function readability(
  binding: BindingFile | undefined,
  grants: readonly DatasetGrant[] | undefined,
  nowMs: number,
): Readability {
  if (binding === undefined) {
    return {
      readable: false,
      purge: 'corrupt',
      message: 'The dataset folder is incomplete or damaged.',
    };
  }
  const end = Math.min(binding.visa.exp * 1000, Date.parse(binding.expiresAt));
  if (end <= nowMs) {
    return {
      readable: false,
      purge: 'visa-expired',
      message: `The access grant for ${binding.datasetId} expired on ${new Date(end).toISOString()}; the local copy is deleted.`,
    };
  }
  if (grants === undefined)
    return { readable: false, message: 'Sign in as the user who pulled this dataset.' };
  const held = grants.some(
    (g) =>
      g.datasetId === binding.datasetId &&
      g.visa.value === binding.visa.value &&
      g.visa.iss === binding.visa.iss &&
      g.visa.source === binding.visa.source,
  );
  if (!held) {
    return {
      readable: false,
      purge: 'visa-revoked',
      message: `Your passport no longer holds the access grant for ${binding.datasetId} (revoked or ended at the issuer); the local copy is deleted.`,
    };
  }
  return { readable: true };
}

/** Zeroes and forgets every cached data key whose map key ends with `suffix` ('' = all). */
export function dropKeys(keys: Map<string, Buffer>, suffix: string): void {
  for (const [k, v] of [...keys]) {
    if (!k.endsWith(suffix)) continue;
    v.fill(0);
    keys.delete(k);
  }
}

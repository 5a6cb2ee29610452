import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultUser } from './datasetFolder';
import { openWrappedKey, scopeOf } from './datasetFolder';

/** The dataset's `key.wrapped` is gone: its data can never be decrypted again (DATA-09). */
export class KeyFileMissingError extends Error {
  override readonly name = 'KeyFileMissingError';
}

export interface DataKeyCache {
  /**
   * The data key of the dataset in `dir`. `key.wrapped` is read on every use and the cached key is
   * reused only while the file is byte-identical: a re-pull (new key, issue 12 item 3) or a deleted
   * key file (item 13) is noticed at once instead of answering from memory.
   */
  get(dir: string, user: VaultUser, datasetId: string, masterKey: Buffer): Buffer;
  /** Zeroes and forgets the keys of one dataset id (every user), or all with ''. */
  drop(datasetId: string): void;
}

/** Unwrapped data keys held in main's memory, keyed by user scope and dataset. */
export function createDataKeyCache(): DataKeyCache {
  const keys = new Map<string, { wrapped: Buffer; key: Buffer }>();
  const forget = (k: string): void => {
    keys.get(k)?.key.fill(0);
    keys.delete(k);
  };
  return {
    get(dir, user, datasetId, masterKey) {
      const k = `${scopeOf(user)}/${datasetId}`;
      const file = join(dir, 'key.wrapped');
      if (!existsSync(file)) {
        forget(k);
        throw new KeyFileMissingError(
          `The key file of ${datasetId} is missing, so its local copy can no longer be decrypted; pull the dataset again.`,
        );
      }
      const wrapped = readFileSync(file);
      const cached = keys.get(k);
      if (cached?.wrapped.equals(wrapped) === true) return cached.key;
      forget(k);
      const key = openWrappedKey(wrapped, user, datasetId, masterKey);
      keys.set(k, { wrapped, key });
      return key;
    },
    drop(datasetId) {
      for (const k of [...keys.keys()])
        if (datasetId === '' || k.endsWith(`/${datasetId}`)) forget(k);
    },
  };
}

// The vault service's interface, apart from its logic (files stay under 300 lines).
import type { VaultList, VaultPart } from '../../../shared/vault/vault';
import type { VaultNoteCoded } from '../../../shared/vault/vaultNote';
import type { VaultRefusalSaid } from '../../../shared/vault/vaultRefusal';
import type { VaultUser } from './datasetFolder';
import type { KeyDeriver } from './keyHierarchy';
import type { LocalCachePolicy } from './retention';
import type { StateOwner } from './userState';

/** The encrypted local cache (DESIGN vault, DATA-01..09). */
export interface VaultService {
  /** The signed-in user's datasets, purges and notes; nothing of anyone else's (issue 13). */
  list(): VaultList;
  /** True while the master key is unavailable (passphrase needed, or the key storage failed). */
  locked(): boolean;
  /**
   * Settles once the vault has tried the computer's key storage at start (open, or locked for a
   * passphrase). Until then writer() is undefined even for a vault that will open: callers that
   * list what a signed-in user left behind (interrupted pulls) wait for it.
   */
  opened(): Promise<void>;
  unlock(passphrase: string): Promise<VaultList>;
  /** Whether the vault's passphrase was ever chosen (false: the first unlock chooses it). */
  passphraseIsSet(): boolean;
  /** The master key and the signed-in user, or undefined when locked or signed out. */
  writer(): { user: VaultUser; masterKey: Buffer; userDir: string } | undefined;
  /** The signed-in user's per-user state folder and, while the vault is open, their state key (0011). */
  stateOwner(): StateOwner | undefined;
  /**
   * Plaintext of one part (the DuckDB file, or a legacy Arrow table), or why not (PASS-03:
   * expiry/revocation refuse at once; a part the dataset's format lacks is 404).
   */
  readPart(
    datasetId: string,
    part: VaultPart,
  ):
    | { ok: true; bytes: Buffer }
    | { ok: false; status: number; message: string; said: VaultRefusalSaid };
  /**
   * Rewrites a dataset cached before decision 0027 (Arrow tables, or a layout-1 DuckDB file) into
   * the query layout, once, natively, sealed and swapped atomically (cacheUpgrade.ts); true when it
   * did. Rejects when the rewrite failed: the old copy stays readable as before.
   */
  upgrade(datasetId: string): Promise<boolean>;
  /** Deletes datasets and staged pulls whose grant ended or left the passport, or policy forbids (DATA-05). */
  purge(trigger: string): void;
  /** Tell listeners the vault changed (after a pull commits). */
  changed(): void;
  onChange(listener: (list: VaultList) => void): () => void;
  /**
   * Key derivation for the stores beside the vault (audit chain, per-user files), once the master
   * key is known: at start, or at unlock; at once if it already is (docs/decisions/0016-audit-log-keys.md).
   */
  onKeys(listener: (derive: KeyDeriver) => void): () => void;
  /** Called with each staged pull the purge deleted (the pull service stops that job). */
  onStagingPurged(
    listener: (jobId: string, message: string, said: VaultNoteCoded | undefined) => void,
  ): () => void;
  close(): void;
}

/** Where the vault learns whether local copies are allowed (settings + policy, issue 13). */
export interface LocalCacheSource {
  get(): LocalCachePolicy;
  onChange(listener: () => void): () => void;
}

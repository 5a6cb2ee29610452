import { hkdfSync } from 'node:crypto';
import { canonicalJson } from '../audit/canonicalJson';
import type { VaultUser } from './datasetFolder';

/**
 * Keys derived from the vault master key (docs/decisions/0011-vault-key-hierarchy.md): HKDF-SHA256
 * (RFC 5869) with a fixed salt and `info` = canonical JSON of {v, purpose[, iss, sub]}. A derived key
 * never leaves main and is never written anywhere; it exists only while the master key does (the
 * vault is unlocked). Different purposes or users give unrelated keys, so one key opening another
 * user's file, or a MAC key decrypting data, is impossible by construction.
 */

const SALT = Buffer.from('cohort-desk vault key hierarchy v1', 'utf8');

/** Every purpose a key is derived for; a new use gets a new name here (never reuse one). */
export type KeyPurpose =
  /** MAC over each dataset's and staged pull's plaintext binding.json (app-wide: purge without a session). */
  | 'binding-mac'
  /** Per-user encrypted state files (recent queries, saved cohorts): needs the user. */
  | 'user-state'
  /** The audit log's keyed hash chain (app-wide: sign-in failures have no user). */
  | 'audit-chain';

/** A 32-byte key for `purpose` (and `user`, for per-user purposes) from the master key. */
export function deriveKey(masterKey: Buffer, purpose: KeyPurpose, user?: VaultUser): Buffer {
  const info = canonicalJson({
    v: 1,
    purpose,
    ...(user === undefined ? {} : { iss: user.iss, sub: user.sub }),
  });
  return Buffer.from(hkdfSync('sha256', masterKey, SALT, Buffer.from(info, 'utf8'), 32));
}

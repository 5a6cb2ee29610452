import { hkdfSync } from 'node:crypto';
import { canonicalJson } from '../audit/canonicalJson';

/**
 * Keys for what is kept beside the vault, all derived from the vault master key
 * (docs/decisions/0011-vault-keys-revocation-user-state.md, 0016-audit-log-keys.md): HKDF-SHA256
 * (RFC 5869) with a fixed salt and `info` = canonical JSON of { v: 1, purpose, scope? }, 32 bytes.
 * A derived key never leaves main and is never written anywhere; it exists only while the master key
 * does (the vault is unlocked), so crypto-shredding the master key shreds them all. Different
 * purposes or scopes give unrelated keys: a key opening another user's file, or a MAC key
 * decrypting data, is impossible by construction.
 *
 * `scope` is a user's vault folder name (datasetFolder.ts `scopeOf`: sha256(iss ‖ sub), 32 hex), so
 * per-user keys can be derived from what is on disk (a DPO export by user) without the sub.
 */
const SALT = Buffer.from('cohort-desk vault key hierarchy v1', 'utf8');

/** Every purpose a key is derived for; a new use gets a new name here (never reuse one). */
export type KeyPurpose =
  /** MAC over each dataset's and staged pull's plaintext binding.json (app-wide: purge without a session). */
  | 'binding-mac'
  /** A user's encrypted state files (recent queries, saved cohorts): scoped to the user. */
  | 'user-state'
  /** HMAC key of the audit hash chain (one per installation: IT verifies one log). */
  | 'audit-chain'
  /** Seed of a user's X25519 key for the sensitive fields of audit entries: scoped to the user. */
  | 'audit-fields'
  /** Wraps each case's random data key (issue 16, cases/caseFolder.ts): scoped to the case owner. */
  | 'case-data'
  /** Seals the refresh token where no OS secret store exists (the command line; decision 0032). */
  | 'session-token';

/** Derives one 32-byte key for a purpose (and a user's scope) from the master key. */
export function deriveKey(masterKey: Uint8Array, purpose: KeyPurpose, scope?: string): Buffer {
  const info = canonicalJson({ v: 1, purpose, ...(scope === undefined ? {} : { scope }) });
  return Buffer.from(hkdfSync('sha256', masterKey, SALT, Buffer.from(info, 'utf8'), 32));
}

/** What a service gets instead of the master key: derivation only, refused once the vault closes. */
export type KeyDeriver = (purpose: KeyPurpose, scope?: string) => Buffer;

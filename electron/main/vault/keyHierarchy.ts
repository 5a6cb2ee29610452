import { hkdfSync } from 'node:crypto';
import { canonicalJson } from '../audit/canonicalJson';

/**
 * Keys for what is kept beside the vault, all derived from the vault master key
 * (docs/decisions/audit-log-keys.md): HKDF-SHA256, salt empty, info = canonical JSON of
 * { v: 1, purpose, scope? }, 32 bytes. Nothing derived is ever written to disk, so one master key
 * (sealed by the platform key storage, or from the passphrase) holds them all, and crypto-shredding
 * the master key shreds them too.
 *
 * `scope` is the user's vault folder name (datasetFolder.ts scopeOf: sha256(iss ‖ sub), 32 hex),
 * so per-user keys can be derived from what is on disk (a DPO export by user) without the sub.
 */
export type KeyPurpose =
  /** HMAC key of the audit hash chain (one per installation: IT verifies one log). */
  | 'audit-chain'
  /** Seed of a user's X25519 key for the sensitive fields of audit entries. */
  | 'audit-fields'
  /** A user's files of queries (recent and saved searches). */
  | 'user-queries';

/** Derives one 32-byte key for a purpose (and a user's scope) from the master key. */
export function deriveKey(masterKey: Uint8Array, purpose: KeyPurpose, scope?: string): Buffer {
  const info = canonicalJson({ v: 1, purpose, scope });
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
}

/** What a service gets instead of the master key: derivation only, refused once the vault closes. */
export type KeyDeriver = (purpose: KeyPurpose, scope?: string) => Buffer;

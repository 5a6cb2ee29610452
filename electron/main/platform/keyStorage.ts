import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { MemoryOnlyWhy } from '../../../shared/auth/session';

/**
 * Where secrets at rest (the refresh token, later the vault master key) are sealed (AUTH-08).
 * `secure-store`: sealed with a key the OS protects (Electron safeStorage) or, in tests, an explicit
 * test key. `memory-only`: nothing may be persisted; `reason` says why in plain words.
 */
export interface KeyStorage {
  readonly mode: 'secure-store' | 'memory-only';
  readonly reason?: string;
  /** `reason` as a code, for the renderer to word in the user's language (issue 22). */
  readonly why?: MemoryOnlyWhy;
  /** Seals bytes; throws when mode is memory-only. */
  seal(plain: Uint8Array): Promise<Uint8Array>;
  /** Opens sealed bytes; throws when they were tampered with or sealed by another key. */
  open(sealed: Uint8Array): Promise<Uint8Array>;
}

export type { MemoryOnlyWhy };

/** A key storage that refuses to persist anything, with the reason shown to the user. */
export function memoryOnlyKeyStorage(reason: string, why?: MemoryOnlyWhy): KeyStorage {
  const refuse = (): Promise<never> =>
    Promise.reject(new Error(`Secrets are kept in memory only: ${reason}`));
  return {
    mode: 'memory-only',
    reason,
    ...(why === undefined ? {} : { why }),
    seal: refuse,
    open: refuse,
  };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The explicit test key provider (DESIGN vault: "an explicit test key provider in tests"): AES-256-GCM
 * with a key the test supplies. Never used by the app itself.
 */
export function testKeyStorage(key: Uint8Array): KeyStorage {
  if (key.length !== 32) throw new Error('test key must be 32 bytes');
  return {
    mode: 'secure-store',
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    open(sealed) {
      const buf = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, IV_BYTES));
      decipher.setAuthTag(buf.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Promise.resolve(
        Buffer.concat([decipher.update(buf.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]),
      );
    },
  };
}

import { randomBytes, scrypt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { KeyStorage } from '../platform/keyStorage';
import { writeFileAtomic } from '../settings/atomicWrite';
import { openSmall, sealSmall, VaultIntegrityError } from './chunkedCipher';

/**
 * The vault master key (DESIGN vault): random, sealed by the platform key storage (Electron
 * safeStorage; the explicit test provider in tests). Where the key storage is memory-only (no
 * safeStorage, basic_text, browser mode) the key is derived from a passphrase with scrypt instead.
 * The master key only wraps per-dataset data keys; it never encrypts data directly.
 */

const SEALED_FILE = 'master.sealed';
const SCRYPT_FILE = 'master.scrypt.json';
const VERIFIER = Buffer.from('cohort-desk vault passphrase verifier v1');
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

const ScryptFileZ = z.object({
  v: z.literal(1),
  salt: z.string(),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  verifier: z.string(),
});

/** A wrong passphrase: typed, so the UI can say so without a crash. */
export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
}

/** The sealed random master key, created on first use; undefined when the key storage cannot persist. */
export async function loadSealedMasterKey(
  dir: string,
  keys: KeyStorage,
): Promise<Buffer | undefined> {
  if (keys.mode !== 'secure-store') return undefined;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, SEALED_FILE);
  if (existsSync(file)) {
    try {
      return Buffer.from(await keys.open(readFileSync(file)));
    } catch {
      throw new VaultIntegrityError('the vault master key cannot be opened with this key storage');
    }
  }
  const key = randomBytes(32);
  writeFileAtomic(file, await keys.seal(key));
  return key;
}

function derive(
  passphrase: string,
  salt: Buffer,
  p: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), salt, 32, { ...SCRYPT, ...p }, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

/** How the master key in a vault folder is kept: passphrase (scrypt), sealed by the key storage, or none yet. */
export function masterKeyKind(dir: string): 'passphrase' | 'sealed' | 'none' {
  if (existsSync(join(dir, SCRYPT_FILE))) return 'passphrase';
  return existsSync(join(dir, SEALED_FILE)) ? 'sealed' : 'none';
}

/** The passphrase-derived master key (scrypt); creates the salt and verifier on first unlock. */
/** Whether a passphrase was ever chosen for the vault in `dir` (else the next unlock sets it). */
export const passphraseIsSet = (dir: string): boolean => existsSync(join(dir, SCRYPT_FILE));

export async function unlockWithPassphrase(dir: string, passphrase: string): Promise<Buffer> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, SCRYPT_FILE);
  if (existsSync(file)) {
    const f = ScryptFileZ.parse(JSON.parse(readFileSync(file, 'utf8')));
    const key = await derive(passphrase, Buffer.from(f.salt, 'base64'), f);
    try {
      openSmall(key, Buffer.from(f.verifier, 'base64'), VERIFIER);
    } catch {
      throw new WrongPassphraseError('That passphrase does not open this vault.');
    }
    return key;
  }
  const salt = randomBytes(16);
  const key = await derive(passphrase, salt, SCRYPT);
  const verifier = sealSmall(key, VERIFIER, VERIFIER).toString('base64');
  const body = {
    v: 1,
    salt: salt.toString('base64'),
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    verifier,
  };
  writeFileAtomic(file, JSON.stringify(body));
  return key;
}

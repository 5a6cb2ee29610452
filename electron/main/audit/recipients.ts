import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../settings/atomicWrite';
import { sameHex } from './auditEntry';
import { canonicalJson } from './canonicalJson';

/**
 * The public keys that sensitive audit fields are sealed to, per recipient (a user's scope or the
 * installation), kept beside the log so entries can be sealed while the vault is locked. Each key
 * carries an HMAC under the audit chain key: a key swapped while the app was closed is found (and
 * replaced, with an audit entry) as soon as the vault opens.
 */
const FileZ = z.object({
  v: z.literal(1),
  keys: z.record(z.string(), z.object({ pub: z.string(), mac: z.string() })),
});
type RecipientsFile = z.infer<typeof FileZ>;

const macOf = (key: Uint8Array, to: string, pub: string): string =>
  createHmac('sha256', key)
    .update(canonicalJson({ what: 'cohort-desk audit recipient v1', to, pub }))
    .digest('hex');

export interface Recipients {
  /** The cached public key for a recipient (not checked: the vault may be locked). */
  get(to: string): string | undefined;
  /** Records the true public key; returns true when a different one was cached (tampering). */
  put(to: string, pub: string, macKey: Uint8Array): boolean;
  /** Every recipient with a cached key. */
  known(): string[];
}

/** Opens the recipients file (created on first put); an unreadable file counts as empty. */
export function openRecipients(file: string): Recipients {
  let data: RecipientsFile = read();
  function read(): RecipientsFile {
    try {
      if (existsSync(file)) return FileZ.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // An unreadable file only means keys are recomputed once the vault opens.
    }
    return { v: 1, keys: {} };
  }
  return {
    get: (to) => data.keys[to]?.pub,
    put(to, pub, macKey) {
      const cached = data.keys[to];
      const mac = macOf(macKey, to, pub);
      if (cached !== undefined && cached.pub === pub && sameHex(cached.mac, mac)) return false;
      data = { v: 1, keys: { ...data.keys, [to]: { pub, mac } } };
      writeFileAtomic(file, JSON.stringify(data));
      return cached !== undefined;
    },
    known: () => Object.keys(data.keys),
  };
}

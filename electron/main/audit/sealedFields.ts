import type { KeyObject } from 'node:crypto';
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
} from 'node:crypto';
import { openSmall, sealSmall } from '../vault/chunkedCipher';
import type { KeyDeriver } from '../vault/keyHierarchy';
import type { SealedFields } from './auditEntry';
import { canonicalJson } from './canonicalJson';

/**
 * Sealing the sensitive fields of an audit entry (issue 12 item 11: query terms, cohort names and
 * filters are patient data). Each user has an X25519 key derived from the vault master key
 * (keyHierarchy 'audit-fields', their scope); fields are sealed to its public half with an
 * ephemeral key (ECIES: X25519, HKDF-SHA256, AES-256-GCM), so an entry can be sealed while the vault
 * is locked as long as the public key is known, and only the master key opens it.
 */

/** Fields everyone who reads the log (IT, the DPO) may see: who, what kind, which datasets, counts. */
const READABLE = new Set([
  'bytes',
  'code',
  'count',
  'datasetId',
  'datasets',
  'format',
  'from',
  'id',
  'iss',
  'issuer',
  'jti',
  'leftOut',
  'line',
  'message',
  'nodeId',
  'nodes',
  'purpose',
  'quarantined',
  'queryId',
  'reason',
  'reasons',
  'rows',
  'sub',
  'to',
  'type',
  'value',
]);

/** Splits fields into readable and sensitive ones; a field not listed as readable is sensitive. */
export function splitFields(fields: Record<string, unknown>): {
  readable: Record<string, unknown>;
  sensitive: Record<string, unknown> | undefined;
} {
  const readable: Record<string, unknown> = {};
  const sensitive: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) (READABLE.has(k) ? readable : sensitive)[k] = v;
  return { readable, sensitive: Object.keys(sensitive).length > 0 ? sensitive : undefined };
}

/** The recipient of entries written while nobody is signed in. */
export const INSTALLATION = 'installation';

const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');
const INFO = 'cohort-desk audit fields v1';

/** A recipient's private key: derived from the master key, never stored. */
export function recipientPrivateKey(derive: KeyDeriver, to: string): KeyObject {
  const seed = derive('audit-fields', to === INSTALLATION ? undefined : to);
  return createPrivateKey({
    key: Buffer.concat([PKCS8_X25519, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

/** The raw 32-byte public key (hex) of a private key. */
export function publicHex(key: KeyObject): string {
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return spki.subarray(SPKI_X25519.length).toString('hex');
}

const publicKeyOf = (hex: string): KeyObject =>
  createPublicKey({
    key: Buffer.concat([SPKI_X25519, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });

/** What a sealed box is bound to: the entry it belongs to, so it cannot be moved to another. */
export const boxBinding = (e: { seq: number; t: string; type: string; to: string }): Buffer =>
  Buffer.from(canonicalJson({ what: 'audit-fields', seq: e.seq, t: e.t, type: e.type, to: e.to }));

function boxKey(shared: Buffer, epk: string, recipient: string): Buffer {
  const salt = Buffer.from(epk + recipient, 'hex');
  return Buffer.from(hkdfSync('sha256', shared, salt, INFO, 32));
}

/** Seals fields to a recipient's public key (hex). */
export function sealTo(
  recipient: { to: string; publicKey: string },
  fields: Record<string, unknown>,
  binding: Buffer,
): SealedFields {
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({
    privateKey: eph.privateKey,
    publicKey: publicKeyOf(recipient.publicKey),
  });
  const epk = publicHex(eph.privateKey);
  const plain = Buffer.from(JSON.stringify(fields), 'utf8');
  const box = sealSmall(boxKey(shared, epk, recipient.publicKey), plain, binding);
  return { to: recipient.to, epk, box: box.toString('hex') };
}

/** Opens sealed fields with the recipient's key pair; throws when they fail authentication. */
export function openSealed(
  sealed: { epk: string; box: string },
  recipient: { privateKey: KeyObject; publicKey: string },
  binding: Buffer,
): Record<string, unknown> {
  const shared = diffieHellman({
    privateKey: recipient.privateKey,
    publicKey: publicKeyOf(sealed.epk),
  });
  const key = boxKey(shared, sealed.epk, recipient.publicKey);
  const plain = openSmall(key, Buffer.from(sealed.box, 'hex'), binding);
  return JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
}

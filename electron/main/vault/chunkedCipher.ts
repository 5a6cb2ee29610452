import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * The vault's file encryption (DATA-03, docs/decisions/0006-vault-format.md): AES-256-GCM in chunks
 * so a large table never needs one giant GCM call and a flipped, dropped, reordered or appended
 * chunk is detected. Per-chunk nonce = random 8-byte file nonce ‖ u32 chunk index; every chunk's
 * associated data = the file header ‖ chunk index ‖ final-chunk flag ‖ the caller's binding (e.g.
 * the manifest hash and table name), so a chunk cannot move to another position, file or dataset.
 */

const MAGIC = Buffer.from('CDVAULT1', 'ascii');
const HEADER_BYTES = 32;
const TAG_BYTES = 16;
/** Default plaintext bytes per chunk. */
export const CHUNK_BYTES = 1024 * 1024;

/** Thrown for anything that does not decrypt and verify: wrong key, tampering, truncation. */
export class VaultIntegrityError extends Error {
  override readonly name = 'VaultIntegrityError';
}

function header(chunkBytes: number, fileNonce: Buffer, plainLength: number): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(h, 0);
  h.writeUInt32BE(chunkBytes, 8);
  fileNonce.copy(h, 12);
  h.writeBigUInt64BE(BigInt(plainLength), 20);
  return h;
}

function chunkAad(head: Buffer, index: number, final: boolean, binding: Uint8Array): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(final ? 1 : 0, 4);
  return Buffer.concat([head, tail, binding]);
}

function nonce(fileNonce: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  fileNonce.copy(n, 0);
  n.writeUInt32BE(index, 8);
  return n;
}

/** Encrypted size of `plainLength` bytes (header + one tag per chunk; empty input = one chunk). */
export function sealedLength(plainLength: number, chunkBytes = CHUNK_BYTES): number {
  const chunks = Math.max(1, Math.ceil(plainLength / chunkBytes));
  return HEADER_BYTES + plainLength + chunks * TAG_BYTES;
}

/** Encrypts `plain` with a 32-byte key, bound to `binding`. */
export function sealChunked(
  key: Uint8Array,
  plain: Uint8Array,
  binding: Uint8Array,
  chunkBytes = CHUNK_BYTES,
): Buffer {
  const fileNonce = randomBytes(8);
  const head = header(chunkBytes, fileNonce, plain.length);
  const chunks = Math.max(1, Math.ceil(plain.length / chunkBytes));
  const out: Buffer[] = [head];
  for (let i = 0; i < chunks; i++) {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(fileNonce, i));
    cipher.setAAD(chunkAad(head, i, i === chunks - 1, binding));
    const part = plain.subarray(i * chunkBytes, (i + 1) * chunkBytes);
    out.push(cipher.update(part), cipher.final(), cipher.getAuthTag());
  }
  return Buffer.concat(out);
}

/** Decrypts and verifies a sealChunked file; throws VaultIntegrityError on any mismatch. */
export function openChunked(key: Uint8Array, sealed: Uint8Array, binding: Uint8Array): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < HEADER_BYTES + TAG_BYTES || !buf.subarray(0, 8).equals(MAGIC)) {
    throw new VaultIntegrityError('not a vault file');
  }
  const head = buf.subarray(0, HEADER_BYTES);
  const chunkBytes = head.readUInt32BE(8);
  const fileNonce = head.subarray(12, 20);
  const plainLength = Number(head.readBigUInt64BE(20));
  if (chunkBytes === 0 || sealedLength(plainLength, chunkBytes) !== buf.length) {
    throw new VaultIntegrityError('vault file has the wrong length (truncated or extended)');
  }
  const chunks = Math.max(1, Math.ceil(plainLength / chunkBytes));
  const plain = Buffer.allocUnsafe(plainLength);
  let at = HEADER_BYTES;
  for (let i = 0; i < chunks; i++) {
    const size = Math.min(chunkBytes, plainLength - i * chunkBytes);
    const decipher = createDecipheriv('aes-256-gcm', key, nonce(fileNonce, i));
    decipher.setAAD(chunkAad(head, i, i === chunks - 1, binding));
    decipher.setAuthTag(buf.subarray(at + size, at + size + TAG_BYTES));
    try {
      const part = decipher.update(buf.subarray(at, at + size));
      decipher.final();
      part.copy(plain, i * chunkBytes);
    } catch {
      throw new VaultIntegrityError(`vault file chunk ${i} failed authentication`);
    }
    at += size + TAG_BYTES;
  }
  return plain;
}

/** AES-256-GCM for small values (wrapped keys, cursors, manifests): iv ‖ tag ‖ body. */
export function sealSmall(key: Uint8Array, plain: Uint8Array, aad: Uint8Array): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens sealSmall output; throws VaultIntegrityError for a wrong key, wrong AAD or tampering. */
export function openSmall(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
    decipher.setAAD(aad);
    decipher.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]);
  } catch {
    throw new VaultIntegrityError('sealed value failed authentication (wrong key or tampered)');
  }
}

/**
 * Seals a file as sealChunked would, reading and writing one chunk at a time, so a large file (a
 * case database) is never held in memory; returns the plaintext's sha256 and the sealed size.
 */
export function sealChunkedFile(
  key: Uint8Array,
  inFile: string,
  outFile: string,
  binding: Uint8Array,
  chunkBytes = CHUNK_BYTES,
): { sha256: string; sealedBytes: number } {
  const input = openSync(inFile, 'r');
  const plainLength = fstatSync(input).size;
  const output = openSync(outFile, 'w', 0o600);
  const hash = createHash('sha256');
  try {
    const fileNonce = randomBytes(8);
    const head = header(chunkBytes, fileNonce, plainLength);
    writeSync(output, head);
    const chunks = Math.max(1, Math.ceil(plainLength / chunkBytes));
    const buf = Buffer.allocUnsafe(chunkBytes);
    for (let i = 0; i < chunks; i++) {
      const size = Math.min(chunkBytes, plainLength - i * chunkBytes);
      let got = 0;
      while (got < size) {
        const n = readSync(input, buf, got, size - got, i * chunkBytes + got);
        if (n === 0) throw new Error(`${inFile} shrank while it was sealed`);
        got += n;
      }
      const part = buf.subarray(0, size);
      hash.update(part);
      const cipher = createCipheriv('aes-256-gcm', key, nonce(fileNonce, i));
      cipher.setAAD(chunkAad(head, i, i === chunks - 1, binding));
      writeSync(output, Buffer.concat([cipher.update(part), cipher.final(), cipher.getAuthTag()]));
    }
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
  return { sha256: hash.digest('hex'), sealedBytes: sealedLength(plainLength, chunkBytes) };
}

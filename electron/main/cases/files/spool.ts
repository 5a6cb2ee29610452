import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

/**
 * A browser-mode upload, spooled to disk encrypted under a key that exists only in this process's
 * memory (AES-256-GCM per chunk: u32 length ‖ 12-byte IV ‖ 16-byte tag ‖ ciphertext; the chunk
 * index is the associated data, so chunks cannot be reordered or dropped unnoticed). The patient's
 * VCF never lands on disk in plaintext, and a spool left by a crash is unreadable: it is deleted at
 * the next start (caseService sweeps the spool folder).
 */

const CHUNK = 1 << 20;

const aad = (i: number, last: boolean): Buffer => {
  const b = Buffer.alloc(5);
  b.writeUInt32BE(i, 0);
  b.writeUInt8(last ? 1 : 0, 4);
  return b;
};

/** Writes chunks as they come; `end()` seals the last one and returns the plaintext size. */
export async function writeSpool(
  file: string,
  key: Uint8Array,
  source: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<number> {
  const fh = await open(file, 'wx', 0o600);
  let pending = Buffer.alloc(0);
  let index = 0;
  let total = 0;
  const put = async (plain: Buffer, last: boolean): Promise<void> => {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(aad(index++, last));
    const body = Buffer.concat([c.update(plain), c.final()]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length, 0);
    await fh.write(Buffer.concat([len, iv, c.getAuthTag(), body]));
  };
  try {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > limit)
        throw new Error(`the upload is larger than announced (${String(limit)} bytes)`);
      pending = pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([pending, chunk]);
      while (pending.length > CHUNK) {
        await put(pending.subarray(0, CHUNK), false);
        pending = pending.subarray(CHUNK);
      }
    }
    await put(pending, true);
  } finally {
    await fh.close();
  }
  return total;
}

/** Reads a spool back as plaintext chunks; throws when it was cut short or altered. */
export async function* readSpool(file: string, key: Uint8Array): AsyncGenerator<Uint8Array> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(file, 'r');
    let pos = 0;
    let index = 0;
    const head = Buffer.alloc(32);
    for (;;) {
      const { bytesRead } = await fh.read(head, 0, 32, pos);
      if (bytesRead === 0)
        throw new Error('the uploaded file ends early (its last part is missing)');
      if (bytesRead < 32) throw new Error('the uploaded file is cut off');
      const len = head.readUInt32BE(0);
      const body = Buffer.alloc(len);
      const r = await fh.read(body, 0, len, pos + 32);
      if (r.bytesRead < len) throw new Error('the uploaded file is cut off');
      pos += 32 + len;
      const size = (await fh.stat()).size;
      const last = pos >= size;
      const d = createDecipheriv('aes-256-gcm', key, head.subarray(4, 16));
      d.setAAD(aad(index++, last));
      d.setAuthTag(head.subarray(16, 32));
      yield Buffer.concat([d.update(body), d.final()]);
      if (last) return;
    }
  } finally {
    await fh?.close();
  }
}

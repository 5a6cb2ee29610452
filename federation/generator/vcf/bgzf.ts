/**
 * BGZF writer (SAMv1 spec §4.1): gzip members of at most 64 KiB, each with the 'BC' extra subfield
 * holding the block size, ending with the standard empty EOF block. Tracks virtual file offsets
 * (compressed block offset << 16 | offset inside the uncompressed block) for the tabix index.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/** Uncompressed bytes per block, as htslib (0xff00): keeps every compressed block under 64 KiB. */
export const BGZF_BLOCK_DATA = 0xff00;
/** The 28-byte empty block that marks a complete BGZF file. */
export const BGZF_EOF = Buffer.from(
  '1f8b08040000000000ff0600424302001b0003000000000000000000',
  'hex',
);

/** Compresses one block of at most BGZF_BLOCK_DATA bytes into a BGZF member. */
export function bgzfBlock(data: Uint8Array, level = 6): Buffer {
  const cdata = deflateRawSync(data, { level });
  const block = Buffer.alloc(18 + cdata.length + 8);
  block.set([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 0x42, 0x43, 2, 0], 0);
  block.writeUInt16LE(block.length - 1, 16);
  block.set(cdata, 18);
  block.writeUInt32LE(crc32(data), 18 + cdata.length);
  block.writeUInt32LE(data.length, 22 + cdata.length);
  return block;
}

export class BgzfWriter {
  private readonly fd: number;
  private readonly buf = Buffer.alloc(BGZF_BLOCK_DATA);
  private used = 0;
  private coffset = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Virtual offset of the next byte to be written (as a JS number: exact below 2^53). */
  get virtualOffset(): number {
    return this.coffset * 65536 + this.used;
  }

  write(data: Uint8Array): void {
    let off = 0;
    while (off < data.length) {
      const n = Math.min(data.length - off, BGZF_BLOCK_DATA - this.used);
      this.buf.set(data.subarray(off, off + n), this.used);
      this.used += n;
      off += n;
      if (this.used === BGZF_BLOCK_DATA) this.flush();
    }
  }

  /** Ends the current block (tabix readers expect the header to end on a block boundary). */
  flush(): void {
    if (this.used === 0) return;
    const block = bgzfBlock(this.buf.subarray(0, this.used));
    writeSync(this.fd, block);
    this.coffset += block.length;
    this.used = 0;
  }

  close(): void {
    this.flush();
    writeSync(this.fd, BGZF_EOF);
    closeSync(this.fd);
  }
}

/** Compresses a whole buffer as BGZF (used for the tabix index itself). */
export function bgzfCompress(data: Uint8Array): Buffer {
  const parts: Buffer[] = [];
  for (let off = 0; off < data.length; off += BGZF_BLOCK_DATA)
    parts.push(bgzfBlock(data.subarray(off, off + BGZF_BLOCK_DATA)));
  parts.push(BGZF_EOF);
  return Buffer.concat(parts);
}

/**
 * BGZF (SAM/BAM spec §4.1): a series of gzip members of at most 64 KiB each, each carrying its own
 * compressed size in a "BC" extra subfield, so a reader can seek to any block by file offset.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** The 28-byte empty block every BGZF file ends with (SAM spec §4.1.2). */
export const BGZF_EOF = Buffer.from(
  '1f8b08040000000000ff0600424302001b0003000000000000000000',
  'hex',
);

/** Largest payload we put in one block; htslib uses the same limit so the deflated size stays < 64 KiB. */
const MAX_BLOCK_INPUT = 0xff00;
const HEADER_LEN = 18;

export interface BgzfBlock {
  /** Decompressed payload. */
  readonly data: Buffer;
  /** Size of the compressed block on disk (header + deflate data + trailer). */
  readonly size: number;
}

/** Reads the block size from a BGZF header; throws when `buf` does not start with a BGZF block. */
export function blockSizeAt(buf: Buffer, pos = 0): number {
  if (buf.length - pos < HEADER_LEN) throw new Error('BGZF: truncated block header');
  if (buf[pos] !== 0x1f || buf[pos + 1] !== 0x8b || buf[pos + 2] !== 8 || buf[pos + 3] !== 4) {
    throw new Error('BGZF: not a BGZF block (bad gzip magic or missing FEXTRA)');
  }
  const xlen = buf.readUInt16LE(pos + 10);
  let p = pos + 12;
  const end = p + xlen;
  while (p + 4 <= end) {
    const slen = buf.readUInt16LE(p + 2);
    if (buf[p] === 66 && buf[p + 1] === 67 && slen === 2) return buf.readUInt16LE(p + 4) + 1;
    p += 4 + slen;
  }
  throw new Error('BGZF: block has no BC subfield');
}

/** Decompresses the block that starts at `pos` in `buf` (which must hold the whole block). */
export function inflateBlock(buf: Buffer, pos = 0): BgzfBlock {
  const size = blockSizeAt(buf, pos);
  if (buf.length - pos < size) throw new Error('BGZF: truncated block');
  const xlen = buf.readUInt16LE(pos + 10);
  const data = inflateRawSync(buf.subarray(pos + 12 + xlen, pos + size - 8));
  if (data.length !== buf.readUInt32LE(pos + size - 4)) throw new Error('BGZF: ISIZE mismatch');
  return { data, size };
}

/** Decompresses a whole BGZF stream (all blocks concatenated). */
export function inflateBgzf(buf: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const block = inflateBlock(buf, pos);
    parts.push(block.data);
    pos += block.size;
  }
  return Buffer.concat(parts);
}

/** Compresses `data` (at most 0xff00 bytes) into one BGZF block. */
export function deflateBlock(data: Buffer): Buffer {
  if (data.length > MAX_BLOCK_INPUT) throw new Error('BGZF: block payload too large');
  const cdata = deflateRawSync(data, { level: 6 });
  const size = HEADER_LEN + cdata.length + 8;
  const out = Buffer.alloc(size);
  out.set([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 66, 67, 2, 0]);
  out.writeUInt16LE(size - 1, 16);
  cdata.copy(out, HEADER_LEN);
  out.writeUInt32LE(crc32(data), size - 8);
  out.writeUInt32LE(data.length, size - 4);
  return out;
}

/** Compresses `data` into as many BGZF blocks as needed (without the EOF block). */
export function deflateBgzf(data: Buffer): Buffer {
  const blocks: Buffer[] = [];
  for (let p = 0; p < data.length; p += MAX_BLOCK_INPUT) {
    blocks.push(deflateBlock(data.subarray(p, p + MAX_BLOCK_INPUT)));
  }
  return Buffer.concat(blocks);
}

import { crc32, deflateRawSync } from 'node:zlib';
import { BGZF_EOF } from '../../../shared/vcf';

/** Uncompressed bytes per BGZF block, as bgzip writes them (SAM spec §4.1: at most 64 KiB). */
const BLOCK_INPUT = 0xff00;

/** One BGZF block holding `data` (≤ 64 KiB): a gzip member with the BC extra field. */
export function bgzfBlock(data: Uint8Array, level = 6): Buffer {
  const deflated = deflateRawSync(data, { level });
  const size = 18 + deflated.length + 8;
  const out = Buffer.alloc(size);
  out.set([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 0x42, 0x43, 2, 0], 0);
  out.writeUInt16LE(size - 1, 16);
  out.set(deflated, 18);
  out.writeUInt32LE(crc32(data), size - 8);
  out.writeUInt32LE(data.length, size - 4);
  return out;
}

/**
 * Writes text as BGZF, block by block, for tests and benchmarks (bgzip would do the same; this
 * keeps them runnable where htslib is not installed). `eof: false` leaves the EOF marker out.
 */
export class BgzfWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly write: (block: Buffer) => void,
    private readonly level = 6,
  ) {}

  push(text: string | Uint8Array): void {
    const bytes =
      typeof text === 'string'
        ? Buffer.from(text)
        : Buffer.from(text.buffer, text.byteOffset, text.length);
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    while (this.pendingBytes >= BLOCK_INPUT) this.flushBlock(BLOCK_INPUT);
  }

  end(opts: { eof?: boolean } = {}): void {
    while (this.pendingBytes > 0) this.flushBlock(Math.min(BLOCK_INPUT, this.pendingBytes));
    if (opts.eof !== false) this.write(Buffer.from(BGZF_EOF));
  }

  private flushBlock(n: number): void {
    const all = Buffer.concat(this.pending);
    this.write(bgzfBlock(all.subarray(0, n), this.level));
    const rest = all.subarray(n);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
  }
}

/** Compresses a whole text to BGZF in memory. */
export function toBgzf(text: string | Uint8Array, opts: { eof?: boolean } = {}): Buffer {
  const blocks: Buffer[] = [];
  const w = new BgzfWriter((b) => blocks.push(b));
  w.push(text);
  w.end(opts);
  return Buffer.concat(blocks);
}

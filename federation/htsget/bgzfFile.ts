/** Random access to the blocks of a BGZF file on disk, and a line cursor that tracks virtual offsets. */
import { open, type FileHandle } from 'node:fs/promises';
import { inflateBlock, type BgzfBlock } from './bgzf.js';
import { splitVirtual, virtualOffset, type VirtualOffset } from './tabix.js';

const MAX_BLOCK = 65536;

/** An open BGZF file; remember to close() it. */
export class BgzfFile {
  private readonly cache = new Map<number, BgzfBlock>();

  private constructor(
    private readonly fh: FileHandle,
    /** File size in bytes. */
    readonly size: number,
  ) {}

  /** Opens `path` for block reads. */
  static async open(path: string): Promise<BgzfFile> {
    const fh = await open(path, 'r');
    const { size } = await fh.stat();
    return new BgzfFile(fh, size);
  }

  /** The decompressed block at compressed offset `coffset`; an empty block at end of file. */
  async block(coffset: number): Promise<BgzfBlock> {
    const hit = this.cache.get(coffset);
    if (hit) return hit;
    if (coffset >= this.size) return { data: Buffer.alloc(0), size: 0 };
    const buf = Buffer.alloc(Math.min(MAX_BLOCK, this.size - coffset));
    await this.fh.read(buf, 0, buf.length, coffset);
    const block = inflateBlock(buf);
    // Region scans touch a handful of blocks, several of them twice (scan, then edge trimming).
    if (this.cache.size > 256) this.cache.clear();
    this.cache.set(coffset, block);
    return block;
  }

  /** Raw bytes [start, end) of the compressed file. */
  async bytes(start: number, end: number): Promise<Buffer> {
    const buf = Buffer.alloc(end - start);
    await this.fh.read(buf, 0, buf.length, start);
    return buf;
  }

  /** Rewrites an offset that points at the end of a block's payload as the start of the next block. */
  async normalize(v: VirtualOffset): Promise<VirtualOffset> {
    const { block, within } = splitVirtual(v);
    const b = await this.block(block);
    return within > 0 && within >= b.data.length ? virtualOffset(block + b.size, 0) : v;
  }

  /** Closes the file handle. */
  async close(): Promise<void> {
    await this.fh.close();
  }
}

export interface Line {
  readonly text: string;
  readonly beg: VirtualOffset;
  /** Offset just after the newline, normalised to the next block when the line ends a block. */
  readonly end: VirtualOffset;
}

/** Reads newline-terminated lines starting at a virtual offset that must sit at a line start. */
export class LineCursor {
  private pos: VirtualOffset;

  constructor(
    private readonly file: BgzfFile,
    start: VirtualOffset,
  ) {
    this.pos = start;
  }

  /** The next line, or undefined at end of data. */
  async next(): Promise<Line | undefined> {
    const beg = this.pos;
    let { block, within } = splitVirtual(beg);
    const parts: Buffer[] = [];
    for (;;) {
      const b = await this.file.block(block);
      if (b.data.length === 0) break;
      const nl = b.data.indexOf(10, within);
      if (nl >= 0) {
        parts.push(b.data.subarray(within, nl));
        this.pos =
          nl + 1 >= b.data.length ? virtualOffset(block + b.size, 0) : virtualOffset(block, nl + 1);
        return { text: Buffer.concat(parts).toString('utf8'), beg, end: this.pos };
      }
      parts.push(b.data.subarray(within));
      block += b.size;
      within = 0;
    }
    // A last line without a newline still counts; nothing at all means end of data.
    if (parts.every((p) => p.length === 0)) return undefined;
    this.pos = virtualOffset(block, 0);
    return { text: Buffer.concat(parts).toString('utf8'), beg, end: this.pos };
  }
}

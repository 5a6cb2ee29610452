/**
 * Tabix index builder (SAMtools tabix spec, "TBI\1"): per reference a binning index (UCSC bins,
 * chunks of virtual offsets, plus htslib's pseudo-bin 37450 with mapped/unmapped counts) and a
 * linear index of the smallest record offset per 16 kb window.
 */
import { bgzfCompress } from './bgzf';

/** UCSC bin of a 0-based half-open interval [beg, end). */
export function reg2bin(beg: number, end: number): number {
  const e = end - 1;
  if (beg >> 14 === e >> 14) return 4681 + (beg >> 14);
  if (beg >> 17 === e >> 17) return 585 + (beg >> 17);
  if (beg >> 20 === e >> 20) return 73 + (beg >> 20);
  if (beg >> 23 === e >> 23) return 9 + (beg >> 23);
  if (beg >> 26 === e >> 26) return 1 + (beg >> 26);
  return 0;
}

const PSEUDO_BIN = 37450;

interface RefIndex {
  name: string;
  bins: Map<number, [number, number][]>;
  linear: number[];
  first: number;
  last: number;
  mapped: number;
}

export class TabixIndexBuilder {
  private readonly refs: RefIndex[] = [];

  /** Records one data line: 0-based [beg, end) on ref, stored between virtual offsets vstart..vend. */
  add(ref: string, beg: number, end: number, vstart: number, vend: number): void {
    let r = this.refs[this.refs.length - 1];
    if (r?.name !== ref) {
      if (this.refs.some((x) => x.name === ref))
        throw new Error(`records of ${ref} are not contiguous`);
      r = { name: ref, bins: new Map(), linear: [], first: vstart, last: vend, mapped: 0 };
      this.refs.push(r);
    }
    const bin = reg2bin(beg, end);
    const chunks = r.bins.get(bin) ?? [];
    const lastChunk = chunks[chunks.length - 1];
    if (lastChunk && lastChunk[1] === vstart) lastChunk[1] = vend;
    else chunks.push([vstart, vend]);
    r.bins.set(bin, chunks);
    for (let w = beg >> 14; w <= (end - 1) >> 14; w++) {
      while (r.linear.length <= w) r.linear.push(-1);
      if (r.linear[w] === -1) r.linear[w] = vstart;
    }
    r.last = vend;
    r.mapped++;
  }

  /** The BGZF-compressed .tbi bytes (VCF preset: seq col 1, begin col 2, '#' comments). */
  build(): Buffer {
    const names = Buffer.from(this.refs.map((r) => `${r.name}\0`).join(''), 'latin1');
    let size = 4 + 32 + names.length + 8;
    for (const r of this.refs) {
      size += 4 + 8 + 32 + 4 + 8 * r.linear.length;
      for (const chunks of r.bins.values()) size += 8 + 16 * chunks.length;
    }
    const out = Buffer.alloc(size);
    let off = 0;
    const i32 = (...v: number[]): void => {
      for (const x of v) off = out.writeInt32LE(x, off);
    };
    const u64 = (v: number): void => {
      // Two 32-bit halves: BigInt conversion per value dominated the index build.
      out.writeUInt32LE(v % 4294967296, off);
      off = out.writeUInt32LE(Math.floor(v / 4294967296), off + 4);
    };
    off += out.write('TBI\x01', off, 'latin1');
    i32(this.refs.length, 2, 1, 2, 0, '#'.charCodeAt(0), 0, names.length);
    off += names.copy(out, off);
    for (const r of this.refs) {
      const bins = [...r.bins.keys()].sort((a, b) => a - b);
      i32(bins.length + 1);
      for (const bin of bins) {
        const chunks = r.bins.get(bin) ?? [];
        i32(bin, chunks.length);
        for (const [a, b] of chunks) {
          u64(a);
          u64(b);
        }
      }
      i32(PSEUDO_BIN, 2);
      u64(r.first);
      u64(r.last);
      u64(r.mapped);
      u64(0);
      // Empty windows take the previous window's offset (as htslib does), a safe lower bound.
      let prev = 0;
      i32(r.linear.length);
      for (const o of r.linear) u64(o === -1 ? prev : (prev = o));
    }
    u64(0);
    if (off !== size) throw new Error(`tabix index size ${off} != ${size}`);
    return bgzfCompress(out);
  }
}

/**
 * Tabix (.tbi) index reader (SAMtools tabix format, as written by htslib): the binning index plus
 * the 16 kbp linear index, used to find the virtual offsets of a region's records.
 */
import { inflateBgzf } from './bgzf.js';

/** A BGZF virtual offset as a plain number: compressed block offset * 65536 + offset inside the block. */
export type VirtualOffset = number;
export interface Chunk {
  readonly beg: VirtualOffset;
  readonly end: VirtualOffset;
}
interface RefIndex {
  readonly bins: ReadonlyMap<number, readonly Chunk[]>;
  readonly linear: readonly VirtualOffset[];
  /** From the pseudo-bin 37450 when the writer emitted it: first and last record offsets. */
  readonly span?: Chunk;
}
/** The tabix header: file format (2 = VCF), 1-based sequence/begin/end columns, comment char. */
export interface TabixHeader {
  readonly format: number;
  readonly colSeq: number;
  readonly colBeg: number;
  readonly colEnd: number;
  readonly meta: string;
}
export interface TabixIndex {
  readonly header: TabixHeader;
  readonly names: readonly string[];
  readonly refs: readonly RefIndex[];
}

const PSEUDO_BIN = 37450;
const LINEAR_SHIFT = 14;
/** Largest coordinate the tabix binning scheme covers (2^29). */
export const MAX_POS = 2 ** 29;

/** Splits a virtual offset into its compressed block offset and its offset inside the block. */
export function splitVirtual(v: VirtualOffset): { block: number; within: number } {
  return { block: Math.floor(v / 65536), within: v % 65536 };
}

/** Builds a virtual offset from its parts. */
export function virtualOffset(block: number, within: number): VirtualOffset {
  return block * 65536 + within;
}

function readU64(buf: Buffer, pos: number): number {
  return buf.readUInt32LE(pos + 4) * 2 ** 32 + buf.readUInt32LE(pos);
}

/** Parses a BGZF-compressed .tbi file. */
export function parseTabix(compressed: Buffer): TabixIndex {
  const buf = inflateBgzf(compressed);
  if (buf.toString('latin1', 0, 4) !== 'TBI\u0001') throw new Error('tabix: bad magic');
  const nRef = buf.readInt32LE(4);
  const lNm = buf.readInt32LE(32);
  const names = buf
    .toString('utf8', 36, 36 + lNm)
    .split('\0')
    .filter((n) => n !== '');
  if (names.length !== nRef) throw new Error('tabix: reference name count mismatch');
  let p = 36 + lNm;
  const refs: RefIndex[] = [];
  for (let r = 0; r < nRef; r++) {
    const bins = new Map<number, Chunk[]>();
    let span: Chunk | undefined;
    const nBin = buf.readInt32LE(p);
    p += 4;
    for (let b = 0; b < nBin; b++) {
      const bin = buf.readUInt32LE(p);
      const nChunk = buf.readInt32LE(p + 4);
      p += 8;
      const chunks: Chunk[] = [];
      for (let c = 0; c < nChunk; c++, p += 16)
        chunks.push({ beg: readU64(buf, p), end: readU64(buf, p + 8) });
      if (bin === PSEUDO_BIN) span = chunks[0];
      else bins.set(bin, chunks);
    }
    const nIntv = buf.readInt32LE(p);
    p += 4;
    const linear: VirtualOffset[] = [];
    for (let i = 0; i < nIntv; i++, p += 8) linear.push(readU64(buf, p));
    refs.push(span === undefined ? { bins, linear } : { bins, linear, span });
  }
  const header: TabixHeader = {
    format: buf.readInt32LE(8),
    colSeq: buf.readInt32LE(12),
    colBeg: buf.readInt32LE(16),
    colEnd: buf.readInt32LE(20),
    meta: String.fromCharCode(buf.readInt32LE(24)),
  };
  return { header, names, refs };
}

/** The bins that may hold records overlapping [beg, end) (SAM spec §5.3 reg2bins, min_shift 14, depth 5). */
export function reg2bins(begin: number, end: number): number[] {
  const bins = [0];
  const beg = Math.min(Math.max(begin, 0), MAX_POS - 1);
  const last = Math.min(Math.max(beg, end - 1), MAX_POS - 1);
  for (const [first, shift] of [
    [1, 26],
    [9, 23],
    [73, 20],
    [585, 17],
    [4681, 14],
  ] as const) {
    for (let k = first + (beg >> shift); k <= first + (last >> shift); k++) bins.push(k);
  }
  return bins;
}

/** Candidate chunks (sorted, merged) whose records may overlap [beg, end) on `ref`; empty when unknown. */
export function queryChunks(index: TabixIndex, ref: string, beg: number, end: number): Chunk[] {
  const rid = index.names.indexOf(ref);
  const ri = index.refs[rid];
  if (ri === undefined) return [];
  const linearIdx = Math.min(beg >> LINEAR_SHIFT, ri.linear.length - 1);
  const minOffset = linearIdx >= 0 ? (ri.linear[linearIdx] ?? 0) : 0;
  const found: Chunk[] = [];
  for (const bin of reg2bins(beg, end)) {
    for (const c of ri.bins.get(bin) ?? []) if (c.end > minOffset) found.push(c);
  }
  found.sort((a, b) => a.beg - b.beg);
  const merged: Chunk[] = [];
  for (const c of found) {
    const prev = merged.at(-1);
    if (prev !== undefined && c.beg <= prev.end)
      merged[merged.length - 1] = { beg: prev.beg, end: Math.max(prev.end, c.end) };
    else merged.push(c);
  }
  return merged;
}

/** The whole extent of a reference's records when the index carries it (pseudo-bin), else undefined. */
export function referenceSpan(index: TabixIndex, ref: string): Chunk | undefined {
  return index.refs[index.names.indexOf(ref)]?.span;
}

/**
 * Minimal BGZF + tabix reader, independent of the writer's code paths: decodes a .tbi, finds the
 * chunks for a region (bins overlapping it, chunks ending after the linear-index floor) and returns
 * the VCF lines that overlap. Used to verify the writer and handy for slicing in tests.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** Decompresses a whole BGZF buffer, checking every member's BC field and size. */
export function bgzfDecompress(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let off = 0;
  while (off < data.length) {
    if (data[off] !== 0x1f || data[off + 1] !== 0x8b || data.readUInt16LE(off + 12) !== 0x4342)
      throw new Error(`not a BGZF block at ${off}`);
    const bsize = data.readUInt16LE(off + 16) + 1;
    const block = inflateRawSync(data.subarray(off + 18, off + bsize - 8));
    if (block.length !== data.readUInt32LE(off + bsize - 4))
      throw new Error(`BGZF size mismatch at ${off}`);
    out.push(block);
    off += bsize;
  }
  return Buffer.concat(out);
}

export interface TabixRef {
  name: string;
  bins: Map<number, [bigint, bigint][]>;
  linear: bigint[];
}
export interface TabixIndex {
  format: number;
  colSeq: number;
  colBeg: number;
  colEnd: number;
  meta: string;
  refs: TabixRef[];
}

/** Parses a (BGZF-compressed) .tbi file. */
export function parseTabix(compressed: Buffer): TabixIndex {
  const b = bgzfDecompress(compressed);
  if (b.toString('latin1', 0, 4) !== 'TBI\x01') throw new Error('not a tabix index');
  const nRef = b.readInt32LE(4);
  const lNm = b.readInt32LE(32);
  const names = b
    .toString('latin1', 36, 36 + lNm)
    .split('\0')
    .slice(0, nRef);
  let off = 36 + lNm;
  const refs: TabixRef[] = names.map((name) => {
    const bins = new Map<number, [bigint, bigint][]>();
    const nBin = b.readInt32LE(off);
    off += 4;
    for (let i = 0; i < nBin; i++) {
      const bin = b.readUInt32LE(off);
      const nChunk = b.readInt32LE(off + 4);
      off += 8;
      const chunks: [bigint, bigint][] = [];
      for (let c = 0; c < nChunk; c++, off += 16)
        chunks.push([b.readBigUInt64LE(off), b.readBigUInt64LE(off + 8)]);
      bins.set(bin, chunks);
    }
    const nIntv = b.readInt32LE(off);
    off += 4;
    const linear: bigint[] = [];
    for (let i = 0; i < nIntv; i++, off += 8) linear.push(b.readBigUInt64LE(off));
    return { name, bins, linear };
  });
  return {
    format: b.readInt32LE(8),
    colSeq: b.readInt32LE(12),
    colBeg: b.readInt32LE(16),
    colEnd: b.readInt32LE(20),
    meta: String.fromCharCode(b.readInt32LE(24)),
    refs,
  };
}

/** Bins that may hold records overlapping 0-based [beg, end) (SAM spec reg2bins). */
export function reg2bins(beg: number, end: number): number[] {
  const bins = [0];
  const e = end - 1;
  for (const [offset, shift] of [
    [1, 26],
    [9, 23],
    [73, 20],
    [585, 17],
    [4681, 14],
  ] as const) {
    for (let k = offset + (beg >> shift); k <= offset + (e >> shift); k++) bins.push(k);
  }
  return bins;
}

/** Reads the VCF data lines overlapping chrom:start-end (1-based inclusive) via the index. */
export function tabixQuery(
  vcfPath: string,
  tbiPath: string,
  chrom: string,
  start: number,
  end: number,
): string[] {
  const index = parseTabix(readFileSync(tbiPath));
  const ref = index.refs.find((r) => r.name === chrom);
  if (!ref) return [];
  const beg = start - 1;
  const floor = ref.linear[Math.min(beg >> 14, ref.linear.length - 1)] ?? 0n;
  const chunks = reg2bins(beg, end)
    .flatMap((bin) => ref.bins.get(bin) ?? [])
    .filter(([, e]) => e > floor)
    .sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const file = readFileSync(vcfPath);
  const lines = new Set<string>();
  for (const [cs, ce] of chunks) {
    const from = Number(cs >> 16n);
    const to = Number(ce >> 16n);
    // Decompress whole blocks from the chunk's first block through its last one.
    let off = from;
    const blocks: Buffer[] = [];
    while (off <= to && off < file.length) {
      const bsize = file.readUInt16LE(off + 16) + 1;
      blocks.push(bgzfDecompress(file.subarray(off, off + bsize)));
      off += bsize;
    }
    const data = Buffer.concat(blocks);
    const lastBlockStart = data.length - (blocks[blocks.length - 1]?.length ?? 0);
    const text = data.toString(
      'latin1',
      Number(cs & 0xffffn),
      lastBlockStart + Number(ce & 0xffffn),
    );
    for (const line of text.split('\n')) {
      const [c, p, , r] = line.split('\t', 4);
      if (c !== chrom || p === undefined || r === undefined) continue;
      const pos = Number(p);
      if (pos <= end && pos + r.length - 1 >= start) lines.add(line);
    }
  }
  return [...lines].sort((a, b) => Number(a.split('\t')[1]) - Number(b.split('\t')[1]));
}

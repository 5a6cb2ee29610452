/**
 * Turns virtual-offset runs into data blocks: whole BGZF blocks are served from the file by byte
 * Range; a run's partial first/last block is re-compressed and inlined as a `data:` URI (htsget
 * "Inline data block URIs"), so the concatenation holds exactly the run's bytes.
 */
import { deflateBgzf } from './bgzf.js';
import type { BgzfFile } from './bgzfFile.js';
import { splitVirtual, type Chunk } from './tabix.js';

export type Part =
  | { readonly kind: 'range'; readonly start: number; readonly end: number }
  | { readonly kind: 'inline'; readonly bgzf: Buffer };

/** Splits long byte ranges so a failed transfer can be retried in pieces (htsget reliability note). */
const MAX_RANGE = 64 * 1024 * 1024;

function push(parts: Part[], part: Part): void {
  const prev = parts.at(-1);
  if (
    prev?.kind === 'range' &&
    part.kind === 'range' &&
    prev.end === part.start &&
    part.end - prev.start <= MAX_RANGE
  ) {
    parts[parts.length - 1] = { kind: 'range', start: prev.start, end: part.end };
  } else if (prev?.kind === 'inline' && part.kind === 'inline') {
    parts[parts.length - 1] = { kind: 'inline', bgzf: Buffer.concat([prev.bgzf, part.bgzf]) };
  } else if (part.kind === 'range') {
    for (let s = part.start; s < part.end; s += MAX_RANGE) {
      parts.push({ kind: 'range', start: s, end: Math.min(part.end, s + MAX_RANGE) });
    }
  } else parts.push(part);
}

/** Data blocks that reproduce the decompressed bytes of `runs`, in order. */
export async function planParts(file: BgzfFile, runs: readonly Chunk[]): Promise<Part[]> {
  const parts: Part[] = [];
  for (const run of runs) {
    const a = splitVirtual(run.beg);
    const b = splitVirtual(run.end);
    if (a.block === b.block) {
      if (b.within > a.within) {
        const blk = await file.block(a.block);
        push(parts, { kind: 'inline', bgzf: deflateBgzf(blk.data.subarray(a.within, b.within)) });
      }
      continue;
    }
    let fullStart = a.block;
    if (a.within > 0) {
      const blk = await file.block(a.block);
      push(parts, { kind: 'inline', bgzf: deflateBgzf(blk.data.subarray(a.within)) });
      fullStart = a.block + blk.size;
    }
    if (fullStart < b.block) push(parts, { kind: 'range', start: fullStart, end: b.block });
    if (b.within > 0) {
      const blk = await file.block(b.block);
      push(parts, { kind: 'inline', bgzf: deflateBgzf(blk.data.subarray(0, b.within)) });
    }
  }
  return parts;
}

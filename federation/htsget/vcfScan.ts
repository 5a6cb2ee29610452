/**
 * Finds the exact virtual-offset spans of VCF records: the header, and the records overlapping a
 * region. The tabix chunks only bound the search; scanning them makes the slice exact, so a client
 * gets precisely the overlapping records (htsget allows more, but exact answers keep clients simple).
 */
import { LineCursor, type BgzfFile } from './bgzfFile.js';
import { MAX_POS, queryChunks, referenceSpan, type Chunk, type TabixIndex } from './tabix.js';

export interface Region {
  readonly referenceName: string;
  /** 0-based inclusive; undefined = from the start of the reference. */
  readonly start?: number | undefined;
  /** 0-based exclusive; undefined = to the end of the reference. */
  readonly end?: number | undefined;
}

/** Where the header lines end and the records start (or the data ends when there are none). */
export async function headerSpan(file: BgzfFile): Promise<Chunk> {
  const cursor = new LineCursor(file, 0);
  let end = 0;
  for (
    let line = await cursor.next();
    line?.text.startsWith('#') === true;
    line = await cursor.next()
  ) {
    end = line.end;
  }
  return { beg: 0, end };
}

/** 0-based half-open interval a VCF record covers (POS-1 .. POS-1+len(REF)), as tabix computes it. */
function recordInterval(text: string): { chrom: string; beg: number; end: number } {
  const cols = text.split('\t', 4);
  const pos = Number(cols[1]);
  const refLen = cols[3]?.length ?? 1;
  return { chrom: cols[0] ?? '', beg: pos - 1, end: pos - 1 + Math.max(refLen, 1) };
}

/** Virtual-offset spans of the records overlapping `region`, one per record, in file order. */
export async function regionRecordSpans(
  file: BgzfFile,
  index: TabixIndex,
  region: Region,
): Promise<Chunk[]> {
  const start = region.start ?? 0;
  const end = region.end ?? MAX_POS;
  const span = referenceSpan(index, region.referenceName);
  // A whole reference needs no scan when the index records its extent (htslib's pseudo-bin).
  if (region.start === undefined && region.end === undefined && span !== undefined) {
    return [{ beg: await file.normalize(span.beg), end: await file.normalize(span.end) }];
  }
  const out: Chunk[] = [];
  for (const chunk of queryChunks(index, region.referenceName, start, end)) {
    const cursor = new LineCursor(file, chunk.beg);
    for (
      let line = await cursor.next();
      line !== undefined && line.beg < chunk.end;
      line = await cursor.next()
    ) {
      if (line.text.startsWith('#') || line.text === '') continue;
      const rec = recordInterval(line.text);
      if (rec.chrom !== region.referenceName || rec.beg >= end) break;
      if (rec.end > start) out.push({ beg: line.beg, end: line.end });
    }
  }
  return out;
}

/** Sorts spans, drops duplicates (overlapping regions) and joins adjacent ones into runs. */
export function mergeSpans(spans: readonly Chunk[]): Chunk[] {
  const sorted = [...spans].sort((a, b) => a.beg - b.beg);
  const runs: Chunk[] = [];
  for (const s of sorted) {
    const prev = runs.at(-1);
    if (prev !== undefined && s.beg <= prev.end) {
      runs[runs.length - 1] = { beg: prev.beg, end: Math.max(prev.end, s.end) };
    } else runs.push(s);
  }
  return runs;
}

/**
 * Region reads over a bgzipped VCF through its .tbi, with the htsget server's own BGZF and tabix
 * readers (federation/htsget), which share no code with the generator's writer: reading back what
 * the writer produced verifies both the data and the index.
 */
import { readFileSync } from 'node:fs';
import { inflateBlock } from '../../htsget/bgzf';
import { parseTabix, queryChunks, splitVirtual } from '../../htsget/tabix';

/** Reads the VCF data lines overlapping chrom:start-end (1-based inclusive) via the index. */
export function tabixQuery(
  vcfPath: string,
  tbiPath: string,
  chrom: string,
  start: number,
  end: number,
): string[] {
  const index = parseTabix(readFileSync(tbiPath));
  const file = readFileSync(vcfPath);
  const lines = new Set<string>();
  for (const chunk of queryChunks(index, chrom, start - 1, end)) {
    const from = splitVirtual(chunk.beg);
    const to = splitVirtual(chunk.end);
    // Inflate whole blocks from the chunk's first block through its last one.
    const blocks: Buffer[] = [];
    let off = from.block;
    while (off <= to.block && off < file.length) {
      const block = inflateBlock(file, off);
      blocks.push(block.data);
      off += block.size;
    }
    const data = Buffer.concat(blocks);
    const lastBlockStart = data.length - (blocks.at(-1)?.length ?? 0);
    const text = data.toString('latin1', from.within, lastBlockStart + to.within);
    for (const line of text.split('\n')) {
      const [c, p, , r] = line.split('\t', 4);
      if (c !== chrom || p === undefined || r === undefined) continue;
      const pos = Number(p);
      if (pos <= end && pos + r.length - 1 >= start) lines.add(line);
    }
  }
  return [...lines].sort((a, b) => Number(a.split('\t')[1]) - Number(b.split('\t')[1]));
}

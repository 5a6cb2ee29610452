/** A dataset's bgzipped VCF and its tabix index, parsed once per file version and cached. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BGZF_EOF } from './bgzf.js';
import { BgzfFile, LineCursor } from './bgzfFile.js';
import { parseTabix, virtualOffset, type Chunk, type TabixIndex } from './tabix.js';

export interface VcfDataset {
  readonly vcfPath: string;
  readonly index: TabixIndex;
  /** Virtual-offset span of the header lines. */
  readonly header: Chunk;
  /** Virtual offset where record data ends (the EOF marker block, if any, starts here). */
  readonly dataEnd: number;
  /** Contig names from `##contig` lines and the index. */
  readonly contigs: ReadonlySet<string>;
}

/** File layout agreed with the generator: `${dataDir}/${node}/vcf/${datasetId}.vcf.gz` (+ `.tbi`). */
export function vcfPathFor(dataDir: string, node: string, datasetId: string): string {
  return join(dataDir, node, 'vcf', `${datasetId}.vcf.gz`);
}

const cache = new Map<string, { key: string; value: Promise<VcfDataset> }>();

async function load(vcfPath: string, size: number): Promise<VcfDataset> {
  const index = parseTabix(await readFile(`${vcfPath}.tbi`));
  const file = await BgzfFile.open(vcfPath);
  try {
    const contigs = new Set(index.names);
    const cursor = new LineCursor(file, 0);
    let headerEnd = 0;
    for (
      let line = await cursor.next();
      line?.text.startsWith('#') === true;
      line = await cursor.next()
    ) {
      headerEnd = line.end;
      const m = /^##contig=<.*?\bID=([^,>]+)/.exec(line.text);
      if (m?.[1] !== undefined) contigs.add(m[1]);
    }
    const tail =
      size >= BGZF_EOF.length ? await file.bytes(size - BGZF_EOF.length, size) : Buffer.alloc(0);
    const dataEnd = virtualOffset(tail.equals(BGZF_EOF) ? size - BGZF_EOF.length : size, 0);
    return { vcfPath, index, header: { beg: 0, end: headerEnd }, dataEnd, contigs };
  } finally {
    await file.close();
  }
}

/** Opens (from cache when the files are unchanged) a dataset's VCF; undefined when it has none. */
export async function openVcfDataset(vcfPath: string): Promise<VcfDataset | undefined> {
  const [v, t] = await Promise.all([
    stat(vcfPath).catch(() => undefined),
    stat(`${vcfPath}.tbi`).catch(() => undefined),
  ]);
  if (v === undefined || t === undefined) return undefined;
  const key = `${v.size}:${v.mtimeMs}:${t.size}:${t.mtimeMs}`;
  const hit = cache.get(vcfPath);
  if (hit?.key === key) return hit.value;
  const value = load(vcfPath, v.size);
  cache.set(vcfPath, { key, value });
  value.catch(() => cache.delete(vcfPath));
  return value;
}

/** Maps a requested reference name to the file's spelling ("chr17" and "17" are the same contig). */
export function resolveContig(ds: VcfDataset, name: string): string | undefined {
  if (ds.contigs.has(name)) return name;
  const alias = name.startsWith('chr') ? name.slice(3) : `chr${name}`;
  return ds.contigs.has(alias) ? alias : undefined;
}

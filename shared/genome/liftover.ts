/**
 * Coordinate conversion between assemblies with UCSC chain alignments (issue 15 item 2). Pure: the
 * tables come from shared/genome/liftoverTables.ts (derived from ../shared/data/liftover by
 * scripts/buildLiftoverTables.mjs). Liftover maps positions, not alleles: callers compare REF after
 * mapping (compareRef) and say so when it differs.
 */

/** Why a position or variant has no place in the other assembly (said to the user, never dropped). */
export type LiftFailure =
  'unknown-chromosome' | 'unmapped' | 'split' | 'gap' | 'reverse-strand-indel';

/** Plain words for each failure, for messages and table cells. */
export const LIFT_FAILURE_WORDS: Readonly<Record<LiftFailure, string>> = {
  'unknown-chromosome': 'the chromosome is not in the liftover table',
  unmapped: 'the position lies outside every aligned block of the chain',
  split: 'the two ends map to different places',
  gap: 'the span crosses an alignment gap between the assemblies',
  'reverse-strand-indel':
    'an insertion or deletion on the opposite strand cannot be re-anchored without the reference sequence',
};

interface Chain {
  readonly dstChrom: string;
  readonly strand: '+' | '-';
  readonly dstSize: number;
}

interface ChromBlocks {
  readonly src: number[];
  readonly dst: number[];
  readonly size: number[];
  readonly chain: number[];
  maxSize: number;
}

/** One direction of a chain file, indexed by source chromosome. */
export interface LiftTable {
  readonly chains: readonly Chain[];
  readonly byChrom: ReadonlyMap<string, ChromBlocks>;
}

/** Parses the compact table format written by scripts/buildLiftoverTables.mjs. */
export function parseLiftTable(text: string): LiftTable {
  const chains: Chain[] = [];
  const byChrom = new Map<string, ChromBlocks>();
  const rows: { chrom: string; src: number; dst: number; size: number; chain: number }[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [head = '', ...blocks] = line.split('|');
    const [srcChrom = '', dstChrom = '', strand, dstSize = '0', srcStart = '0', dstStart = '0'] =
      head.split(' ');
    if (strand !== '+' && strand !== '-')
      throw new Error(`liftover table: bad strand in "${head}"`);
    const chain = chains.push({ dstChrom, strand, dstSize: Number(dstSize) }) - 1;
    let s = Number(srcStart);
    let d = Number(dstStart);
    for (const b of blocks) {
      const [size = 0, dt = 0, dq = 0] = b.split(',').map((n) => parseInt(n, 36));
      rows.push({ chrom: srcChrom, src: s, dst: d, size, chain });
      s += size + dt;
      d += size + dq;
    }
  }
  rows.sort((a, b) => (a.chrom < b.chrom ? -1 : a.chrom > b.chrom ? 1 : a.src - b.src));
  for (const r of rows) {
    let c = byChrom.get(r.chrom);
    if (c === undefined) {
      c = { src: [], dst: [], size: [], chain: [], maxSize: 0 };
      byChrom.set(r.chrom, c);
    }
    c.src.push(r.src);
    c.dst.push(r.dst);
    c.size.push(r.size);
    c.chain.push(r.chain);
    c.maxSize = Math.max(c.maxSize, r.size);
  }
  return { chains, byChrom };
}

const tableChrom = (chrom: string): string => {
  const c = chrom.trim().replace(/^chr/i, '').toUpperCase();
  return c === 'MT' ? 'M' : c;
};
const outChrom = (c: string): string => (c === 'M' ? 'MT' : c);

interface Hit {
  readonly chain: number;
  /** Position on the chain's destination strand (0-based). */
  readonly strandPos: number;
}

/** The block covering a 0-based position; where chains overlap, the best-scoring one (file order). */
function hit(table: LiftTable, chrom: string, pos0: number): Hit | LiftFailure {
  const c = table.byChrom.get(tableChrom(chrom));
  if (c === undefined) return 'unknown-chromosome';
  let lo = 0;
  let hi = c.src.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((c.src[mid] ?? 0) <= pos0) lo = mid + 1;
    else hi = mid - 1;
  }
  let best: Hit | undefined;
  for (let i = hi; i >= 0 && (c.src[i] ?? 0) + c.maxSize > pos0; i--) {
    const start = c.src[i] ?? 0;
    const chain = c.chain[i] ?? 0;
    if (pos0 >= start + (c.size[i] ?? 0) || (best !== undefined && best.chain < chain)) continue;
    best = { chain, strandPos: (c.dst[i] ?? 0) + pos0 - start };
  }
  return best ?? 'unmapped';
}

/** A 0-based position in the other assembly (forward strand), and the strand the chain maps to. */
export interface LiftedPosition {
  readonly chrom: string;
  readonly pos0: number;
  readonly strand: '+' | '-';
}

/** Maps one 0-based position. */
export function liftPosition(
  table: LiftTable,
  chrom: string,
  pos0: number,
): LiftedPosition | LiftFailure {
  const h = hit(table, chrom, pos0);
  if (typeof h === 'string') return h;
  const chain = table.chains[h.chain] as Chain;
  const pos = chain.strand === '+' ? h.strandPos : chain.dstSize - 1 - h.strandPos;
  return { chrom: outChrom(chain.dstChrom), pos0: pos, strand: chain.strand };
}

/** A half-open 0-based span in the other assembly. */
export interface LiftedSpan {
  readonly chrom: string;
  readonly start0: number;
  readonly end0: number;
  readonly strand: '+' | '-';
}

/**
 * Maps a half-open span [start0, end0) as one piece: both ends on the same chain and the length
 * unchanged (a span across an alignment gap is refused, not stretched).
 */
export function liftSpan(
  table: LiftTable,
  chrom: string,
  start0: number,
  end0: number,
  opts: { allowGaps?: boolean } = {},
): LiftedSpan | LiftFailure {
  const a = hit(table, chrom, start0);
  if (typeof a === 'string') return a;
  const b = end0 - 1 === start0 ? a : hit(table, chrom, end0 - 1);
  if (typeof b === 'string') return b;
  if (a.chain !== b.chain) return 'split';
  if (opts.allowGaps !== true && b.strandPos - a.strandPos !== end0 - 1 - start0) return 'gap';
  const chain = table.chains[a.chain] as Chain;
  const [s, e] =
    chain.strand === '+'
      ? [a.strandPos, b.strandPos + 1]
      : [chain.dstSize - 1 - b.strandPos, chain.dstSize - a.strandPos];
  return { chrom: outChrom(chain.dstChrom), start0: s, end0: e, strand: chain.strand };
}

/** A variant as VCF writes it: 1-based position, REF and ALT on the forward strand. */
export interface VcfVariant {
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
}

const COMPLEMENT: Readonly<Record<string, string>> = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };

/** Reverse complement of a DNA allele (unknown letters stay as they are). */
export function reverseComplement(seq: string): string {
  let out = '';
  for (let i = seq.length - 1; i >= 0; i--) {
    const ch = (seq[i] ?? '').toUpperCase();
    out += COMPLEMENT[ch] ?? ch;
  }
  return out;
}

/**
 * Maps a VCF-style variant: the REF span must map as one piece. On a reverse-strand chain the
 * alleles are reverse-complemented; an indel there would need re-anchoring with the reference
 * sequence, which the app does not carry, so it is reported rather than guessed.
 */
export function liftVariant(table: LiftTable, v: VcfVariant): VcfVariant | LiftFailure {
  const span = liftSpan(table, v.chrom, v.pos - 1, v.pos - 1 + Math.max(1, v.ref.length));
  if (typeof span === 'string') return span;
  if (span.strand === '+')
    return { chrom: span.chrom, pos: span.start0 + 1, ref: v.ref, alt: v.alt };
  if (v.ref.length !== v.alt.length) return 'reverse-strand-indel';
  return {
    chrom: span.chrom,
    pos: span.start0 + 1,
    ref: reverseComplement(v.ref),
    alt: reverseComplement(v.alt),
  };
}

/** Whether two REF alleles agree (case-insensitive; N matches anything of the same length). */
export function refAgrees(expected: string, got: string): boolean {
  if (expected.length !== got.length) return false;
  const a = expected.toUpperCase();
  const b = got.toUpperCase();
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && a[i] !== 'N' && b[i] !== 'N') return false;
  }
  return true;
}

import { badRequest } from '../http/errors';
import type { GeneBounds } from '../store/db';
import type { VariantParams } from '../beacon/types';
import { Conditions } from './sql';

/** Region every matching variant must fall in (VCF 1-based `pos`), used on both variants and genotypes. */
export interface Box {
  chrom: string;
  lo: number;
  hi: number;
}

export interface VariantConditions {
  /** Conditions on alias `v` (variants). */
  where: Conditions;
  /** Pruning boxes (OR'ed); undefined = no positional restriction. */
  boxes?: Box[];
}

const REFSEQ_CHROM = /^(?:refseq:)?NC_0000(\d\d)\.\d+$/i;
/** GRCh38's mitochondrion (rCRS), the Beacon schema's own RefSeqId example. */
const REFSEQ_MT = /^(?:refseq:)?NC_012920\.\d+$/i;

/**
 * '17', 'chr17', 'NC_000017.11', 'refseq:NC_000017.11' → '17'; X/Y kept; 'MT', 'M', 'chrM' and
 * NC_012920.1 → 'MT' (Beacon v2.1.1's RefSeqId allows names, aliases and refseq ids); anything
 * else is a 400.
 */
export function normaliseChrom(name: string): string {
  if (REFSEQ_MT.test(name)) return 'MT';
  const refseq = REFSEQ_CHROM.exec(name);
  if (refseq?.[1]) {
    const n = Number(refseq[1]);
    return n === 23 ? 'X' : n === 24 ? 'Y' : String(n);
  }
  const c = name.replace(/^chr/i, '').toUpperCase();
  if (c === 'M' || c === 'MT') return 'MT';
  if (/^([1-9]|1\d|2[0-2]|X|Y)$/.test(c)) return c;
  throw badRequest(`unknown referenceName "${name}"`);
}

const VARIANT_TYPES: Record<string, string> = {
  SNP: 'length(v.ref) = 1 AND length(v.alt) = 1',
  SNV: 'length(v.ref) = 1 AND length(v.alt) = 1',
  'SO:0001483': 'length(v.ref) = 1 AND length(v.alt) = 1',
  MNP: 'length(v.ref) = length(v.alt) AND length(v.ref) > 1',
  DEL: 'length(v.alt) < length(v.ref)',
  'SO:0000159': 'length(v.alt) < length(v.ref)',
  INS: 'length(v.alt) > length(v.ref)',
  'SO:0000667': 'length(v.alt) > length(v.ref)',
  INDEL: 'length(v.alt) <> length(v.ref)',
};

export interface GeneLookup {
  geneBounds(symbol: string): GeneBounds[];
  maxRefLength: number;
}

/** True when the request carries any genomic parameter (a variant query). */
export function hasVariantQuery(p: VariantParams): boolean {
  return (
    p.referenceName !== undefined ||
    p.start !== undefined ||
    p.end !== undefined ||
    p.geneId !== undefined ||
    p.aminoacidChange !== undefined ||
    p.alternateBases !== undefined ||
    p.referenceBases !== undefined ||
    p.variantType !== undefined
  );
}

function positional(p: VariantParams, maxRef: number, where: Conditions): Box[] | undefined {
  const { start, end } = p;
  if (start === undefined) {
    if (end !== undefined) throw badRequest('end requires start');
    if (p.referenceName !== undefined) throw badRequest('referenceName requires start');
    return undefined;
  }
  if (p.referenceName === undefined) throw badRequest('start requires referenceName');
  const chrom = normaliseChrom(p.referenceName);
  where.add('v.chrom = ?', chrom);
  const [s0, s1] = start;
  if (s0 === undefined) throw badRequest('start is empty');
  if (end === undefined) {
    // Sequence query: 0-based start → VCF pos start+1 (docs/variant-queries.md).
    if (s1 !== undefined) throw badRequest('a bracket query needs two end values');
    if (p.alternateBases === undefined && p.variantType === undefined) {
      throw badRequest(
        'a sequence query needs referenceBases and alternateBases; a range query needs end',
      );
    }
    where.add('v.pos = ?', s0 + 1);
    return [{ chrom, lo: s0 + 1, hi: s0 + 1 }];
  }
  const [e0, e1] = end;
  if (e0 === undefined) throw badRequest('end is empty');
  if (s1 === undefined && e1 === undefined) {
    if (e0 <= s0) throw badRequest('end must be greater than start');
    // Range: partial overlap of [pos-1, pos-1+len(ref)) with [start, end).
    where.add('v.pos - 1 < ? AND v.pos - 1 + length(v.ref) > ?', e0, s0);
    return [{ chrom, lo: Math.max(1, s0 + 2 - maxRef), hi: e0 }];
  }
  if (s1 === undefined || e1 === undefined)
    throw badRequest('a bracket query needs two start and two end values');
  if (s1 < s0 || e1 < e0) throw badRequest('bracket bounds must be ascending');
  where.add(
    'v.pos - 1 BETWEEN ? AND ? AND v.pos - 1 + length(v.ref) BETWEEN ? AND ?',
    s0,
    s1,
    e0,
    e1,
  );
  return [{ chrom, lo: s0 + 1, hi: s1 + 1 }];
}

/** Intersects two box lists (undefined = unrestricted). */
function intersect(a: Box[] | undefined, b: Box[] | undefined): Box[] | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const out: Box[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.chrom !== y.chrom) continue;
      const lo = Math.max(x.lo, y.lo);
      const hi = Math.min(x.hi, y.hi);
      if (lo <= hi) out.push({ chrom: x.chrom, lo, hi });
    }
  }
  return out;
}

/** Translates the Beacon variant query types (sequence, range, bracket, geneId, aminoacidChange) to SQL. */
export function variantConditions(p: VariantParams, genes: GeneLookup): VariantConditions {
  const where = new Conditions();
  let boxes = positional(p, genes.maxRefLength, where);
  if (p.assemblyId !== undefined && !/^(GRCh38|hg38)$/i.test(p.assemblyId)) where.add('FALSE');
  if (p.geneId !== undefined) {
    where.add('v.gene = ?', p.geneId);
    boxes = intersect(boxes, genes.geneBounds(p.geneId));
  }
  if (p.aminoacidChange !== undefined) {
    if (p.geneId === undefined && p.start === undefined)
      throw badRequest('aminoacidChange requires geneId');
    const aa = p.aminoacidChange;
    where.add('v.aa_change = ? OR v.hgvs_p = ? OR v.hgvs_p = ?', aa, aa, `p.${aa}`);
  }
  if (p.referenceBases !== undefined && p.referenceBases !== 'N')
    where.add('v.ref = ?', p.referenceBases);
  if (p.alternateBases !== undefined && p.alternateBases !== 'N')
    where.add('v.alt = ?', p.alternateBases);
  if (p.variantType !== undefined) {
    const t = VARIANT_TYPES[p.variantType.toUpperCase()] ?? VARIANT_TYPES[p.variantType];
    if (t === undefined) throw badRequest(`unsupported variantType "${p.variantType}"`);
    where.add(t);
  }
  if (boxes !== undefined && boxes.length === 0) where.add('FALSE');
  return boxes === undefined ? { where } : { where, boxes };
}

/** The pruning predicate for an alias with chrom/pos columns (variants or genotypes). */
export function boxConditions(alias: string, boxes: Box[] | undefined): Conditions {
  const c = new Conditions();
  if (boxes === undefined || boxes.length === 0) return c;
  const parts = boxes.map(() => `(${alias}.chrom = ? AND ${alias}.pos BETWEEN ? AND ?)`);
  c.add(parts.join(' OR '), ...boxes.flatMap((b) => [b.chrom, b.lo, b.hi]));
  return c;
}

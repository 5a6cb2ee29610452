import type { VariantLocation } from '../../../shared/search/results';

/**
 * Where a genomicVariation record is, read from the record (issue 15 item 3: identifiers are
 * opaque). Sources, first that gives a position wins:
 *  1. `variation.location`: a VRS 1.3 SequenceLocation (SequenceInterval of Numbers, or the
 *     deprecated SimpleInterval), or a VRS 2 style location with integer `start`/`end`;
 *  2. `identifiers.genomicHGVSId` (NC_000017.11:g.43057063G>A, or 17:g.… as some servers write it);
 *  3. the legacy position members of earlier model drafts (`position`/`_position`: refseqId,
 *     assemblyId, 0-based start/end lists).
 * Coordinates are validated strictly (integers, end ≥ start, IUPAC bases): a malformed position
 * yields no location, never a guessed one.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

// GRCh38 versions of the chromosome accessions NC_000001–NC_000024 (NCBI GRCh38.p14 assembly
// report); each GRCh37 accession is the same number one version lower (GRCh37.p13 report).
const GRCH38_VERSION = [
  11, 12, 12, 12, 10, 12, 14, 11, 12, 11, 10, 12, 11, 9, 10, 10, 11, 10, 10, 11, 9, 11, 11, 10,
];

interface Sequence {
  chr: string;
  assembly?: VariantLocation['assembly'];
}

const chrName = (n: number): string => (n === 23 ? 'X' : n === 24 ? 'Y' : String(n));

/** A sequence name or accession → chromosome (and assembly when the accession says it). */
export function sequenceOf(raw: string): Sequence | undefined {
  // 'HGVSid:22:g.16050075A>G' (the Reference Implementation's sequence_id) names its chromosome first.
  const id = raw.replace(/^(?:refseq|insdc|HGVSid):/i, '').replace(/:g\..*$/, '');
  const acc = /^NC_0000(\d\d)\.(\d+)$/.exec(id);
  if (acc !== null) {
    const n = Number(acc[1]);
    const version = Number(acc[2]);
    const v38 = GRCH38_VERSION[n - 1];
    if (v38 === undefined) return undefined;
    const assembly = version === v38 ? 'GRCh38' : version === v38 - 1 ? 'GRCh37' : undefined;
    return assembly === undefined ? { chr: chrName(n) } : { chr: chrName(n), assembly };
  }
  if (/^NC_012920\.1$/.test(id)) return { chr: 'MT' };
  const bare = /^(?:chr)?([1-9]|1\d|2[0-2]|X|Y|M|MT)$/i.exec(id);
  if (bare === null) return undefined;
  const c = (bare[1] ?? '').toUpperCase();
  return { chr: c === 'M' ? 'MT' : c };
}

const BASES = /^[ACGTUNRYSWKMBDHV]*$/;
/** Bases as the models allow them; '-' and '.' stand for none. */
function bases(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const b = v === '-' || v === '.' ? '' : v.toUpperCase();
  return BASES.test(b) ? b : undefined;
}

/** VRS Number ({type: Number, value}) or a plain integer (SimpleInterval, VRS 2). */
function coordinate(v: unknown): number | undefined {
  if (isCount(v)) return v;
  if (isObj(v) && (v.type === undefined || v.type === 'Number') && isCount(v.value)) return v.value;
  return undefined;
}

function assemblyOf(v: unknown): VariantLocation['assembly'] {
  if (typeof v !== 'string') return undefined;
  if (/^(GRCh38|hg38)$/i.test(v)) return 'GRCh38';
  if (/^(GRCh37|hg19)$/i.test(v)) return 'GRCh37';
  return undefined;
}

function build(
  seq: Sequence,
  start: number,
  end: number,
  ref: string | undefined,
  alt: string | undefined,
  from: VariantLocation['from'],
): VariantLocation | undefined {
  if (end < start) return undefined;
  // A stated ref must span the interval exactly; otherwise the position would be misread.
  if (ref !== undefined && ref.length !== end - start) return undefined;
  if (ref !== undefined && !/^[ACGTN]*$/.test(ref)) return undefined;
  return {
    chr: seq.chr,
    start,
    end,
    ...(ref === undefined ? {} : { ref }),
    ...(alt === undefined ? {} : { alt }),
    ...(seq.assembly === undefined ? {} : { assembly: seq.assembly }),
    from,
  };
}

function fromVrs(variation: Obj): VariantLocation | undefined {
  const loc = variation.location;
  if (!isObj(loc)) return undefined;
  const seqId =
    typeof loc.sequence_id === 'string'
      ? loc.sequence_id
      : isObj(loc.sequenceReference) && typeof loc.sequenceReference.refgetAccession === 'string'
        ? loc.sequenceReference.refgetAccession
        : undefined;
  const seq = seqId === undefined ? undefined : sequenceOf(seqId);
  if (seq === undefined) return undefined;
  const interval = isObj(loc.interval) ? loc.interval : loc;
  const start = coordinate(interval.start);
  const end = coordinate(interval.end);
  if (start === undefined || end === undefined) return undefined;
  const state = isObj(variation.state) ? bases(variation.state.sequence) : undefined;
  const alt = bases(variation.alternateBases) ?? state;
  return build(seq, start, end, bases(variation.referenceBases), alt, 'vrs');
}

const HGVS = /^(.+?):g\.(\d+)(?:_(\d+))?(.*)$/;

/** Genomic HGVS → location: substitutions, deletions, insertions, delins (dup only with bases). */
export function fromHgvs(hgvs: string): VariantLocation | undefined {
  const m = HGVS.exec(hgvs.trim());
  if (m === null) return undefined;
  const [, seqId = '', a = '', b, change = ''] = m;
  const seq = sequenceOf(seqId);
  if (seq === undefined) return undefined;
  const first = Number(a);
  const last = b === undefined ? first : Number(b);
  if (!Number.isSafeInteger(first) || first < 1 || last < first) return undefined;
  const sub = /^([ACGTN])>([ACGTN])$/i.exec(change);
  if (sub !== null && b === undefined)
    return build(seq, first - 1, first, sub[1]?.toUpperCase(), sub[2]?.toUpperCase(), 'hgvs');
  const del = /^del([ACGTN]*)$/i.exec(change);
  if (del !== null) {
    const ref = del[1] === '' ? undefined : del[1]?.toUpperCase();
    return build(seq, first - 1, last, ref, '', 'hgvs');
  }
  const delins = /^delins([ACGTN]+)$/i.exec(change);
  if (delins !== null)
    return build(seq, first - 1, last, undefined, delins[1]?.toUpperCase(), 'hgvs');
  const ins = /^ins([ACGTN]+)$/i.exec(change);
  if (ins !== null && b !== undefined && last === first + 1)
    return build(seq, first, first, '', ins[1]?.toUpperCase(), 'hgvs');
  const dup = /^dup([ACGTN]+)$/i.exec(change);
  if (dup !== null && (dup[1]?.length ?? 0) === last - first + 1)
    return build(seq, last, last, '', dup[1]?.toUpperCase(), 'hgvs');
  return undefined;
}

function fromLegacy(record: Obj, variation: Obj): VariantLocation | undefined {
  const p = isObj(record.position)
    ? record.position
    : isObj(record._position)
      ? record._position
      : undefined;
  if (p === undefined) return undefined;
  const seqId = typeof p.refseqId === 'string' ? p.refseqId : undefined;
  const found = seqId === undefined ? undefined : sequenceOf(seqId);
  if (found === undefined) return undefined;
  const assembly = found.assembly ?? assemblyOf(p.assemblyId);
  const seq: Sequence = assembly === undefined ? { chr: found.chr } : { chr: found.chr, assembly };
  const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);
  const start = coordinate(first(p.start) ?? p.startInteger);
  const ref = bases(variation.referenceBases) ?? bases(record.referenceBases);
  const alt = bases(variation.alternateBases) ?? bases(record.alternateBases);
  const end =
    coordinate(first(p.end) ?? p.endInteger) ??
    (start === undefined || ref === undefined ? undefined : start + ref.length);
  if (start === undefined || end === undefined) return undefined;
  return build(seq, start, end, ref, alt, 'legacy');
}

/** A record's location from VRS, genomic HGVS or the legacy position members, in that order. */
export function variantLocation(record: Obj): VariantLocation | undefined {
  const variation = isObj(record.variation) ? record.variation : {};
  const hgvs = isObj(record.identifiers) ? record.identifiers.genomicHGVSId : undefined;
  const located =
    fromVrs(variation) ??
    (typeof hgvs === 'string' ? fromHgvs(hgvs) : undefined) ??
    fromLegacy(record, variation);
  if (located === undefined) return undefined;
  // The legacy members may name the assembly where the sequence id (a bare chromosome) does not.
  if (located.assembly === undefined) {
    const p = isObj(record.position)
      ? record.position
      : isObj(record._position)
        ? record._position
        : {};
    const assembly = assemblyOf(p.assemblyId);
    if (assembly !== undefined) return { ...located, assembly };
  }
  return located;
}

import type { Assembly } from '../../../shared/genome/assembly';
import { normaliseChrom, readRefseq } from '../../../shared/genome/assembly';

/**
 * Where a genomicVariations record says its variant is (issue 15 items 2, 3, 6): internal ids are
 * opaque, so the place comes from `variation.location` (VRS 1.3 SequenceLocation, or a VRS 2
 * `start`), `identifiers.genomicHGVSId`, or the legacy `variation` members; the RefSeq accession in
 * either tells the assembly. The demo's `chrom-pos-ref-alt` internal id is only a last resort.
 */
export interface VariantPlace {
  readonly chrom: string;
  /** 1-based (VCF). */
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  /** The assembly the record's own accession names, when it names one. */
  readonly assembly: Assembly | undefined;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const int = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;

const HGVS =
  /^(?:refseq:)?(NC_\d{6}\.\d+):g\.(\d+)(?:_(\d+))?([ACGTN]+)?(?:>([ACGTN]+)|delins([ACGTN]+)|(del)|dup)?$/i;
const DEMO_KEY = /^(?:chr)?([1-9]|1\d|2[0-2]|X|Y|MT)-(\d{1,9})-([ACGTN]+)-([ACGTN]+)$/i;
const BASES = /^[ACGTN]+$/i;

function fromLocation(v: Loose): { seq?: string; start0?: number } {
  const loc = obj(v.location);
  if (loc === undefined) return {};
  const seq =
    str(loc.sequence_id) ??
    str(loc.sequenceReference) ??
    str(obj(loc.sequenceReference)?.refgetAccession);
  const interval = obj(loc.interval);
  const start0 = int(obj(interval?.start)?.value) ?? int(interval?.start) ?? int(loc.start);
  return { ...(seq === undefined ? {} : { seq }), ...(start0 === undefined ? {} : { start0 }) };
}

/** Why a record has no place: a code (the pull words it, issue 22), its English in PLACE_PROBLEMS. */
export type PlaceProblem =
  | 'no-chromosome'
  | 'no-position'
  | 'no-bases'
  | 'disagree-chromosome'
  | 'disagree-position'
  | 'disagree-bases'
  | 'disagree-assembly';

/** What follows "variant record N has" in main's English. */
export const PLACE_PROBLEMS: Readonly<Record<PlaceProblem, string>> = {
  'no-chromosome': 'no chromosome (no RefSeq accession in variation.location or genomicHGVSId)',
  'no-position': 'no position',
  'no-bases': 'no reference and alternate bases',
  'disagree-chromosome': 'a chromosome that its own members disagree on',
  'disagree-position': 'a position that its own members disagree on',
  'disagree-bases': 'bases that its own members disagree on',
  'disagree-assembly': 'an assembly that its own members disagree on',
};

class Disagree extends Error {
  constructor(readonly problem: PlaceProblem) {
    super(problem);
  }
}

/** The variant's place, or why it has none (for a located error; content never logged). */
export function variantPlace(record: Loose): VariantPlace | PlaceProblem {
  const variation = obj(record.variation) ?? {};
  const identifiers = obj(record.identifiers) ?? {};
  const { seq, start0 } = fromLocation(variation);
  const located = seq === undefined ? undefined : readRefseq(seq);
  const hgvs = HGVS.exec(str(identifiers.genomicHGVSId) ?? '');
  const named = hgvs === null ? undefined : readRefseq(hgvs[1] ?? '');
  const key = DEMO_KEY.exec(str(record.variantInternalId) ?? '');
  // Every source that states a member must agree with the others: a record contradicting itself is
  // refused, never resolved by picking one.
  const pick = (
    what: PlaceProblem,
    values: (string | number | undefined)[],
  ): string | number | undefined => {
    const stated = values.filter((v) => v !== undefined);
    if (new Set(stated.map((v) => String(v).toUpperCase())).size > 1) throw new Disagree(what);
    return stated[0];
  };
  try {
    const chrom = pick('disagree-chromosome', [
      located?.chrom,
      named?.chrom,
      key ? normaliseChrom(key[1] ?? '') : undefined,
    ]);
    const pos = pick('disagree-position', [
      start0 === undefined ? undefined : start0 + 1,
      hgvs ? Number(hgvs[2]) : undefined,
      key ? Number(key[2]) : undefined,
    ]);
    const ref = pick('disagree-bases', [
      str(variation.referenceBases),
      hgvs?.[5] === undefined ? undefined : hgvs[4],
      key?.[3],
    ]);
    const alt = pick('disagree-bases', [
      str(variation.alternateBases) ?? str(obj(variation.state)?.sequence),
      hgvs?.[5],
      key?.[4],
    ]);
    const assembly = pick('disagree-assembly', [located?.assembly, named?.assembly]) as
      Assembly | undefined;
    if (typeof chrom !== 'string') return 'no-chromosome';
    if (typeof pos !== 'number' || pos < 1) return 'no-position';
    if (typeof ref !== 'string' || typeof alt !== 'string' || !BASES.test(ref) || !BASES.test(alt))
      return 'no-bases';
    return { chrom, pos, ref: ref.toUpperCase(), alt: alt.toUpperCase(), assembly };
  } catch (error: unknown) {
    if (error instanceof Disagree) return error.problem;
    throw error;
  }
}

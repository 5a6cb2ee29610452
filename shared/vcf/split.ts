// Splitting a multi-allelic record into one variant per ALT allele (as `bcftools norm -m-any`):
// per-allele INFO/FORMAT values (Number=A, R, G) are subset, genotypes recoded, alleles trimmed.
import { classifyAlt } from './alleles';
import { cohortChrom, trimAlleles } from './normalize';
import { schemaOf } from './schema';
import type { FieldSpec, Schema } from './schema';
import type { AlleleKind, Genotype, VcfRecord, VcfScalar, VcfValue } from './types';

/** A genotype recoded for one ALT: 0 = REF, 1 = this ALT, null = missing. */
export interface SplitGenotype extends Genotype {
  /**
   * True when the original call carried another ALT allele of the record; such alleles are recoded
   * to 0 (the bcftools convention), so a 1/2 call reads 1/0 for ALT 1 and 0/1 for ALT 2.
   */
  readonly otherAlt: boolean;
}

/** One ALT allele of a record, as its own biallelic variant. */
export interface SplitVariant {
  readonly record: VcfRecord;
  /** 1-based index of this allele in record.alts. */
  readonly altIndex: number;
  readonly kind: AlleleKind;
  /** Trimmed to the minimal representation for sequence alleles; as written for the others. */
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  /** The app-wide variant key (normalize.ts: variantKey). */
  readonly key: string;
  /** INFO with Number=A/R/G values reduced to this allele. */
  info(): ReadonlyMap<string, VcfValue>;
  /** One sample's FORMAT values reduced to this allele. */
  sample(index: number): ReadonlyMap<string, VcfValue>;
  genotype(index: number): SplitGenotype | null;
}

/** Index of genotype a/b (a ≤ b) in VCF genotype order (§1.6.2). */
const gIndex = (a: number, b: number): number => (b * (b + 1)) / 2 + a;

/** Reduces one value to ALT k (1-based) by its Number; ploidy matters for G. */
export function subsetValue(
  value: VcfValue,
  number: FieldSpec['number'],
  k: number,
  ploidy: number,
): VcfValue {
  if (!Array.isArray(value)) return value;
  const list = value as readonly VcfScalar[];
  if (list.length === 0) return list;
  const at = (i: number): VcfScalar => list[i] ?? null;
  switch (number) {
    case 'A':
      return at(k - 1);
    case 'R':
      return [at(0), at(k)];
    case 'G':
      if (ploidy === 1) return [at(0), at(k)];
      if (ploidy === 2) return [at(gIndex(0, 0)), at(gIndex(0, k)), at(gIndex(k, k))];
      return list;
    default:
      return list;
  }
}

/**
 * Read counts and fractions the app reads per allele, by the Number the spec gives them (AD, ADF,
 * ADR: R since VCF 4.3) or their callers write them (Mutect2's FORMAT AF: A). A VCF 4.1/4.2 file
 * may declare them Number=. (GATK 3 wrote AD so), or not at all; on a record of several ALTs such
 * a list is read per allele when its length is the count its meaning needs, and not read (null)
 * when it is not: never another allele's count (decision 0095).
 */
const PER_ALLELE_FORMAT: Readonly<Record<string, 'R' | 'A'>> = {
  AD: 'R',
  ADF: 'R',
  ADR: 'R',
  AF: 'A',
  VAF: 'A',
};

/** The Number a FORMAT value is subset by: its header's, or PER_ALLELE_FORMAT's for an open one. */
function formatNumber(
  key: string,
  declared: FieldSpec['number'],
  value: VcfValue,
  nAlt: number,
): FieldSpec['number'] | null {
  const meant = PER_ALLELE_FORMAT[key];
  const open = declared === '.' || declared === undefined;
  if (meant === undefined || !open || !Array.isArray(value)) return declared;
  const length = (value as readonly unknown[]).length;
  return length === (meant === 'R' ? nAlt + 1 : nAlt) ? meant : null;
}

/** Recodes a genotype for ALT k. */
export function recodeGenotype(gt: Genotype, k: number): SplitGenotype {
  let otherAlt = false;
  const alleles = gt.alleles.map((a) => {
    if (a === null || a === 0) return a;
    if (a === k) return 1;
    otherAlt = true;
    return 0;
  });
  return { alleles, phased: gt.phased, otherAlt };
}

/** Writes a genotype back as GT text (`0/1`, `1|0`, `./.`). */
export function formatGenotype(gt: Genotype): string {
  return gt.alleles.map((a) => (a === null ? '.' : String(a))).join(gt.phased ? '|' : '/');
}

/** One ALT of a record; INFO and samples are reduced to it only when asked. */
class Split implements SplitVariant {
  constructor(
    readonly record: VcfRecord,
    readonly altIndex: number,
    readonly kind: AlleleKind,
    readonly pos: number,
    readonly ref: string,
    readonly alt: string,
    readonly key: string,
    private readonly schema: Schema,
  ) {}

  info(): ReadonlyMap<string, VcfValue> {
    if (this.record.alts.length === 1) return this.record.info();
    const out = new Map<string, VcfValue>();
    for (const [key, v] of this.record.info())
      out.set(key, subsetValue(v, this.schema.info(key).number, this.altIndex, 2));
    return out;
  }

  sample(index: number): ReadonlyMap<string, VcfValue> {
    const values = this.record.sample(index);
    if (this.record.alts.length === 1) return values;
    const gt = this.record.genotype(index);
    const ploidy = gt === null ? 2 : gt.alleles.length;
    const nAlt = this.record.alts.length;
    const out = new Map<string, VcfValue>();
    for (const [key, v] of values) {
      if (key === 'GT' && gt !== null)
        out.set(key, formatGenotype(recodeGenotype(gt, this.altIndex)));
      else {
        const number = formatNumber(key, this.schema.format(key).number, v, nAlt);
        out.set(key, number === null ? null : subsetValue(v, number, this.altIndex, ploidy));
      }
    }
    return out;
  }

  genotype(index: number): SplitGenotype | null {
    const gt = this.record.genotype(index);
    return gt === null ? null : recodeGenotype(gt, this.altIndex);
  }
}

/** Splits a record into one variant per ALT allele (none when ALT is "."). */
export function splitRecord(record: VcfRecord): SplitVariant[] {
  const schema = schemaOf(record.header);
  const chrom = cohortChrom(record.chrom);
  return record.alts.map((alt, i): SplitVariant => {
    const c = classifyAlt(alt);
    const kind: AlleleKind = 'kind' in c ? c.kind : 'bases';
    const t =
      kind === 'bases'
        ? trimAlleles(record.pos, record.ref, alt)
        : { pos: record.pos, ref: record.ref.toUpperCase(), alt };
    const key = `${chrom}-${String(t.pos)}-${t.ref}-${t.alt}`;
    return new Split(record, i + 1, kind, t.pos, t.ref, t.alt, key, schema);
  });
}

/**
 * True when a member's genotype holds this ALT (a row is worth its calls). The import asks before
 * building the calls, which subset every Number=R/A/G value to the ALT: asked after, a record of
 * 60,000 ALTs cost minutes (n ALTs × n values; decision 0089).
 */
export function anyCarries(v: SplitVariant, members: readonly { column: number }[]): boolean {
  const samples = v.record.header.samples.length;
  return members.some((m) => {
    if (m.column < 0 || m.column >= samples) return false;
    const gt = v.genotype(m.column);
    return gt !== null && gt.alleles.includes(1);
  });
}

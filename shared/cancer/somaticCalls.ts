/**
 * Somatic callers' per-sample read counts (issue 19): Mutect2 writes AD (ref, alt…), AF and DP per
 * sample; Strelka2 writes no GT and no AD but tier-1/tier-2 counts per base for SNVs (AU, CU, GU,
 * TU: "tier1,tier2") and TAR/TIR (reads for the reference / the indel) for indels. VAF here is
 * always alt / (ref + alt) over the reads counted for the two alleles (tier 1 for Strelka2, as its
 * docs recommend), so the two callers' numbers mean the same thing. Pure: no I/O, no VCF parsing.
 */

export type SomaticCaller = 'mutect2' | 'strelka2' | 'generic';

export interface HeaderView {
  readonly meta: readonly { readonly key: string; readonly value: string }[];
  readonly format: ReadonlyMap<string, unknown>;
  readonly samples: readonly string[];
}

/** Which caller wrote the file, and the tumour/normal sample names its header declares. */
export function detectCaller(h: HeaderView): {
  caller: SomaticCaller;
  tumour: string | null;
  normal: string | null;
} {
  const meta = (k: string): string | null =>
    h.meta.find((m) => m.key.toLowerCase() === k)?.value ?? null;
  const source = (meta('source') ?? '').toLowerCase();
  const gatk = h.meta.some((m) => m.key === 'GATKCommandLine' && m.value.includes('Mutect2'));
  if (source.includes('mutect2') || gatk)
    return { caller: 'mutect2', tumour: meta('tumor_sample'), normal: meta('normal_sample') };
  if (source.includes('strelka') || h.format.has('TIR') || h.format.has('AU')) {
    const has = (s: string): string | null => (h.samples.includes(s) ? s : null);
    return { caller: 'strelka2', tumour: has('TUMOR'), normal: has('NORMAL') };
  }
  return { caller: 'generic', tumour: null, normal: null };
}

export interface ReadCounts {
  readonly adRef: number | null;
  readonly adAlt: number | null;
  readonly dp: number | null;
  readonly vaf: number | null;
}

type Value = unknown;
const numAt = (v: Value, i: number): number | null => {
  const x = Array.isArray(v) ? (v as unknown[])[i] : i === 0 ? v : undefined;
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
};
const vafOf = (r: number | null, a: number | null): number | null =>
  r !== null && a !== null && r + a > 0 ? a / (r + a) : null;

/**
 * One sample's counts for one allele (FORMAT values already reduced to that allele: AD is
 * [ref, this alt]). `ref`/`alt` are the record's bases for Strelka2's per-base SNV counts.
 */
export function readCounts(
  caller: SomaticCaller,
  format: ReadonlyMap<string, Value>,
  ref: string,
  alt: string,
): ReadCounts {
  const dp = numAt(format.get('DP'), 0);
  if (caller === 'strelka2') {
    if (format.has('TIR')) {
      const adRef = numAt(format.get('TAR'), 0);
      const adAlt = numAt(format.get('TIR'), 0);
      return { adRef, adAlt, dp, vaf: vafOf(adRef, adAlt) };
    }
    const tier1 = (base: string): number | null =>
      /^[ACGT]$/u.test(base) ? numAt(format.get(`${base}U`), 0) : null;
    const adRef = tier1(ref.toUpperCase());
    const adAlt = tier1(alt.toUpperCase());
    return { adRef, adAlt, dp, vaf: vafOf(adRef, adAlt) };
  }
  const adRef = numAt(format.get('AD'), 0);
  const adAlt = numAt(format.get('AD'), 1);
  const vaf = vafOf(adRef, adAlt) ?? numAt(format.get('AF'), 0) ?? numAt(format.get('VAF'), 0);
  return { adRef, adAlt, dp, vaf };
}

/** A read count or allele fraction a caller wrote that cannot be one (issue 19). */
export interface ReadValueProblem {
  readonly field: string;
  readonly value: number;
  /** 'count': a negative read count or depth; 'fraction': an allele fraction outside 0–1. */
  readonly rule: 'count' | 'fraction';
}

/** The FORMAT fields readCounts reads, by caller, and what each holds. */
const READ_FIELDS: Record<SomaticCaller, readonly [string, 'count' | 'fraction'][]> = {
  mutect2: [
    ['AD', 'count'],
    ['DP', 'count'],
    ['AF', 'fraction'],
    ['VAF', 'fraction'],
  ],
  generic: [
    ['AD', 'count'],
    ['DP', 'count'],
    ['AF', 'fraction'],
    ['VAF', 'fraction'],
  ],
  strelka2: [
    ['DP', 'count'],
    ['AU', 'count'],
    ['CU', 'count'],
    ['GU', 'count'],
    ['TU', 'count'],
    ['TAR', 'count'],
    ['TIR', 'count'],
  ],
};

/**
 * The first value readCounts would read that cannot be what it stands for: a negative count (AD,
 * DP, Strelka2's tier counts) or an allele fraction below 0 or above 1 (AF, VAF). Such a value
 * would make a VAF above 100 % or below 0, so the import refuses the record, located, instead.
 */
export function readValueProblem(
  caller: SomaticCaller,
  format: ReadonlyMap<string, Value>,
): ReadValueProblem | undefined {
  for (const [field, rule] of READ_FIELDS[caller]) {
    const v = format.get(field);
    for (const x of Array.isArray(v) ? (v as unknown[]) : [v])
      if (typeof x === 'number' && (x < 0 || (rule === 'fraction' && x > 1)))
        return { field, value: x, rule };
  }
  return undefined;
}

/** Normal VAF at or above this, with reads, reads as germline (or tumour-in-normal contamination). */
export const GERMLINE_LEAK_NORMAL_VAF = 0.1;
export const GERMLINE_LEAK_MIN_ALT_READS = 2;

/** Whether the normal sample's reads say the variant is germline rather than somatic. */
export function germlineLeak(normal: ReadCounts | null): boolean {
  return (
    normal !== null &&
    normal.vaf !== null &&
    normal.vaf >= GERMLINE_LEAK_NORMAL_VAF &&
    (normal.adAlt ?? 0) >= GERMLINE_LEAK_MIN_ALT_READS
  );
}

// Minimal representation of an allele pair and the variant key the whole app matches on.
//
// Left-alignment is not done, and cannot be offline: shifting an indel left through a repeat needs
// the reference sequence around it (a GRCh38 FASTA, ~3 GB), which the app does not ship. Trimming
// makes the same call written with different padding agree (AT>AAT at 123 ≡ T>TA at 124); an indel
// written at a different place in the same repeat keeps a different key. Variant callers left-align
// their output (GATK, DeepVariant, bcftools norm), and the federation's cohort data is generated
// left-aligned, so keys agree for the files the app expects. See docs/decisions/0021-vcf-reader.md.

/** An allele pair after trimming: 1-based POS of the first base kept, upper-case bases. */
export interface Trimmed {
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
}

/**
 * Trims bases shared by REF and ALT, first at the end, then at the start, keeping at least one
 * base in each (the VCF padding base of an indel stays): CTT>CT → CT>C, TAT>TGT at 100 → A>G at 101.
 */
export function trimAlleles(pos: number, ref: string, alt: string): Trimmed {
  let r = ref.toUpperCase();
  let a = alt.toUpperCase();
  let end = 0;
  while (
    end < r.length - 1 &&
    end < a.length - 1 &&
    r[r.length - 1 - end] === a[a.length - 1 - end]
  ) {
    end++;
  }
  if (end > 0) {
    r = r.slice(0, r.length - end);
    a = a.slice(0, a.length - end);
  }
  let start = 0;
  while (start < r.length - 1 && start < a.length - 1 && r[start] === a[start]) start++;
  if (start > 0) {
    r = r.slice(start);
    a = a.slice(start);
  }
  return { pos: pos + start, ref: r, alt: a };
}

const PRIMARY = /^(?:[1-9]|1\d|2[0-2]|X|Y|MT?)$/i;

/**
 * The cohort naming of a chromosome: `chr17` → `17`, `chrM`/`M` → `MT`, `chrX` → `X` (the
 * federation's variant ids use 1–22, X, Y, MT); other contigs are kept as written.
 */
export function cohortChrom(chrom: string): string {
  const bare = /^chr/i.test(chrom) ? chrom.slice(3) : chrom;
  if (!PRIMARY.test(bare)) return chrom;
  const up = bare.toUpperCase();
  return up === 'M' ? 'MT' : up;
}

/**
 * The variant key used everywhere in the app (cohort caches, federation ids, case variants):
 * `CHROM-POS-REF-ALT` of the trimmed allele pair, e.g. `17-43045712-G-A`, `13-32897288-ATT-A`.
 */
export function variantKey(chrom: string, pos: number, ref: string, alt: string): string {
  const t = trimAlleles(pos, ref, alt);
  return `${cohortChrom(chrom)}-${String(t.pos)}-${t.ref}-${t.alt}`;
}

import type { VariantLocation } from './results';

/** An allele reduced to its minimal form: the interval it replaces and what replaces it. */
export interface MinimalAllele {
  chr: string;
  start: number;
  end: number;
  alt: string;
}

/**
 * Trims the bases ref and alt share (suffix first, then prefix, as SPDI/VOCA do without a
 * reference sequence), so a VCF-style anchored allele (T>TG at 43057062) and a VRS-normalised one
 * (insert G at interbase 43057062) reduce to the same thing. Without ref bases the location is
 * taken as already minimal (VRS requires normalised alleles). Undefined when alt is unknown.
 */
export function minimalAllele(l: VariantLocation): MinimalAllele | undefined {
  if (l.alt === undefined) return undefined;
  let { start, end } = l;
  let ref = l.ref;
  let alt = l.alt;
  if (ref !== undefined) {
    while (ref.length > 0 && alt.length > 0 && ref.at(-1) === alt.at(-1)) {
      ref = ref.slice(0, -1);
      alt = alt.slice(0, -1);
      end--;
    }
    while (ref.length > 0 && alt.length > 0 && ref[0] === alt[0]) {
      ref = ref.slice(1);
      alt = alt.slice(1);
      start++;
    }
  }
  return { chr: l.chr, start, end, alt };
}

/**
 * The normalised key of an allele across nodes ("17:43057062-43057062:G"), undefined when the
 * record does not say what the alternate allele is. GRCh37 positions carry their assembly in the
 * key so they never merge with GRCh38 ones; a location without an assembly is read as the app's
 * GRCh38 (issue 13: distinct alleles across nodes).
 */
export function alleleKey(l: VariantLocation): string | undefined {
  const m = minimalAllele(l);
  if (m === undefined) return undefined;
  const build = l.assembly === 'GRCh37' ? 'GRCh37:' : '';
  return `${build}${m.chr}:${String(m.start)}-${String(m.end)}:${m.alt}`;
}

/**
 * The VCF-style key the search box and the cache use (17-43057062-T-TG), when the record gives
 * both alleles and neither is empty; undefined otherwise.
 */
export function vcfKey(l: VariantLocation): string | undefined {
  if (l.ref === undefined || l.alt === undefined || l.ref === '' || l.alt === '') return undefined;
  if (!/^[ACGTN]+$/.test(l.alt)) return undefined;
  return `${l.chr}-${String(l.start + 1)}-${l.ref}-${l.alt}`;
}

/** A position as a person reads it: "17:43,057,062 T>TG" (1-based; "?" for unstated bases). */
export function formatLocation(l: VariantLocation): string {
  const pos = (l.start + 1).toLocaleString('en-US');
  const bases = (b: string | undefined): string => (b === undefined ? '?' : b === '' ? '-' : b);
  const change =
    l.ref === undefined && l.alt === undefined ? '' : ` ${bases(l.ref)}>${bases(l.alt)}`;
  const build = l.assembly === undefined ? '' : ` (${l.assembly})`;
  return `${l.chr}:${pos}${change}${build}`;
}

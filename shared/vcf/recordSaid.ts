// The problems of a data line's columns as the reader says them (VCF §1.6): the English that
// `vcf check` prints, with a code and values the renderer words (issue 22, decision 0069).
import { cut, said, show, withValues } from './problems';
import type { Said } from './problems';

/** A line with too few columns: [tabs, spaces] × [with samples (a count), sites-only]. */
const SHORT = [
  ['columns-short', 'columns-short-sites'],
  ['columns-spaces', 'columns-spaces-sites'],
] as const;

function columnsText(expected: number, samples: number): string {
  const what =
    samples === 0
      ? `${String(expected)} fixed`
      : `8 fixed, FORMAT and ${String(samples)} sample${samples === 1 ? '' : 's'}`;
  return `expected ${String(expected)} tab-separated columns (${what})`;
}

/** Fewer tab-separated columns than the fixed ones (`spaces`: one column holding spaces). */
export function tooFewColumns(
  expected: number,
  samples: number,
  found: number,
  spaces: boolean,
): Said {
  return said(
    SHORT[spaces ? 1 : 0][samples === 0 ? 1 : 0],
    `${columnsText(expected, samples)}, found ${String(found)}${spaces ? ' (columns must be separated by tabs, not spaces)' : ''}; the line is cut off or malformed`,
    { expected, found, count: samples === 0 ? undefined : samples },
  );
}

/** Another number of sample columns than the #CHROM line names (`tab`: one at the line's end). */
export function sampleColumnCount(
  expected: number,
  samples: number,
  found: number,
  tab: boolean,
): Said {
  return said(
    tab ? 'columns-tab-end' : 'columns-count',
    `${columnsText(expected, samples)}, found ${String(found)}${tab ? ' (a tab at the end of the line?)' : ''}`,
    { expected, found, count: samples },
  );
}

/** A CHROM that breaks the contig-name rules: the name, then the reason. */
export function chromProblem(chrom: string, p: Said): Said {
  return withValues(p, `${show(chrom)} ${p.message}`, { name: cut(chrom) });
}

export function notBases(ref: string): Said {
  return said('ref-not-bases', `${show(ref)} is not a sequence of bases A, C, G, T, N`, {
    value: cut(ref),
  });
}

export function notPosition(value: string): Said {
  return said('pos-invalid', `${show(value)} is not a position (a whole number ≥ 0)`, {
    value: cut(value),
  });
}

export function pastContigEnd(pos: number, chrom: string, length: number): Said {
  return said(
    'pos-past-end',
    `${String(pos)} is past the end of ${chrom} (length ${String(length)} in its ##contig line)`,
    { pos: String(pos), chrom: cut(chrom), length: String(length) },
  );
}

export function altIsRef(allele: string): Said {
  return said(
    'alt-is-ref',
    `allele ${show(allele)} is the same as REF; ALT lists non-reference alleles`,
    { allele: cut(allele) },
  );
}

export function altTwice(allele: string): Said {
  return said('alt-twice', `allele ${show(allele)} is listed twice`, { allele: cut(allele) });
}

export function sameVariant(ref: string, alt: string, line: number): Said {
  return said(
    'alt-same-variant',
    `${ref}>${alt} is the same variant as line ${String(line)} (after trimming shared bases)`,
    { variant: cut(`${ref}>${alt}`), first: String(line) },
  );
}

/** An ALT allele that is no allele: its number and text, then the reason. */
export function altProblem(n: number, alt: string, p: Said): Said {
  return withValues(p, `allele ${String(n)} ${show(alt)} ${p.message}`, { n, allele: cut(alt) });
}

/** A record listing more ALT alleles than any reader keeps (decision 0089). */
export function altTooMany(max: number): Said {
  return said(
    'alt-too-many',
    `lists more than ${max.toLocaleString('en')} ALT alleles, the most a VCF record can hold (the limit of htslib and bcftools); split the record`,
    { max },
  );
}

/** The most FORMAT keys a record may have: htslib's n_fmt is 8 bits (decision 0089). */
export const MAX_FORMAT_KEYS = 255;

export function formatTooMany(count: number): Said {
  return said(
    'format-too-many',
    `has ${count.toLocaleString('en')} keys, more than ${String(MAX_FORMAT_KEYS)}, the most a VCF record can hold (the limit of htslib and bcftools)`,
    { count, max: MAX_FORMAT_KEYS },
  );
}

/** Beacon request parameters for one genomic query; coordinates as Beacon wants them (0-based start). */
export interface GenomicParams {
  referenceName?: string;
  start?: number;
  end?: number;
  referenceBases?: string;
  alternateBases?: string;
  geneId?: string;
  aminoacidChange?: string;
  assemblyId?: string;
}

export type GenomicQuery =
  | { kind: 'none' }
  | { kind: 'gene'; gene: string }
  | { kind: 'geneAa'; gene: string; aa: string }
  | { kind: 'region'; chrom: string; start: number; end: number }
  | { kind: 'variant'; chrom: string; pos: number; ref: string; alt: string };

/** Why the text is not a query, as a code the renderer words (issue 22); `text` is what was typed. */
export type GenomicInputCode = 'region-order' | 'position' | 'protein-change' | 'not-understood';

export type ParseResult =
  | { ok: true; query: GenomicQuery }
  | { ok: false; message: string; code: GenomicInputCode; params: { text: string } };

const CHROM = '(?:chr)?([1-9]|1\\d|2[0-2]|X|Y|MT?)';
const REGION = new RegExp(`^${CHROM}:([\\d,]+)-([\\d,]+)$`, 'i');
const VARIANT = new RegExp(`^${CHROM}[-:]([\\d,]+)[-:]([ACGTN]+)[-:>]([ACGTN]+)$`, 'i');
const GENE = /^[A-Za-z][A-Za-z0-9-]{0,19}(?:orf\d+)?$/;
const AA_ONE = /^(?:p\.)?([ACDEFGHIKLMNPQRSTVWY])(\d{1,5})([ACDEFGHIKLMNPQRSTVWY*]|fs|del|=)$/;
const AA_THREE = /^(?:p\.)?([A-Z][a-z]{2})(\d{1,5})([A-Z][a-z]{2}|\*|Ter|fs|del|=)$/;

const num = (s: string): number => Number(s.replace(/,/g, ''));

function chromName(raw: string): string {
  const c = raw.toUpperCase();
  return c === 'M' ? 'MT' : c;
}

/**
 * Parses what the user typed into one Beacon genomic query (STANDARDS 3.2 query types): gene
 * symbol (BRCA1), region (17:43044295-43125483, 1-based inclusive), single variant
 * (17-43045712-T-C, 1-based VCF position) or gene + amino-acid change (BRAF V600E).
 */
export function parseGenomic(text: string): ParseResult {
  const s = text.trim();
  if (s === '') return { ok: true, query: { kind: 'none' } };
  const region = REGION.exec(s);
  if (region) {
    const [, chrom = '', a = '', b = ''] = region;
    const start = num(a);
    const end = num(b);
    if (start < 1 || end < start) {
      return {
        ok: false,
        message: `The region "${s}" must have 1 ≤ start ≤ end.`,
        code: 'region-order',
        params: { text: s },
      };
    }
    return { ok: true, query: { kind: 'region', chrom: chromName(chrom), start, end } };
  }
  const variant = VARIANT.exec(s);
  if (variant) {
    const [, chrom = '', p = '', ref = '', alt = ''] = variant;
    const pos = num(p);
    if (pos < 1)
      return {
        ok: false,
        message: `The position in "${s}" must be 1 or more.`,
        code: 'position',
        params: { text: s },
      };
    return {
      ok: true,
      query: {
        kind: 'variant',
        chrom: chromName(chrom),
        pos,
        ref: ref.toUpperCase(),
        alt: alt.toUpperCase(),
      },
    };
  }
  const words = s.split(/\s+/);
  const [first = '', second] = words;
  if (words.length <= 2 && GENE.test(first) && !/^(?:chr)?\d+$/i.test(first)) {
    const gene = first.toUpperCase();
    if (second === undefined) return { ok: true, query: { kind: 'gene', gene } };
    if (AA_ONE.test(second) || AA_THREE.test(second)) {
      return { ok: true, query: { kind: 'geneAa', gene, aa: second.replace(/^p\./, '') } };
    }
    return {
      ok: false,
      message: `"${second}" is not a protein change such as V600E or p.Val600Glu.`,
      code: 'protein-change',
      params: { text: second },
    };
  }
  return {
    ok: false,
    message: `"${s}" is not a gene (BRCA1), region (17:43044295-43125483), variant (17-43045712-T-C) or gene with protein change (BRAF V600E).`,
    code: 'not-understood',
    params: { text: s },
  };
}

/** Beacon requestParameters for a parsed query (0-based start, exclusive end; GRCh38). */
export function toBeaconParams(q: GenomicQuery): GenomicParams {
  switch (q.kind) {
    case 'none':
      return {};
    case 'gene':
      return { geneId: q.gene };
    case 'geneAa':
      return { geneId: q.gene, aminoacidChange: q.aa };
    case 'region':
      return { assemblyId: 'GRCh38', referenceName: q.chrom, start: q.start - 1, end: q.end };
    case 'variant':
      return {
        assemblyId: 'GRCh38',
        referenceName: q.chrom,
        start: q.pos - 1,
        referenceBases: q.ref,
        alternateBases: q.alt,
      };
  }
}

// Exon structure from a GTF (or a GENCODE-style GFF3 whose exon rows carry gene_name and
// transcript_id): one transcript per gene, written by scripts/buildGenomeAssets.mjs as
// resources/genome/exons.tsv and drawn by the gene track. Plain TypeScript without Node or DOM
// imports (erasable syntax only): the build script imports it directly (Node type stripping).

/** A half-open interval, 0-based start (BED style). */
export interface Span {
  readonly start0: number;
  readonly end: number;
}

/** One transcript's exons and coding span, as read from exon and CDS rows. */
export interface Transcript {
  readonly chrom: string;
  readonly symbol: string;
  readonly transcriptId: string;
  readonly strand: '+' | '-';
  readonly tags: readonly string[];
  readonly exons: readonly Span[];
  /** The coding span (first CDS start to last CDS end), when the transcript has CDS rows. */
  readonly cds: Span | undefined;
}

interface Building {
  chrom: string;
  symbol: string;
  transcriptId: string;
  strand: '+' | '-';
  tags: Set<string>;
  exons: Span[];
  cds: Span | undefined;
}

/** GTF `key "value"; key value;` or GFF3 `key=value;key=v1,v2` attributes; repeated keys kept. */
export function parseAttributes(column: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, v: string): void => {
    const list = out.get(k) ?? [];
    list.push(v);
    out.set(k, list);
  };
  const gff3 = !column.includes('"') && /^[^ =;]+=/.test(column.trim());
  for (const raw of column.split(';')) {
    const part = raw.trim();
    if (part === '') continue;
    if (gff3) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq);
      for (const v of part.slice(eq + 1).split(',')) add(key, decodeURIComponent(v));
      continue;
    }
    const m = /^(\S+)\s+"?([^"]*)"?$/.exec(part);
    if (m?.[1] !== undefined && m[2] !== undefined) add(m[1], m[2]);
  }
  return out;
}

/**
 * Collects exon and CDS rows line by line (a whole GENCODE GTF does not fit in one string), for
 * the genes `keep` accepts. Coordinates become 0-based half-open; other feature types are skipped.
 */
export function createGtfCollector(keep: (symbol: string) => boolean): {
  add(line: string): void;
  transcripts(): Transcript[];
} {
  const byId = new Map<string, Building>();
  return {
    add(line) {
      if (line === '' || line.startsWith('#')) return;
      const cols = line.split('\t');
      if (cols.length < 9) return;
      const [chrom = '', , type = '', start = '', end = '', , strand = '', , attrs = ''] = cols;
      if (type !== 'exon' && type !== 'CDS') return;
      const a = parseAttributes(attrs);
      const symbol = a.get('gene_name')?.[0];
      const transcriptId = a.get('transcript_id')?.[0];
      if (symbol === undefined || transcriptId === undefined || !keep(symbol)) return;
      const span = { start0: Number(start) - 1, end: Number(end) };
      if (!Number.isInteger(span.start0) || !Number.isInteger(span.end) || span.start0 < 0) return;
      const t = byId.get(transcriptId) ?? {
        chrom,
        symbol,
        transcriptId,
        strand: strand === '-' ? '-' : '+',
        tags: new Set<string>(),
        exons: [],
        cds: undefined,
      };
      byId.set(transcriptId, t);
      for (const tag of a.get('tag') ?? []) t.tags.add(tag);
      if (type === 'exon') t.exons.push(span);
      else
        t.cds =
          t.cds === undefined
            ? span
            : {
                start0: Math.min(t.cds.start0, span.start0),
                end: Math.max(t.cds.end, span.end),
              };
    },
    transcripts() {
      return [...byId.values()]
        .filter((t) => t.exons.length > 0)
        .map((t) => ({
          chrom: t.chrom,
          symbol: t.symbol,
          transcriptId: t.transcriptId,
          strand: t.strand,
          tags: [...t.tags].sort(),
          exons: [...t.exons].sort((x, y) => x.start0 - y.start0),
          cds: t.cds,
        }));
    },
  };
}

const length = (spans: readonly Span[]): number =>
  spans.reduce((n, s) => n + (s.end - s.start0), 0);

// Clinical reporting uses MANE Select where it exists; then Ensembl's canonical, APPRIS, CCDS.
const TAG_RANK = ['MANE_Select', 'Ensembl_canonical', 'appris_principal_1', 'CCDS', 'basic'];
const rank = (t: Transcript): number => {
  const i = TAG_RANK.findIndex((tag) => t.tags.includes(tag));
  return i < 0 ? TAG_RANK.length : i;
};

/** One transcript per gene: best tag, then longest coding span, then most exonic bases, then id. */
export function pickTranscripts(all: readonly Transcript[]): Transcript[] {
  const best = new Map<string, Transcript>();
  for (const t of all) {
    const seen = best.get(t.symbol);
    if (seen === undefined) {
      best.set(t.symbol, t);
      continue;
    }
    const cds = (x: Transcript): number => (x.cds === undefined ? 0 : x.cds.end - x.cds.start0);
    const better =
      rank(t) - rank(seen) ||
      cds(seen) - cds(t) ||
      length(seen.exons) - length(t.exons) ||
      t.transcriptId.localeCompare(seen.transcriptId);
    if (better < 0) best.set(t.symbol, t);
  }
  return [...best.values()];
}

/**
 * The exons.tsv header; rows are one transcript each, BED12-style: exon sizes and exon starts
 * relative to the transcript start (compact enough for every protein-coding gene).
 */
export const EXON_TABLE_HEADER =
  '#chrom\tstart0\tend\tsymbol\tstrand\ttranscript\tcdsStart0\tcdsEnd\texonSizes\texonStarts\n';

/** A table row; '.' marks a transcript without a coding span. */
export function exonTableRow(t: Transcript): string {
  const first = t.exons[0]?.start0 ?? 0;
  const last = Math.max(...t.exons.map((e) => e.end));
  return (
    [
      t.chrom,
      first,
      last,
      t.symbol,
      t.strand,
      t.transcriptId,
      t.cds?.start0 ?? '.',
      t.cds?.end ?? '.',
      t.exons.map((e) => e.end - e.start0).join(','),
      t.exons.map((e) => e.start0 - first).join(','),
    ].join('\t') + '\n'
  );
}

/** One exon as igv draws it: coding, UTR, or split at the coding start/end. */
export interface IgvExon {
  start: number;
  end: number;
  utr?: boolean;
  cdStart?: number;
  cdEnd?: number;
}

/** A transcript from exons.tsv, ready for the gene track. */
export interface ExonTranscript {
  readonly chrom: string;
  readonly start0: number;
  readonly end: number;
  readonly symbol: string;
  readonly strand: '+' | '-';
  readonly transcriptId: string;
  readonly exons: IgvExon[];
}

/** Parses exons.tsv; a header-only table (no exon source given) yields no transcripts. */
export function parseExonTable(text: string): ExonTranscript[] {
  const out: ExonTranscript[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const [chrom = '', s = '', e = '', symbol = '', strand = '', id = '', cs = '', ce = ''] =
      line.split('\t');
    const [sizes = '', starts = ''] = line.split('\t').slice(8);
    const sizeList = sizes.split(',').map(Number);
    const cds = cs === '.' ? undefined : { start: Number(cs), end: Number(ce) };
    const exons = starts.split(',').map((x, i): IgvExon => {
      const start = Number(s) + Number(x);
      const exon: IgvExon = { start, end: start + (sizeList[i] ?? 0) };
      if (cds === undefined) return exon;
      // igv's own rule (findUTRs): outside the coding span is UTR; edges record where coding starts.
      if (exon.end <= cds.start || exon.start >= cds.end) return { ...exon, utr: true };
      if (cds.start > exon.start) exon.cdStart = cds.start;
      if (cds.end < exon.end) exon.cdEnd = cds.end;
      return exon;
    });
    out.push({
      chrom,
      start0: Number(s),
      end: Number(e),
      symbol,
      strand: strand === '-' ? '-' : '+',
      transcriptId: id,
      exons,
    });
  }
  return out;
}

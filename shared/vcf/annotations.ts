// Annotations already in a VCF: VEP `CSQ` and SnpEff `ANN` (one entry per transcript and allele),
// ClinVar-style INFO keys (CLNSIG, CLNREVSTAT, CLNDN, …) and population allele frequencies.
import type { VcfHeader, VcfRecord } from './types';

/** The layout of a CSQ or ANN field, read from its ##INFO Description. */
export interface AnnotationLayout {
  readonly key: 'CSQ' | 'ANN';
  readonly fields: readonly string[];
}

/** One transcript-level annotation of one ALT allele. */
export interface TranscriptAnnotation {
  readonly source: 'CSQ' | 'ANN';
  /** 1-based ALT index this entry belongs to (undefined when its Allele matches no ALT). */
  readonly altIndex: number | undefined;
  /** Sequence Ontology terms (VEP Consequence / SnpEff Annotation, `&`-separated in the file). */
  readonly consequences: readonly string[];
  readonly impact: 'HIGH' | 'MODERATE' | 'LOW' | 'MODIFIER' | null;
  readonly gene: string | null;
  readonly geneId: string | null;
  readonly transcript: string | null;
  readonly biotype: string | null;
  readonly hgvsc: string | null;
  readonly hgvsp: string | null;
  /** VEP CANONICAL=YES. */
  readonly canonical: boolean;
  /** VEP MANE_SELECT (a RefSeq id), when present. */
  readonly maneSelect: string | null;
  /** ClinVar significance carried in the annotation (VEP CLIN_SIG, or a ClinVar_CLNSIG field). */
  readonly clinicalSignificance: string | null;
  /** Population allele frequencies by field name (gnomADe_AF, MAX_AF, …); the highest of `&` lists. */
  readonly frequencies: Readonly<Record<string, number>>;
  /** Every field of the entry, by name. */
  readonly fields: ReadonlyMap<string, string>;
}

/** Reads the CSQ/ANN layouts declared in the header. */
export function annotationLayouts(header: VcfHeader): AnnotationLayout[] {
  const out: AnnotationLayout[] = [];
  const csq = header.info.get('CSQ')?.description;
  const m = csq === undefined ? null : /Format:\s*([^"]+)$/.exec(csq);
  if (m?.[1] !== undefined) out.push({ key: 'CSQ', fields: m[1].trim().split('|') });
  const ann = header.info.get('ANN')?.description;
  const a = ann === undefined ? null : /'([^']+)'/.exec(ann);
  if (a?.[1] !== undefined) out.push({ key: 'ANN', fields: a[1].split('|').map((f) => f.trim()) });
  return out;
}

const IMPACTS = new Set(['HIGH', 'MODERATE', 'LOW', 'MODIFIER']);
/** Field names that hold allele frequencies (gnomADe_AF, AF, MAX_AF, EUR_AF, AF_popmax…). */
export const FREQUENCY_FIELD = /(^|_)(AF|MAF)(_|$)/i;

/** The fields an entry's getters read: VEP's name, SnpEff's ('' where SnpEff has none). */
const NAMED = {
  consequence: ['Consequence', 'Annotation'],
  impact: ['IMPACT', 'Annotation_Impact'],
  gene: ['SYMBOL', 'Gene_Name'],
  geneId: ['Gene', 'Gene_ID'],
  transcript: ['Feature', 'Feature_ID'],
  biotype: ['BIOTYPE', 'Transcript_BioType'],
  hgvsc: ['HGVSc', 'HGVS.c'],
  hgvsp: ['HGVSp', 'HGVS.p'],
  canonical: ['CANONICAL', ''],
  mane: ['MANE_SELECT', ''],
} as const;
type Named = keyof typeof NAMED;

/**
 * Where each named field sits in a layout, computed once per layout: every getter of every
 * entry reads its field's index here (decision 0078: a name lookup per read was a tenth of the
 * annotation parse).
 */
interface Positions {
  readonly at: (name: string) => number;
  readonly named: Readonly<Record<Named, number>>;
  readonly freq: readonly number[];
  readonly clinSig: number;
}
const positions = new WeakMap<AnnotationLayout, Positions>();

function positionsOf(layout: AnnotationLayout): Positions {
  let p = positions.get(layout);
  if (p === undefined) {
    const index = new Map(layout.fields.map((f, i) => [f, i]));
    const at = (name: string): number => index.get(name) ?? -1;
    const side = layout.key === 'CSQ' ? 0 : 1;
    const named = Object.fromEntries(
      Object.entries(NAMED).map(([k, names]) => [k, at(names[side])]),
    ) as Record<Named, number>;
    p = {
      at,
      named,
      freq: layout.fields.flatMap((f, i) => (FREQUENCY_FIELD.test(f) ? [i] : [])),
      clinSig: layout.fields.findIndex((f) => f === 'CLIN_SIG' || /CLNSIG$/i.test(f)),
    };
    positions.set(layout, p);
  }
  return p;
}

/** The allele string VEP writes for each ALT: a first base shared by all alleles is dropped, "" → "-". */
function vepAlleles(ref: string, alts: readonly string[]): string[] {
  const first = ref[0]?.toUpperCase();
  const shared = alts.every((a) => /^[ACGTN*]+$/i.test(a) && a[0]?.toUpperCase() === first);
  return alts.map((a) => {
    if (a.startsWith('<') && a.endsWith('>')) return a.slice(1, -1);
    const s = shared ? a.slice(1) : a;
    return s === '' ? '-' : s.toUpperCase();
  });
}

/** The highest finite number of an `&`-separated list (undefined when there is none). */
function highestNumber(v: string): number | undefined {
  if (!v.includes('&')) {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  let max: number | undefined;
  for (const part of v.split('&')) {
    const n = Number(part);
    if (Number.isFinite(n) && (max === undefined || n > max)) max = n;
  }
  return max;
}

/**
 * Where each `|`-separated field of an entry starts (and, past the last, its length + 1): an
 * entry of a real VEP file has 70–100 fields of which the app reads about fifteen, so fields are
 * cut out of the text only when read (decision 0044).
 */
function fieldStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) starts.push(i + 1);
  starts.push(text.length + 1);
  return starts;
}

/** One entry, read field by field on demand (a genome has millions). */
class Entry implements TranscriptAnnotation {
  private readonly p: Positions;
  // The import reads these several times per entry: decoded once.
  private terms: readonly string[] | undefined;
  private freqs: Readonly<Record<string, number>> | undefined;

  constructor(
    readonly source: 'CSQ' | 'ANN',
    private readonly text: string,
    private readonly starts: readonly number[],
    private readonly layout: AnnotationLayout,
    readonly altIndex: number | undefined,
  ) {
    this.p = positionsOf(layout);
  }

  /** Field `i` as written, undefined past the entry's last field. */
  private part(i: number): string | undefined {
    if (i < 0 || i + 1 >= this.starts.length) return undefined;
    return this.text.slice(this.starts[i], (this.starts[i + 1] as number) - 1);
  }

  private get(field: Named): string | null {
    const v = this.part(this.p.named[field]);
    return v === undefined || v === '' ? null : v;
  }

  get consequences(): readonly string[] {
    this.terms ??= (this.get('consequence') ?? '').split('&').filter((c) => c !== '');
    return this.terms;
  }
  get impact(): TranscriptAnnotation['impact'] {
    const v = this.get('impact') ?? '';
    return IMPACTS.has(v) ? (v as TranscriptAnnotation['impact']) : null;
  }
  get gene(): string | null {
    return this.get('gene');
  }
  get geneId(): string | null {
    return this.get('geneId');
  }
  get transcript(): string | null {
    return this.get('transcript');
  }
  get biotype(): string | null {
    return this.get('biotype');
  }
  get hgvsc(): string | null {
    return this.get('hgvsc');
  }
  get hgvsp(): string | null {
    return this.get('hgvsp');
  }
  get canonical(): boolean {
    return this.get('canonical') === 'YES';
  }
  get maneSelect(): string | null {
    return this.get('mane');
  }
  get clinicalSignificance(): string | null {
    const v = this.part(this.p.clinSig);
    return v === undefined || v === '' ? null : v;
  }
  get frequencies(): Readonly<Record<string, number>> {
    if (this.freqs !== undefined) return this.freqs;
    const out: Record<string, number> = {};
    for (const i of this.p.freq) {
      const v = this.part(i);
      if (v === undefined || v === '') continue;
      const max = highestNumber(v);
      if (max !== undefined) out[this.layout.fields[i] ?? ''] = max;
    }
    this.freqs = out;
    return out;
  }
  get fields(): ReadonlyMap<string, string> {
    return new Map(this.layout.fields.map((f, i) => [f, this.part(i) ?? '']));
  }
}

/** All transcript annotations of a record, each tied to its ALT allele. */
export function transcriptAnnotations(
  record: VcfRecord,
  layouts: readonly AnnotationLayout[],
): TranscriptAnnotation[] {
  const out: TranscriptAnnotation[] = [];
  for (const layout of layouts) {
    const value = record.infoValue(layout.key);
    if (value === undefined || value === null || value === true || typeof value === 'number')
      continue;
    const entries = typeof value === 'string' ? [value] : value;
    const p = positionsOf(layout);
    const alleleAt = p.at('Allele');
    const numAt = p.at('ALLELE_NUM');
    let vep: string[] | undefined;
    for (const entry of entries) {
      if (typeof entry !== 'string' || entry === '') continue;
      const starts = fieldStarts(entry);
      const field = (i: number): string | undefined =>
        i < 0 || i + 1 >= starts.length
          ? undefined
          : entry.slice(starts[i], (starts[i + 1] as number) - 1);
      const allele = (field(alleleAt) ?? '').toUpperCase();
      let altIndex: number | undefined;
      if (layout.key === 'ANN') {
        const i = record.alts.findIndex((a) => a.toUpperCase() === allele);
        altIndex = i < 0 ? undefined : i + 1;
      } else {
        const num = numAt < 0 ? Number.NaN : Number(field(numAt));
        if (Number.isInteger(num) && num >= 1 && num <= record.alts.length) altIndex = num;
        else {
          vep ??= vepAlleles(record.ref, record.alts);
          const i = vep.indexOf(allele);
          altIndex = i < 0 ? undefined : i + 1;
        }
      }
      out.push(new Entry(layout.key, entry, starts, layout, altIndex));
    }
  }
  return out;
}

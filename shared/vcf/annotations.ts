// Annotations already in a VCF: VEP `CSQ` and SnpEff `ANN` (one entry per transcript and allele),
// ClinVar-style INFO keys (CLNSIG, CLNREVSTAT, CLNDN, …) and population allele frequencies.
import type { VcfHeader, VcfRecord, VcfValue } from './types';

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
const FREQ = /(^|_)(AF|MAF)(_|$)/i;

/** The allele string VEP writes for each ALT: a first base shared by all alleles is dropped, "" → "-". */
function vepAlleles(ref: string, alts: readonly string[]): string[] {
  const seq = alts.filter((a) => /^[ACGTN*]+$/i.test(a));
  const first = ref[0]?.toUpperCase();
  const shared = seq.length === alts.length && alts.every((a) => a[0]?.toUpperCase() === first);
  return alts.map((a) => {
    if (a.startsWith('<') && a.endsWith('>')) return a.slice(1, -1);
    const s = shared ? a.slice(1) : a;
    return s === '' ? '-' : s.toUpperCase();
  });
}

const text = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

/** All transcript annotations of a record, each tied to its ALT allele. */
export function transcriptAnnotations(
  record: VcfRecord,
  layouts: readonly AnnotationLayout[],
): TranscriptAnnotation[] {
  const out: TranscriptAnnotation[] = [];
  for (const layout of layouts) {
    const value = record.infoValue(layout.key);
    for (const entry of entriesOf(value)) {
      const parts = entry.split('|');
      const f = new Map<string, string>();
      layout.fields.forEach((name, i) => f.set(name, parts[i] ?? ''));
      out.push(layout.key === 'CSQ' ? fromVep(f, record) : fromSnpEff(f, record));
    }
  }
  return out;
}

function entriesOf(value: VcfValue | undefined): string[] {
  if (value === undefined || value === true || value === null) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [];
  return value.filter((v): v is string => typeof v === 'string' && v !== '');
}

function frequencies(f: ReadonlyMap<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, v] of f) {
    if (!FREQ.test(name) || v === '') continue;
    const nums = v
      .split('&')
      .map(Number)
      .filter((n) => Number.isFinite(n));
    if (nums.length > 0) out[name] = Math.max(...nums);
  }
  return out;
}

function clinSig(f: ReadonlyMap<string, string>): string | null {
  for (const [name, v] of f)
    if ((name === 'CLIN_SIG' || /CLNSIG$/i.test(name)) && v !== '') return v;
  return null;
}

function fromVep(f: ReadonlyMap<string, string>, record: VcfRecord): TranscriptAnnotation {
  const num = Number(f.get('ALLELE_NUM'));
  let altIndex: number | undefined;
  if (Number.isInteger(num) && num >= 1 && num <= record.alts.length) altIndex = num;
  else {
    const i = vepAlleles(record.ref, record.alts).indexOf((f.get('Allele') ?? '').toUpperCase());
    altIndex = i < 0 ? undefined : i + 1;
  }
  const impact = f.get('IMPACT') ?? '';
  return {
    source: 'CSQ',
    altIndex,
    consequences: (f.get('Consequence') ?? '').split('&').filter((c) => c !== ''),
    impact: IMPACTS.has(impact) ? (impact as TranscriptAnnotation['impact']) : null,
    gene: text(f.get('SYMBOL')),
    geneId: text(f.get('Gene')),
    transcript: text(f.get('Feature')),
    biotype: text(f.get('BIOTYPE')),
    hgvsc: text(f.get('HGVSc')),
    hgvsp: text(f.get('HGVSp')),
    canonical: f.get('CANONICAL') === 'YES',
    maneSelect: text(f.get('MANE_SELECT')),
    clinicalSignificance: clinSig(f),
    frequencies: frequencies(f),
    fields: f,
  };
}

function fromSnpEff(f: ReadonlyMap<string, string>, record: VcfRecord): TranscriptAnnotation {
  const allele = (f.get('Allele') ?? '').toUpperCase();
  const i = record.alts.findIndex((a) => a.toUpperCase() === allele);
  const impact = f.get('Annotation_Impact') ?? '';
  return {
    source: 'ANN',
    altIndex: i < 0 ? undefined : i + 1,
    consequences: (f.get('Annotation') ?? '').split('&').filter((c) => c !== ''),
    impact: IMPACTS.has(impact) ? (impact as TranscriptAnnotation['impact']) : null,
    gene: text(f.get('Gene_Name')),
    geneId: text(f.get('Gene_ID')),
    transcript: text(f.get('Feature_ID')),
    biotype: text(f.get('Transcript_BioType')),
    hgvsc: text(f.get('HGVS.c')),
    hgvsp: text(f.get('HGVS.p')),
    canonical: false,
    maneSelect: null,
    clinicalSignificance: clinSig(f),
    frequencies: frequencies(f),
    fields: f,
  };
}

/** ClinVar's own INFO keys (as in ClinVar's VCF, or copied by annotators). */
export interface ClinVarInfo {
  readonly significance: string | null;
  readonly reviewStatus: string | null;
  readonly conditions: readonly string[];
  readonly alleleId: string | null;
  readonly geneInfo: string | null;
}

const joined = (v: VcfValue | undefined): string | null => {
  if (v === undefined || v === null || v === true) return null;
  if (Array.isArray(v)) return v.filter((x) => x !== null).join(',') || null;
  return String(v);
};

/** The ClinVar INFO keys of a record, or undefined when it has none. */
export function clinvarInfo(record: VcfRecord): ClinVarInfo | undefined {
  const sig = record.infoValue('CLNSIG');
  const rev = record.infoValue('CLNREVSTAT');
  const dn = record.infoValue('CLNDN');
  if (sig === undefined && rev === undefined && dn === undefined) return undefined;
  return {
    significance: joined(sig),
    reviewStatus: joined(rev),
    conditions: (joined(dn) ?? '').split(/[|,]/).filter((c) => c !== '' && c !== '.'),
    alleleId: joined(record.infoValue('ALLELEID')),
    geneInfo: joined(record.infoValue('GENEINFO')),
  };
}

/**
 * INFO keys that hold population allele frequencies (gnomAD_AF, EAS_AF, AF_popmax, …). The bare
 * `AF` is left out: in a patient's VCF it is the sample's own allele fraction, not a population's.
 */
export function frequencyInfoKeys(header: VcfHeader): string[] {
  return [...header.info.values()]
    .filter((d) => d.id !== 'AF' && d.type === 'Float' && FREQ.test(d.id))
    .map((d) => d.id);
}

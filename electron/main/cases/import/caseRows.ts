// VCF records → rows of the case tables (shared/cases/dbSchema.ts), with the app's one reader's
// splitting, trimming and annotation parsing. No I/O: the writer appends what this produces.
import { refuseManyAlleles } from './importRefusal';
import { consequenceMask, mostSevere, severity } from '../../../../shared/cases/consequences';
import type { ResolvedMember } from '../../../../shared/cases/members';
import type {
  AnnotationLayout,
  SplitVariant,
  TranscriptAnnotation,
  VcfRecord,
  VcfValue,
} from '../../../../shared/vcf';
import { clinvarInfo, splitRecord, transcriptAnnotations } from '../../../../shared/vcf';
import { anyCarries } from '../../../../shared/vcf/split';
import type { GeneIndex } from '../genomeAssets';
import type { ReadCounts } from '../../../../shared/cancer/somaticCalls';
import type { SomaticHook } from '../cancer/somaticHook';
import { alleleBalance } from './alleleBalance';

/** Where rows go: one call per row, values in CASE_COLUMNS order. */
export interface RowSink {
  variant(row: unknown[]): void;
  variantGene(vid: number, gene: string): void;
  genotype(row: unknown[]): void;
  annotation(row: unknown[]): void;
  frequency(vid: number, field: string, af: number): void;
  /** Cancer cases only (issue 19): a `somatic` row. */
  somatic?(row: unknown[]): void;
}

export interface RowContext {
  /** The VCF's name, for a refusal's place. */
  readonly file?: string;
  readonly members: readonly ResolvedMember[];
  readonly layouts: readonly AnnotationLayout[];
  /** INFO keys holding population allele frequencies (annotations.ts frequencyInfoKeys). */
  readonly frequencyKeys: readonly string[];
  readonly genes: GeneIndex;
  readonly somatic?: SomaticHook;
}

export interface RowCounts {
  alleles: number;
  /** Alleles no imported member carries. */
  notCarried: number;
  /** Symbolic-overlap (`*`) and unspecified (`<*>`, `<NON_REF>`) alleles, and breakends. */
  notSequence: number;
}

const IMPACT_RANK: Record<string, number> = { HIGH: 4, MODERATE: 3, LOW: 2, MODIFIER: 1 };

const num = (v: VcfValue | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;
const at = (v: VcfValue | undefined, i: number): number | null =>
  Array.isArray(v) ? num((v as readonly VcfValue[])[i]) : i === 0 ? num(v) : null;
const int = (v: number | null): number | null => (v === null ? null : Math.round(v));
const hasClinvarKey = (r: VcfRecord): boolean => r.infoText.includes('CLN'); // CLNSIG, CLNDN…

/** Turns records into rows; `vid` counts alleles from 0. */
export class CaseRowBuilder {
  readonly counts: RowCounts = { alleles: 0, notCarried: 0, notSequence: 0 };
  private vid = 0;
  private last: { gene: string | null; hgvsp: string | null; popAf: number | null } = {
    gene: null,
    hgvsp: null,
    popAf: null,
  };

  constructor(
    private readonly ctx: RowContext,
    private readonly sink: RowSink,
  ) {}

  add(record: VcfRecord): void {
    const split = splitRecord(record);
    let anns: TranscriptAnnotation[] | undefined;
    let clinvar: ReturnType<typeof clinvarInfo> | null = null;
    for (const v of split) {
      this.counts.alleles++;
      if (v.kind !== 'bases' && v.kind !== 'symbolic') {
        this.counts.notSequence++;
        continue;
      }
      const somatic = this.ctx.somatic;
      const reads = somatic && this.ctx.members.map((m) => somatic.counts(v, m.column));
      // No calls for an ALT nobody carries: they subset every R/A/G value (decision 0089).
      const members = somatic || anyCarries(v, this.ctx.members) ? this.ctx.members : [];
      const calls = members.map((m, i) => withReads(call(v, m.column), reads?.[i]));
      refuseManyAlleles(this.ctx.file ?? 'VCF', v.record, members, calls);
      const tumourReads = (reads?.[0]?.adAlt ?? 0) > 0;
      if (!tumourReads && !calls.some((c) => c.altCount !== null && c.altCount > 0)) {
        this.counts.notCarried++;
        continue;
      }
      anns ??= transcriptAnnotations(record, this.ctx.layouts);
      if (clinvar === null) clinvar = hasClinvarKey(record) ? clinvarInfo(record) : undefined;
      const mine = anns.filter(
        (a) => a.altIndex === v.altIndex || (a.altIndex === undefined && split.length === 1),
      );
      const vid = this.emit(v, calls, mine, clinvar);
      if (somatic && reads) somatic.row(vid, v, reads, this.last);
    }
  }

  private emit(
    v: SplitVariant,
    calls: Call[],
    anns: readonly TranscriptAnnotation[],
    clinvar: ReturnType<typeof clinvarInfo>,
  ): number {
    const vid = this.vid++;
    const { record } = v;
    const chrom = v.key.slice(0, v.key.indexOf('-'));
    const end = v.kind === 'bases' ? v.pos + v.ref.length - 1 : v.pos;
    let maxAf: number | null = null;
    // Decoding the whole INFO (its CSQ text included) only pays when the file has frequency keys.
    const info = this.ctx.frequencyKeys.length === 0 ? undefined : v.info();
    for (const key of this.ctx.frequencyKeys) {
      const af = at(info?.get(key), 0);
      if (af === null) continue;
      this.sink.frequency(vid, key, af);
      maxAf = maxAf === null ? af : Math.max(maxAf, af);
    }
    let worst: TranscriptAnnotation | undefined;
    let worstRank = Infinity;
    const terms = new Set<string>();
    const genes = new Set<string>();
    const annFreq = new Map<string, number>();
    for (const a of anns) {
      let rank = Infinity;
      for (const c of a.consequences) {
        terms.add(c);
        rank = Math.min(rank, severity(c));
      }
      // Ties go to the canonical (or MANE) transcript: the one a report would cite.
      if (
        rank < worstRank ||
        (rank === worstRank && (a.canonical || a.maneSelect !== null) && worst?.canonical !== true)
      ) {
        worst = a;
        worstRank = rank;
      }
      if (a.gene !== null) genes.add(a.gene);
      let entryMax: number | null = null;
      for (const field in a.frequencies) {
        const af = a.frequencies[field] as number;
        entryMax = entryMax === null ? af : Math.max(entryMax, af);
        annFreq.set(field, Math.max(annFreq.get(field) ?? 0, af));
      }
      this.sink.annotation([
        vid,
        a.source,
        a.gene,
        a.geneId,
        a.transcript,
        a.biotype,
        a.consequences.join('&'),
        a.impact,
        a.hgvsc,
        a.hgvsp,
        a.canonical,
        a.maneSelect,
        a.clinicalSignificance,
        entryMax,
      ]);
    }
    for (const [field, af] of annFreq) {
      this.sink.frequency(vid, field, af);
      maxAf = maxAf === null ? af : Math.max(maxAf, af);
    }
    if (genes.size === 0)
      for (const g of this.ctx.genes.genesAt(chrom, v.pos - 1, end)) genes.add(g);
    for (const g of genes) this.sink.variantGene(vid, g);
    const p = calls[0] as Call;
    this.last = {
      gene: worst?.gene ?? genes.values().next().value ?? null,
      hgvsp: worst?.hgvsp ?? null,
      popAf: maxAf,
    };
    const { filters, ids } = record; // getters: each read slices and splits the line again
    this.sink.variant([
      vid,
      chrom,
      v.pos,
      end,
      v.ref,
      v.alt,
      v.key,
      v.kind,
      ids.length === 0 ? null : ids.join(';'),
      record.qual,
      filters === null ? null : filters.join(';'),
      filters === null ? null : filters.length === 1 && filters[0] === 'PASS',
      record.line,
      record.alts.length > 1,
      worst?.gene ?? genes.values().next().value ?? null,
      worst === undefined ? null : mostSevere(worst.consequences),
      terms.size === 0 ? 0n : consequenceMask(terms),
      worst?.impact ?? null,
      IMPACT_RANK[worst?.impact ?? ''] ?? 0,
      worst?.transcript ?? null,
      worst?.hgvsc ?? null,
      worst?.hgvsp ?? null,
      maxAf,
      clinvar?.significance ?? worst?.clinicalSignificance ?? null,
      clinvar?.reviewStatus ?? null,
      clinvar === undefined ? null : clinvar.conditions.join('|') || null,
      p.altCount,
      p.gt,
      p.gq,
      p.dp,
      p.ab,
    ]);
    calls.forEach((c, i) =>
      this.sink.genotype([
        vid,
        i,
        c.gt,
        c.altCount,
        c.ploidy,
        c.phased,
        c.hap,
        c.ps,
        c.gq,
        c.dp,
        c.adRef,
        c.adAlt,
        c.ab,
        c.otherAlt,
      ]),
    );
    return vid;
  }
}

/** A call with the somatic caller's read counts in place of the GT-based ones (when given). */
const withReads = (c: Call, r: ReadCounts | undefined): Call =>
  r === undefined ? c : { ...c, adRef: r.adRef, adAlt: r.adAlt, dp: r.dp ?? c.dp, ab: r.vaf };

interface Call {
  gt: string | null;
  altCount: number | null;
  ploidy: number | null;
  phased: boolean | null;
  hap: number | null;
  ps: bigint | null;
  gq: number | null;
  dp: number | null;
  adRef: number | null;
  adAlt: number | null;
  ab: number | null;
  otherAlt: boolean | null;
}

const NO_CALL: Call = {
  gt: null,
  altCount: null,
  ploidy: null,
  phased: null,
  hap: null,
  ps: null,
  gq: null,
  dp: null,
  adRef: null,
  adAlt: null,
  ab: null,
  otherAlt: null,
};

/** One member's call for one allele, from GT and the FORMAT fields GQ, DP, AD (or AF/VAF), PS. */
function call(v: SplitVariant, column: number): Call {
  if (column < 0 || column >= v.record.header.samples.length) return NO_CALL;
  const gt = v.genotype(column);
  if (gt === null) return NO_CALL;
  const f = v.sample(column);
  const called = gt.alleles.filter((a) => a !== null);
  const altCount = called.length === 0 ? null : called.filter((a) => a === 1).length;
  const adRef = int(at(f.get('AD'), 0));
  const adAlt = int(at(f.get('AD'), 1));
  const ab = alleleBalance(v, column, adRef, adAlt) ?? at(f.get('VAF'), 0) ?? at(f.get('AF'), 0);
  const hap =
    gt.phased && altCount === 1 && gt.alleles.length === 2 ? gt.alleles.indexOf(1) + 1 : null;
  const ps = at(f.get('PS'), 0);
  return {
    gt: gt.alleles.map((a) => (a === null ? '.' : String(a))).join(gt.phased ? '|' : '/'),
    altCount,
    ploidy: gt.alleles.length,
    phased: gt.phased,
    hap,
    ps: ps === null ? null : BigInt(Math.round(ps)),
    gq: int(at(f.get('GQ'), 0)),
    dp: int(at(f.get('DP'), 0)),
    adRef,
    adAlt,
    ab,
    otherAlt: gt.otherAlt,
  };
}

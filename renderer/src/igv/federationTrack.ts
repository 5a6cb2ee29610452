import { alleleKey, vcfKey } from '../../../shared/search/alleles';
import type { NodeUpdate, VariantLocation, VariantRow } from '../../../shared/search/results';
import type { IgvFeature, IgvReader } from './igvTypes';

/** One node dataset's answer for one variant: its allele frequency when the node sent one. */
export interface FederationValue {
  readonly nodeId: string;
  readonly datasetId: string;
  readonly frequency: number | undefined;
  /** The node's own coordinates when main converted them to GRCh38 ("GRCh37 17-41209079-T-TG"). */
  readonly nodePlace?: string;
  /** REF at the mapped place differs from the query's (issue 15 item 2; worded by the view). */
  readonly refDiffers?: NonNullable<VariantRow['refDiffers']>;
}

/** A variant the federation returned as a record, with what each node dataset said about it. */
export interface FederationVariant extends IgvFeature {
  readonly kind: 'federation';
  readonly variantKey: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  readonly gene: string;
  readonly consequence: string;
  readonly hgvs: string;
  readonly values: FederationValue[];
  /** The highest frequency any node reported (undefined when none sent a frequency). */
  readonly maxFrequency: number | undefined;
}

/** The igv chromosome name for a cache/Beacon chromosome ('17' → 'chr17', 'MT' → 'chrM'). */
export const igvChrom = (c: string): string => `chr${c.toUpperCase() === 'MT' ? 'M' : c}`;

/** Why a variant record is not on the track. */
export interface Unplaced {
  /** Records without a readable position (VRS location, genomic HGVS or position members). */
  noPosition: number;
  /** Records located on GRCh37: not drawn on the app's GRCh38 genome. */
  otherAssembly: number;
}

type Placed = { row: VariantRow; location: VariantLocation };

/** The variant rows of answered nodes (BCN-01: only what a node returned at record granularity). */
function placedRows(nodes: readonly NodeUpdate[]): { placed: Placed[]; unplaced: Unplaced } {
  const placed: Placed[] = [];
  const unplaced: Unplaced = { noPosition: 0, otherAssembly: 0 };
  for (const node of nodes) {
    if (node.status !== 'ok') continue;
    for (const r of node.records ?? []) {
      if (r.kind !== 'variant') continue;
      if (r.location === undefined) unplaced.noPosition++;
      else if (r.location.assembly === 'GRCh37') unplaced.otherAssembly++;
      else placed.push({ row: r, location: r.location });
    }
  }
  return { placed, unplaced };
}

/** How many variant records the track cannot draw, and why (the panel says so). */
export function unplacedVariants(nodes: readonly NodeUpdate[]): Unplaced {
  return placedRows(nodes).unplaced;
}

/**
 * Folds every node's variant records into one feature per allele, in position order. Positions
 * and alleles come from each record's own location (issue 15 item 3: internal ids are opaque), so
 * any server that returns variants is drawn, and one allele written differently by two servers
 * (VCF-style or VRS-normalised) is one feature (alleleKey).
 */
export function federationVariants(nodes: readonly NodeUpdate[]): FederationVariant[] {
  const byKey = new Map<string, FederationVariant>();
  for (const { row: r, location: l } of placedRows(nodes).placed) {
    const key = alleleKey(l) ?? `${r.nodeId}/${r.datasetId}/${r.id}`;
    const p = r.nodePlace;
    const value: FederationValue = {
      nodeId: r.nodeId,
      datasetId: r.datasetId,
      frequency: r.frequency,
      ...(p === undefined
        ? {}
        : { nodePlace: `${p.assembly} ${p.chrom}-${String(p.pos)}-${p.ref}-${p.alt}` }),
      ...(r.refDiffers === undefined ? {} : { refDiffers: r.refDiffers }),
    };
    const seen = byKey.get(key);
    if (seen !== undefined) {
      seen.values.push(value);
      continue;
    }
    const variantKey = vcfKey(l) ?? alleleKey(l) ?? `${l.chr}:${String(l.start + 1)}`;
    byKey.set(key, {
      kind: 'federation',
      chr: igvChrom(l.chr),
      start: l.start,
      end: Math.max(l.end, l.start + 1),
      name: variantKey,
      variantKey,
      pos: l.start + 1,
      ref: l.ref ?? '',
      alt: l.alt ?? '',
      gene: r.gene,
      consequence: r.consequence,
      hgvs: r.hgvs,
      values: [value],
      maxFrequency: undefined,
    });
  }
  return [...byKey.values()]
    .map((v) => {
      const freqs = v.values.flatMap((x) => (x.frequency === undefined ? [] : [x.frequency]));
      const maxFrequency = freqs.length === 0 ? undefined : Math.max(...freqs);
      const label = v.values
        .map((x) => `${x.nodeId} ${x.frequency === undefined ? '✓' : formatFrequency(x.frequency)}`)
        .join(' · ');
      return { ...v, maxFrequency, name: label };
    })
    .sort(
      (a, b) =>
        a.chr.localeCompare(b.chr) || a.pos - b.pos || a.variantKey.localeCompare(b.variantKey),
    );
}

/** A frequency as a clinician reads it: a percentage with two significant digits (0.0042 → 0.42%). */
export function formatFrequency(f: number): string {
  if (f === 0) return '0%';
  return `${(f * 100).toPrecision(2)}%`;
}

/** Frequency classes of the track's colour scale, rarest last; the legend lists them in this order. */
export const FREQUENCY_SCALE: readonly { readonly min: number; readonly color: string }[] = [
  { min: 0.05, color: '#08306b' },
  { min: 0.01, color: '#2171b5' },
  { min: 0.001, color: '#6baed6' },
  { min: 0, color: '#c6dbef' },
];

/** Variants a node returned without a frequency (presence only). */
export const NO_FREQUENCY_COLOR = '#878787';

/** The colour of a federation variant: darker for a higher maximum frequency; grey when none known. */
export function federationColor(v: FederationVariant): string {
  const f = v.maxFrequency;
  if (f === undefined) return NO_FREQUENCY_COLOR;
  return FREQUENCY_SCALE.find((s) => f >= s.min)?.color ?? '#c6dbef';
}

/** An igv reader over the federation's latest answer: the variants overlapping [start, end). */
export function createFederationReader(
  variants: () => readonly FederationVariant[],
): IgvReader<FederationVariant> {
  return {
    readFeatures(chr, start, end) {
      return Promise.resolve(
        variants().filter((v) => v.chr === chr && v.start < end && v.end > start),
      );
    },
  };
}

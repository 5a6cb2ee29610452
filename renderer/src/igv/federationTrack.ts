import type { NodeUpdate } from '../../../shared/search/results';
import type { IgvFeature, IgvReader } from './igvTypes';

/** One node dataset's answer for one variant: its allele frequency when the node sent one. */
export interface FederationValue {
  readonly nodeId: string;
  readonly datasetId: string;
  readonly frequency: number | undefined;
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

// Beacon variantInternalId as the demo nodes (and the cache) write it: 17-43057062-T-TG.
const KEY = /^(\w{1,2})-(\d+)-([ACGTN]+)-([ACGTN]+)$/i;

/** The igv chromosome name for a cache/Beacon chromosome ('17' → 'chr17', 'MT' → 'chrM'). */
export const igvChrom = (c: string): string => `chr${c.toUpperCase() === 'MT' ? 'M' : c}`;

/**
 * Folds every node's variant records (BCN-01: only what a node returned at record granularity)
 * into one feature per variant key, in position order; records without a parsable key are skipped.
 */
export function federationVariants(nodes: readonly NodeUpdate[]): FederationVariant[] {
  const byKey = new Map<string, FederationVariant>();
  for (const node of nodes) {
    if (node.status !== 'ok') continue;
    for (const r of node.records ?? []) {
      if (r.kind !== 'variant') continue;
      const m = KEY.exec(r.id);
      if (m === null) continue;
      const [, c = '', p = '0', ref = '', alt = ''] = m;
      const value: FederationValue = {
        nodeId: r.nodeId,
        datasetId: r.datasetId,
        frequency: r.frequency,
      };
      const seen = byKey.get(r.id);
      if (seen !== undefined) {
        seen.values.push(value);
        continue;
      }
      const pos = Number(p);
      byKey.set(r.id, {
        kind: 'federation',
        chr: igvChrom(c),
        start: pos - 1,
        end: pos - 1 + Math.max(1, ref.length),
        name: r.id,
        variantKey: r.id,
        pos,
        ref,
        alt,
        gene: r.gene,
        consequence: r.consequence,
        hgvs: r.hgvs,
        values: [value],
        maxFrequency: undefined,
      });
    }
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

import type { SelectedVariant } from '../store/browserSlice';
import type { CohortFeature } from './cohortReader';
import type { FederationVariant } from './federationTrack';
import { GENOTYPE_SOURCE } from './genotypeReader';
import type { IgvClickedItem, IgvFeature } from './igvTypes';

const isCohortFeature = (f: IgvFeature): f is CohortFeature =>
  'kind' in f && (f.kind === 'variant' || f.kind === 'density');
const isFederationFeature = (f: IgvFeature): f is FederationVariant =>
  'kind' in f && f.kind === 'federation';

const itemValue = (items: readonly IgvClickedItem[], name: string): string | undefined => {
  const hit = items.find((i) => (i.name ?? '').toLowerCase().replace(/:$/, '') === name);
  return hit === undefined
    ? undefined
    : (typeof hit.value === 'string' ? hit.value : JSON.stringify(hit.value))
        .replace(/<[^>]*>/g, '')
        .trim();
};

// A node sends one HGVS string: protein if it has one, else transcript or genomic.
const hgvsOf = (h: string): { hgvsC?: string; hgvsP?: string } =>
  h === '' ? {} : /(^|:)p\./.test(h) ? { hgvsP: h } : { hgvsC: h };

/** Turns an igv trackclick into the plain variant the details panel shows, if a variant was hit. */
export function selectedFromClick(
  items: readonly IgvClickedItem[] | undefined,
  features: readonly IgvFeature[] | undefined,
): SelectedVariant | undefined {
  const hit = features?.find(isCohortFeature);
  if (hit?.kind === 'variant') {
    return {
      variantKey: hit.variantKey,
      chrom: hit.chr,
      pos: hit.pos,
      ref: hit.ref,
      alt: hit.alt,
      source: 'cohort',
      gene: hit.gene,
      consequence: hit.consequence,
      ...(hit.clinSig === undefined ? {} : { clinSig: hit.clinSig }),
      ...(hit.hgvsC === undefined ? {} : { hgvsC: hit.hgvsC }),
      ...(hit.hgvsP === undefined ? {} : { hgvsP: hit.hgvsP }),
      datasets: hit.datasets.map((d) => ({ ...d })),
    };
  }
  const fed = features?.find(isFederationFeature);
  if (fed !== undefined) {
    // The per-node values stay in the store's federation answer; the panel looks them up by key.
    return {
      variantKey: fed.variantKey,
      chrom: fed.chr,
      pos: fed.pos,
      ref: fed.ref,
      alt: fed.alt,
      source: 'federation',
      ...(fed.gene === '' ? {} : { gene: fed.gene }),
      ...(fed.consequence === '' ? {} : { consequence: fed.consequence }),
      ...hgvsOf(fed.hgvs),
      datasets: [],
    };
  }
  if (items === undefined || features !== undefined) return undefined;
  // igv's VCF popup rows: Chr, Pos, Ref, Alt (1-based position).
  const chrom = itemValue(items, 'chr');
  const pos = Number((itemValue(items, 'pos') ?? '').replace(/,/g, ''));
  const ref = itemValue(items, 'ref');
  const alt = itemValue(items, 'alt')?.replace('&lt;', '<');
  if (
    chrom === undefined ||
    !Number.isFinite(pos) ||
    pos < 1 ||
    ref === undefined ||
    alt === undefined
  )
    return undefined;
  const c = chrom.replace(/^chr/i, '');
  return {
    variantKey: `${c === 'M' ? 'MT' : c}-${String(pos)}-${ref}-${alt}`,
    chrom,
    pos,
    ref,
    alt,
    source: itemValue(items, 'source') === GENOTYPE_SOURCE ? 'genotypes' : 'patientVcf',
    datasets: [],
  };
}

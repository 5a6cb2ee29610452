import { emptyFilters } from '../../../shared/cohorts/definition';
import { caseTrackConfig } from './caseTrack';
import type { TrackSpec } from './session';
import type { CohortFeature } from './cohortReader';
import { createCohortReader } from './cohortReader';
import type { ColorBy } from './colors';
import type { CacheSource, TrackSources } from './dataSources';
import { consequenceClass, featureColor, PALETTES } from './colors';
import type { FederationVariant } from './federationTrack';
import { createFederationReader, federationColor, federationVariants } from './federationTrack';
import type { Gene, GeneIndex } from './geneIndex';
import type { GenotypeVariant } from './genotypeReader';
import { createGenotypeReader } from './genotypeReader';
import { genotypeReader, keepGenotypeReader } from './genotypeTracks';
import { PANELS } from './genomeAssets';
import type { PanelId } from './genomeAssets';
import type { IgvFeature, IgvTrackConfig } from './igvTypes';
import { patientFile } from './patientFiles';
import { useStore } from '../store';

/** A gene as the gene track draws it: its transcript's exons when the table has them, else its span. */
export function geneFeature(genes: GeneIndex, g: Gene): IgvFeature {
  const t = genes.exonsOf(g.symbol);
  if (t === undefined || t.chrom !== g.chrom)
    return { chr: g.chrom, start: g.start0, end: g.end, name: g.symbol, strand: g.strand };
  return {
    chr: t.chrom,
    start: t.start0,
    end: t.end,
    name: g.symbol,
    strand: t.strand,
    exons: t.exons.map((e) => ({ ...e })),
  };
}

/** The gene track: exon structure where resources/genome/exons.tsv has it, gene spans otherwise. */
export function geneTrack(genes: GeneIndex): IgvTrackConfig {
  return {
    name: 'Genes (GRCh38)',
    id: 'genes',
    type: 'annotation',
    displayMode: 'COLLAPSED',
    features: genes.genes.map((g) => geneFeature(genes, g)),
    color: '#1f4e79',
    removable: false,
    order: 1,
  };
}

const isPanel = (id: string | undefined): id is PanelId => id !== undefined && id in PANELS;

/**
 * The igv config for a track the store lists, or a reason it cannot be shown now (no cache open,
 * a patient file from a restored session not reopened yet).
 */
export function trackConfig(
  spec: TrackSpec,
  colorBy: ColorBy,
  sources: TrackSources,
): IgvTrackConfig | { missing: string } {
  const { cache } = sources;
  const base = { name: spec.name, id: spec.id, removable: false } as const;
  switch (spec.kind) {
    case 'panel':
      if (!isPanel(spec.source)) return { missing: `unknown panel ${spec.source ?? ''}` };
      return {
        ...base,
        type: 'annotation',
        format: 'bed',
        url: PANELS[spec.source],
        displayMode: 'COLLAPSED',
        color: '#6a3d9a',
        order: 2,
      };
    case 'cohort': {
      if (cache === undefined) return { missing: 'the local cache is not open' };
      return {
        ...base,
        type: 'annotation',
        reader: createCohortReader(cache.query),
        displayMode: 'EXPANDED',
        visibilityWindow: 300_000_000,
        // igv would widen each request to ~12x the view and then serve later, narrower views from
        // that wide answer (density bins where variants fit). The reader's SQL is fast enough to
        // ask for exactly what is loaded, so list-vs-density follows the view (bench/igv-track.ts).
        expandQuery: false,
        color: (f: IgvFeature) => featureColor(f as CohortFeature, colorBy),
        order: 3,
      };
    }
    case 'patientVcf': {
      const file = patientFile(spec.id);
      if (file === undefined) return { missing: `reopen ${spec.source ?? spec.name}` };
      return {
        ...base,
        type: 'variant',
        format: 'vcf',
        url: file.data,
        ...(file.index === undefined ? { indexed: false } : { indexURL: file.index }),
        displayMode: 'EXPANDED',
        order: 4,
      };
    }
    case 'genotypes':
      return genotypeTrack(spec, cache);
    case 'case':
      return caseTrackConfig(spec, sources.openCase);
    case 'federation': {
      // The answer as it stands now; syncTracks reloads the track when a node's answer arrives.
      const variants = federationVariants(useStore.getState().browserFederation?.nodes ?? []);
      return {
        ...base,
        type: 'annotation',
        reader: createFederationReader(() => variants),
        displayMode: 'EXPANDED',
        visibilityWindow: 300_000_000,
        color: (f: IgvFeature) => federationColor(f as FederationVariant),
        order: 5,
      };
    }
  }
}

/** Variant colour in the genotype track: the cohort track's consequence palette. */
const consequenceColor = (v: GenotypeVariant): string =>
  PALETTES.consequence.find((p) => p.key === consequenceClass(v.consequence))?.color ?? '#878787';

/**
 * The genotype track: igv's variant track with one row per chosen sample (a saved cohort, or
 * 'all' individuals), read from the cache for the region in view; igv sorts it by genotype.
 */
function genotypeTrack(
  spec: TrackSpec,
  cache: CacheSource | undefined,
): IgvTrackConfig | { missing: string } {
  if (cache === undefined) return { missing: 'the local cache is not open' };
  const state = useStore.getState();
  const filters =
    spec.source === 'all'
      ? emptyFilters()
      : state.cohortSaved.find((c) => c.id === spec.source)?.filters;
  if (filters === undefined) return { missing: `saved cohort ${spec.source ?? ''} not found` };
  const reader = createGenotypeReader(cache.query, filters, undefined, (h) => {
    // Only the reader igv draws from now names the samples: one replaced while its read was out
    // (the cache changed) must not overwrite the count of the track as it is.
    if (genotypeReader(spec.id) !== reader) return;
    useStore.getState().setBrowserGenotypeSamples({
      count: h.sampleNameMap.size,
      capped: h.capped,
    });
  });
  keepGenotypeReader(spec.id, reader);
  return {
    name: spec.name,
    id: spec.id,
    removable: false,
    type: 'variant',
    reader,
    showGenotypes: true,
    displayMode: 'EXPANDED',
    visibilityWindow: 200_000,
    color: (f: IgvFeature) => consequenceColor(f as GenotypeVariant),
    order: 3.5,
  };
}

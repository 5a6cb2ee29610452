// A minimal typed facade over the igv.js 3.x API this app uses. igv ships loose declarations full of
// `any`; the app sees only these types, and only renderer/src/igv/ imports igv itself.

import type { IgvExon } from '../../../shared/genome/gtfExons';

/** A feature as igv annotation tracks draw it: 0-based, end-exclusive. */
export interface IgvFeature {
  chr: string;
  start: number;
  end: number;
  name?: string;
  strand?: string;
  color?: string;
  /** Exon structure (igv draws coding exons thick, UTRs thin, introns as lines). */
  exons?: IgvExon[];
}

/** A JS reader igv calls for the region in view (chr as igv names it, 0-based half-open). */
export interface IgvReader<F extends IgvFeature = IgvFeature> {
  readFeatures(chr: string, start: number, end: number): Promise<F[]>;
  readHeader?(): Promise<unknown>;
}

/** The subset of igv track options the app sets. */
export interface IgvTrackConfig {
  name: string;
  id?: string;
  type: 'annotation' | 'variant';
  format?: 'vcf' | 'bed';
  url?: string | File;
  indexURL?: string | File;
  indexed?: boolean;
  reader?: IgvReader;
  features?: IgvFeature[];
  color?: string | ((feature: IgvFeature) => string);
  displayMode?: 'COLLAPSED' | 'EXPANDED' | 'SQUISHED';
  visibilityWindow?: number;
  /** false: igv asks the reader for the loaded range only, never a widened one (cached for later views). */
  expandQuery?: boolean;
  height?: number;
  order?: number;
  removable?: boolean;
  searchable?: boolean;
  /** Variant tracks: draw one row of calls per sample. */
  showGenotypes?: boolean;
}

/** Genome options for an offline reference without sequence: igv's 'chromsizes' format reads the sizes file as the "sequence". */
export interface IgvGenomeConfig {
  id: string;
  name: string;
  format: 'chromsizes';
  fastaURL: string;
  cytobandURL: string;
}

export interface IgvBrowserOptions {
  genome: IgvGenomeConfig;
  locus: string;
  tracks: IgvTrackConfig[];
  loadDefaultGenomes: false;
  search: false;
  showNavigation: boolean;
  showRuler: boolean;
  showCenterGuide?: boolean;
  showSampleNames?: boolean;
}

export interface IgvTrack {
  readonly name: string;
  readonly id?: string;
  /** Variant tracks with samples: the sample order igv draws (sorting reorders it). */
  readonly sampleKeys?: readonly string[];
  /** Variant tracks: igv's own "Sort by genotype" (ASC: reference first, DESC: carriers first). */
  sortSamplesByGenotype?(
    sort: { chr: string; start: number; end: number; direction: 'ASC' | 'DESC' },
    features?: readonly unknown[],
  ): Promise<void>;
}

/** One clicked feature as igv reports it to 'trackclick' handlers. */
export interface IgvClickedItem {
  readonly name?: string;
  readonly value?: unknown;
}

export type IgvEventMap = {
  locuschange: (
    frames: readonly { readonly chr: string; readonly start: number; readonly end: number }[],
  ) => void;
  /** Returning false suppresses igv's own popup. */
  trackclick: (
    track: IgvTrack,
    items: readonly IgvClickedItem[] | undefined,
    genomicLocation: number,
    features?: readonly IgvFeature[],
  ) => boolean;
};

export interface IgvBrowser {
  search(locus: string): Promise<unknown>;
  /** One locus string, or one per frame in multi-locus view; end may be fractional. */
  currentLoci(): string | string[];
  loadTrack(config: IgvTrackConfig): Promise<IgvTrack>;
  removeTrackByName(name: string): void;
  findTracks(predicate: (track: IgvTrack) => boolean): IgvTrack[];
  on<K extends keyof IgvEventMap>(event: K, handler: IgvEventMap[K]): void;
  off<K extends keyof IgvEventMap>(event: K, handler?: IgvEventMap[K]): void;
  toSVG(): string;
  zoomIn(): void;
  zoomOut(): void;
  /** Re-lays igv out to its container's current size (igv itself follows only window resizes). */
  visibilityChange(): Promise<void>;
}

export interface IgvModule {
  createBrowser(div: HTMLElement, options: IgvBrowserOptions): Promise<IgvBrowser>;
  removeBrowser(browser: IgvBrowser): void;
}

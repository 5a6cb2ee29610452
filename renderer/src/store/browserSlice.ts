import type { StateCreator } from 'zustand';
import type { VariantInDataset } from '../igv/cohortReader';
import type { ColorBy } from '../igv/colors';
import type { BrowserSession, TrackSpec } from '../igv/session';
import { sessionToJson } from '../igv/session';
import type { BrowserFederationSlice } from './browserFederationSlice';
import { createBrowserFederationSlice } from './browserFederationSlice';
import type { StoreState } from './index';

/** A clicked variant as plain data (the details panel shows it; igv objects never enter the store). */
export interface SelectedVariant {
  readonly variantKey: string;
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  readonly source: 'cohort' | 'patientVcf' | 'federation' | 'genotypes';
  readonly gene?: string;
  readonly consequence?: string;
  readonly clinSig?: string;
  readonly hgvsC?: string;
  readonly hgvsP?: string;
  readonly datasets: readonly VariantInDataset[];
}

export type BrowserStatus = 'starting' | 'ready' | 'failed';

export interface BrowserSlice extends BrowserFederationSlice {
  /** The locus in view, as igv reports it (chr17:43,044,295-43,125,364 style, 1-based). */
  browserLocus: string;
  browserTracks: TrackSpec[];
  browserColorBy: ColorBy;
  browserStatus: BrowserStatus;
  /** What went wrong, in the person's words (bad VCF with file and line, failed load). */
  browserError: string | undefined;
  browserSelected: SelectedVariant | undefined;
  /** Bumped when a restored session asks the view to jump; the view follows browserLocus then. */
  browserJump: number;
  /** Outside requests the CSP blocked while the browser was open (igv's igv.org fallback, say). */
  browserBlocked: string[];
  /** The genotype track's samples once igv read its header (how many, and whether capped). */
  browserGenotypeSamples: { count: number; capped: boolean } | undefined;
  setBrowserGenotypeSamples: (samples: { count: number; capped: boolean } | undefined) => void;
  browserRequestBlocked: (url: string) => void;
  browserLocusChanged: (locus: string) => void;
  browserStatusChanged: (status: BrowserStatus, error?: string) => void;
  setBrowserError: (error: string | undefined) => void;
  addBrowserTrack: (track: TrackSpec) => void;
  removeBrowserTrack: (id: string) => void;
  setBrowserColorBy: (by: ColorBy) => void;
  selectBrowserVariant: (variant: SelectedVariant | undefined) => void;
  restoreBrowserSession: (session: BrowserSession) => void;
  browserSessionJson: () => string;
}

/** Where a new browser opens: BRCA1's neighbourhood, a gene every user of this app knows. */
export const DEFAULT_LOCUS = 'chr17:43044295-43125364';

/** The Browser page's state: igv's events become these actions (renderer/src/igv/ dispatches them). */
export const createBrowserSlice: StateCreator<StoreState, [], [], BrowserSlice> = (
  set,
  get,
  store,
) => ({
  ...createBrowserFederationSlice(set, get, store),
  browserLocus: DEFAULT_LOCUS,
  browserTracks: [],
  browserColorBy: 'consequence',
  browserStatus: 'starting',
  browserError: undefined,
  browserSelected: undefined,
  browserJump: 0,
  browserBlocked: [],
  browserGenotypeSamples: undefined,
  setBrowserGenotypeSamples(samples) {
    set({ browserGenotypeSamples: samples });
  },
  browserRequestBlocked(url) {
    set({ browserBlocked: [...get().browserBlocked, url].slice(-20) });
  },
  browserLocusChanged(locus) {
    if (locus !== get().browserLocus) set({ browserLocus: locus });
  },
  browserStatusChanged(status, error) {
    set({ browserStatus: status, browserError: error });
  },
  setBrowserError(error) {
    set({ browserError: error });
  },
  addBrowserTrack(track) {
    const others = get().browserTracks.filter((t) => t.id !== track.id);
    set({ browserTracks: [...others, track] });
  },
  removeBrowserTrack(id) {
    set({ browserTracks: get().browserTracks.filter((t) => t.id !== id) });
  },
  setBrowserColorBy(by) {
    set({ browserColorBy: by });
  },
  selectBrowserVariant(variant) {
    set({ browserSelected: variant });
  },
  restoreBrowserSession(session) {
    set({
      browserLocus: session.locus,
      browserTracks: session.tracks,
      browserColorBy: session.colorBy,
      browserJump: get().browserJump + 1,
      browserError: undefined,
      browserSelected: undefined,
    });
  },
  browserSessionJson() {
    const { browserLocus, browserTracks, browserColorBy } = get();
    return sessionToJson({ locus: browserLocus, tracks: browserTracks, colorBy: browserColorBy });
  },
});

import type { GenotypeCall } from './genotypeReader';
import { genotypeReader } from './genotypeTracks';
import type { IgvBrowser } from './igvTypes';

/** The outcome of sorting a genotype track at the centre of the view. */
export interface GenotypeSort {
  /** The centre position (1-based) the samples were sorted at. */
  readonly chr: string;
  readonly pos: number;
  /** Variants covering the centre (usually one). */
  readonly variants: readonly string[];
  /** Samples carrying a variant at the centre, in igv's new order, with their zygosity. */
  readonly carriers: readonly { sample: string; zygosity: GenotypeCall['zygosity'] }[];
  readonly samples: number;
  /** The sample now in the first row. */
  readonly first: string | undefined;
}

/** What the page may ask of the live browser; the igv object itself stays inside igv/. */
export interface BrowserController {
  goto(locus: string): Promise<void>;
  zoomIn(): void;
  zoomOut(): void;
  /** Pans by a fraction of the view width (negative: left). */
  pan(fraction: number): Promise<void>;
  toSVG(): string;
  /**
   * Sorts a genotype track's samples by their genotype at the centre of the view (igv's own sort;
   * DESC puts carriers first); undefined when the track is not loaded.
   */
  sortGenotypes(trackId: string, direction: 'ASC' | 'DESC'): Promise<GenotypeSort | undefined>;
}

const LOCUS = /^(\w+):([\d,]+)-([\d,]+)$/;

/** Shifts a 1-based locus string by a fraction of its width, never before position 1. */
export function shiftLocus(locus: string, fraction: number): string | undefined {
  const m = LOCUS.exec(locus);
  if (m === null) return undefined;
  const [, chr = '', a = '', b = ''] = m;
  const start = Number(a.replace(/,/g, ''));
  const end = Number(b.replace(/,/g, ''));
  const width = end - start + 1;
  const shift = Math.round(width * fraction);
  const from = Math.max(1, start + shift);
  return `${chr}:${String(from)}-${String(from + width - 1)}`;
}

/** The (first) locus in view as chr:start-end with whole, 1-based positions. */
export function currentLocus(browser: IgvBrowser): string | undefined {
  const loci = browser.currentLoci();
  const first = Array.isArray(loci) ? loci[0] : loci;
  const m = /^(\w+):([\d.]+)-([\d.]+)$/.exec(first ?? '');
  if (m === null) return undefined;
  const [, chr = '', a = '', b = ''] = m;
  return `${chr}:${String(Math.round(Number(a)))}-${String(Math.round(Number(b)))}`;
}

/**
 * Wraps a live igv browser in the controller the page uses; `idle` settles when the tracks the
 * store lists are loaded (syncTracks), which a sort waits for.
 */
export function controllerFor(
  browser: IgvBrowser,
  idle: () => Promise<void> = () => Promise.resolve(),
): BrowserController {
  return {
    async goto(locus) {
      await browser.search(locus);
    },
    zoomIn: () => browser.zoomIn(),
    zoomOut: () => browser.zoomOut(),
    async pan(fraction) {
      const next = shiftLocus(currentLocus(browser) ?? '', fraction);
      if (next !== undefined) await browser.search(next);
    },
    toSVG: () => browser.toSVG(),
    async sortGenotypes(trackId, direction) {
      // A genotype track reloads when the cache's datasets change (syncTracks): a sort asked for
      // meanwhile found no track and said there was no variant at the centre.
      await idle();
      return sortGenotypes(browser, trackId, direction);
    },
  };
}

/** The centre base of the view: chr and 1-based position. */
export function locusCentre(locus: string): { chr: string; pos: number } | undefined {
  const m = LOCUS.exec(locus);
  if (m === null) return undefined;
  const [, chr = '', a = '', b = ''] = m;
  return { chr, pos: Math.floor((Number(a.replace(/,/g, '')) + Number(b.replace(/,/g, ''))) / 2) };
}

async function sortGenotypes(
  browser: IgvBrowser,
  trackId: string,
  direction: 'ASC' | 'DESC',
): Promise<GenotypeSort | undefined> {
  const track = browser.findTracks((t) => t.id === trackId)[0];
  const reader = genotypeReader(trackId);
  const centre = locusCentre(currentLocus(browser) ?? '');
  if (track?.sortSamplesByGenotype === undefined || reader === undefined || centre === undefined)
    return undefined;
  const { chr, pos } = centre;
  // The same reader igv draws from, so the calls' sample indexes match igv's header.
  const features = await reader.readFeatures(chr, pos - 1, pos);
  await track.sortSamplesByGenotype({ chr, start: pos - 1, end: pos, direction }, features);
  const order = track.sampleKeys ?? [];
  const zygosity = new Map<string, GenotypeCall['zygosity']>();
  for (const v of features)
    for (const c of v.calls)
      if (c.zygosity !== 'homref' && zygosity.get(c.sample) !== 'homvar')
        zygosity.set(c.sample, c.zygosity);
  return {
    chr,
    pos,
    variants: features.map((v) => v.variantKey),
    carriers: order.flatMap((sample) => {
      const z = zygosity.get(sample);
      return z === undefined ? [] : [{ sample, zygosity: z }];
    }),
    samples: order.length,
    first: order[0],
  };
}

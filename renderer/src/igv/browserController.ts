import type { IgvBrowser } from './igvTypes';

/** What the page may ask of the live browser; the igv object itself stays inside igv/. */
export interface BrowserController {
  goto(locus: string): Promise<void>;
  zoomIn(): void;
  zoomOut(): void;
  /** Pans by a fraction of the view width (negative: left). */
  pan(fraction: number): Promise<void>;
  toSVG(): string;
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

/** Wraps a live igv browser in the controller the page uses. */
export function controllerFor(browser: IgvBrowser): BrowserController {
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
  };
}

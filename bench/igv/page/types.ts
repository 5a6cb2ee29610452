/** What the in-page probe (probe.ts) is asked for and answers; DOM-free for the Node side. */

export interface Target {
  readonly track: string;
  readonly chr: string;
  /** 1-based, inclusive. */
  readonly start: number;
  readonly end: number;
}

export interface Painted {
  /** Navigation (Enter keydown or search call) → canvas appended with the drawn features. */
  readonly drawnMs: number;
  /** Navigation → the frame after that (the pixels are on screen). */
  readonly paintedMs: number;
  /** Features igv drew (igv loads one view width either side of the view). */
  readonly features: number;
  /** 'variant' for variant records, 'density' for the cohort track's bins, else igv's own type. */
  readonly kind: string;
  /** First feature start and last feature end igv drew (0-based). */
  readonly span: readonly [number, number];
}

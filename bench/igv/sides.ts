/**
 * The two things measured, behind one interface: the app's Browser page (navigation through its
 * locus box, the cohort track over the local cache) and the igv baseline page (navigation through
 * igv's search, the bgzipped + tabix VCF track). Both are timed by the same in-page probe.
 */
import type { Page } from 'playwright-core';
import type { Painted, Target } from './page/types';

export interface Side {
  readonly name: string;
  /** Navigates to chr:start-end (1-based) and resolves when the side's track painted it. */
  paint(chr: string, start: number, end: number): Promise<Painted>;
}

type Probe = {
  igvProbe: { arm(t: Target, trigger: 'enter' | 'now'): void; result(): Promise<Painted> };
};
type Baseline = { igvBaseline: { go(locus: string): Promise<void> } };

const locus = (chr: string, start: number, end: number): string =>
  `${chr}:${String(start)}-${String(end)}`;

/** The app side: types the locus, arms the probe on the Enter keydown, presses Enter. */
export function appSide(page: Page, track: string, probeJs: string): Side {
  return {
    name: 'cohort track',
    async paint(chr, start, end) {
      await page.evaluate(probeJs);
      const box = page.getByRole('combobox', { name: 'Gene, region or variant' });
      await box.fill(locus(chr, start, end));
      await box.press('Escape');
      const target: Target = { track, chr, start, end };
      await page.evaluate((t) => {
        (globalThis as unknown as Probe).igvProbe.arm(t, 'enter');
      }, target);
      await box.press('Enter');
      return page.evaluate(() => (globalThis as unknown as Probe).igvProbe.result());
    },
  };
}

/** The baseline side: arms the probe and calls igv's search in the same task. */
export function baselineSide(page: Page, track: string, probeJs: string): Side {
  return {
    name: 'igv VCF',
    async paint(chr, start, end) {
      await page.evaluate(probeJs);
      const target: Target = { track, chr, start, end };
      await page.evaluate(
        ([t, l]) => {
          const g = globalThis as unknown as Probe & Baseline;
          g.igvProbe.arm(t, 'now');
          void g.igvBaseline.go(l);
        },
        [target, locus(chr, start, end)] as const,
      );
      return page.evaluate(() => (globalThis as unknown as Probe).igvProbe.result());
    },
  };
}

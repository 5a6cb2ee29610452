import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The genome browser page (issue 8): locus box, tracks, igv's view, details and sessions. */
export class GenomeBrowserPage {
  constructor(readonly page: Page) {}

  /** Opens the page and waits for the app's signal that igv is up (data-ready on the page root). */
  async open(): Promise<void> {
    await this.page.getByTestId('nav-browser').click();
    await expect(this.page.getByTestId('genome-browser')).toHaveAttribute('data-ready', 'true', {
      timeout: 30_000,
    });
  }

  locusBox(): Locator {
    return this.page.getByRole('combobox', { name: 'Gene, region or variant' });
  }

  currentLocus(): Locator {
    return this.page.getByTestId('browser-current-locus');
  }

  /** Types into the locus box and presses Enter (no suggestion picked). */
  async goTo(text: string): Promise<void> {
    await this.locusBox().fill(text);
    await this.locusBox().press('Escape');
    await this.locusBox().press('Enter');
  }

  /** igv's label for a loaded track. */
  trackLabel(name: string): Locator {
    return this.page.getByTestId('igv-host').locator('.igv-track-label', { hasText: name });
  }

  trackPanel(): Locator {
    return this.page.getByTestId('browser-tracks');
  }

  ideogram(): Locator {
    return this.page.getByTestId('igv-host').locator('canvas.igv-ideogram-canvas');
  }

  panelToggle(id: 'cancer' | 'epilepsy' | 'acmg-sf'): Locator {
    return this.page.getByTestId(`track-toggle-panel-${id}`);
  }

  error(): Locator {
    return this.page.getByTestId('browser-error');
  }

  async openVcf(name: string, text: string | Buffer): Promise<void> {
    const buffer = typeof text === 'string' ? Buffer.from(text) : text;
    const mimeType = name.endsWith('.gz') ? 'application/gzip' : 'text/plain';
    await this.page.getByTestId('browser-open-vcf').setInputFiles({ name, mimeType, buffer });
  }

  async saveSession(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('browser-save-session').click();
    return download;
  }

  async openSession(name: string, text: string): Promise<void> {
    await this.page
      .getByTestId('browser-open-session')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** True when the canvas has at least one pixel that is neither transparent nor white. */
  async paints(canvas: Locator): Promise<boolean> {
    return canvas.evaluate((el) => {
      const c = el as HTMLCanvasElement;
      const ctx = c.getContext('2d');
      if (ctx === null || c.width === 0 || c.height === 0) return false;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < data.length; i += 4) {
        if (
          (data[i + 3] ?? 0) > 0 &&
          ((data[i] ?? 255) < 250 || (data[i + 1] ?? 255) < 250 || (data[i + 2] ?? 255) < 250)
        )
          return true;
      }
      return false;
    });
  }

  /**
   * Painted height (in canvas pixels) of each column of a track's canvas: an exon drawn as a box
   * is tall, the intron line beside it thin (issue 16: the gene track draws exons).
   */
  async paintedHeights(name: string): Promise<number[]> {
    return this.trackViewport(name)
      .locator('canvas')
      .first()
      .evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const ctx = c.getContext('2d');
        if (ctx === null || c.width === 0 || c.height === 0) return [];
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        const heights: number[] = [];
        for (let x = 0; x < c.width; x++) {
          let n = 0;
          for (let y = 0; y < c.height; y++) {
            const i = (y * c.width + x) * 4;
            if ((data[i + 3] ?? 0) > 0 && (data[i + 2] ?? 255) < 250) n += 1;
          }
          heights.push(n);
        }
        return heights;
      });
  }

  /** igv's viewport (drawing area) of a loaded track. */
  trackViewport(name: string): Locator {
    return this.page
      .getByTestId('igv-host')
      .locator('.igv-viewport', { has: this.page.locator('.igv-track-label', { hasText: name }) });
  }

  /** Clicks a track's first feature row at the middle of the view (where the locus box centred a variant). */
  async clickTrackCentre(name: string): Promise<void> {
    const box = await this.trackViewport(name).boundingBox();
    if (box === null) throw new Error(`track ${name} is not on screen`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + 15);
  }

  details(): Locator {
    return this.page.getByTestId('variant-details');
  }

  /**
   * Points of the details panel (a grid over its visible part, above the status bar) where
   * something else is on top, e.g. igv's canvas (inside its shadow root, so the hit is igv's host):
   * what a person sees covering the panel. Empty when the panel is unobstructed.
   */
  async detailsCoveredAt(): Promise<string[]> {
    return this.details().evaluate((panel) => {
      const r = panel.getBoundingClientRect();
      const bottom = Math.min(r.bottom, window.innerHeight - 48);
      const out: string[] = [];
      for (let i = 0; i <= 6; i++) {
        for (let j = 0; j <= 6; j++) {
          const x = r.left + 2 + ((r.width - 4) * i) / 6;
          const y = r.top + 2 + ((bottom - r.top - 4) * j) / 6;
          const hit = document.elementFromPoint(x, y);
          if (hit !== null && !panel.contains(hit))
            out.push(
              `${String(Math.round(x))},${String(Math.round(y))}: ${hit.tagName.toLowerCase()}.${hit.getAttribute('class') ?? ''}`,
            );
        }
      }
      return out;
    });
  }

  /** The federation track's panel beside igv: its data-state is none/sending/running/done/stale. */
  federation(): Locator {
    return this.page.getByTestId('browser-federation');
  }

  /** Presses "Query the federation for this view" and waits until every node's round is over. */
  async queryFederation(): Promise<void> {
    await this.page.getByTestId('browser-federation-run').click();
    await expect(this.federation()).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  }

  /** One node's row in the federation status table (data-status is the node's status). */
  federationNode(nodeId: string): Locator {
    return this.page.getByTestId(`browser-federation-${nodeId}`);
  }

  /** One variant's row in the federation track's table (per node dataset: frequency). */
  federationVariant(key: string): Locator {
    return this.page.getByTestId(`browser-federation-variant-${key}`);
  }
}

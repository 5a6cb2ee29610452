import { expect, test } from '../fixtures/app';
import { PLANTED, plantedData, servePlantedVault } from '../fixtures/plantedVault';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';

test.describe('genome browser layout (issue 13, rough surfaces)', () => {
  test('issue 13: the details panel of a clicked variant is not covered by the igv canvas at 1440×900', async ({
    app,
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await servePlantedVault(page, app.server.origin, plantedData());
    await page.reload();
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    await expect(page.getByTestId('track-toggle-cohort')).toBeEnabled({ timeout: 60_000 });
    await page.getByTestId('track-toggle-cohort').check();
    const snv = PLANTED[0]!;
    await browser.goTo(snv.key);
    await expect(browser.trackLabel('Cohort variants (local cache)')).toBeVisible();
    // Click once the track has drawn its variants, as a person would (and as
    // genome-browser-cohort.spec.ts waits): a click on the label's empty track finds nothing.
    await expect(page.getByTestId('browser-legend')).toContainText('loss of function');
    await expect
      .poll(() =>
        browser.paints(
          browser.trackViewport('Cohort variants (local cache)').locator('canvas').first(),
        ),
      )
      .toBe(true);
    await browser.clickTrackCentre('Cohort variants (local cache)');
    await expect(browser.details()).toContainText(`Variant ${snv.key}`);
    await expect.poll(() => browser.detailsCoveredAt()).toEqual([]);
    // The panel's own controls take the click (Playwright checks nothing else receives it).
    await browser
      .details()
      .getByRole('button', { name: 'Close details' })
      .click({ timeout: 5_000 });
    await expect(browser.details()).toHaveCount(0);
  });
});

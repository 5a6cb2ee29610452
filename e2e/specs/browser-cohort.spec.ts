import { expect, test } from '../fixtures/app';
import { PLANTED, plantedData, servePlantedVault } from '../fixtures/plantedVault';
import { BrowserPage } from '../pages/BrowserPage';

test.describe('genome browser cohort track over the local cache (issue 8)', () => {
  test('planted variants are drawn from db/ and a click opens the app details panel', async ({
    app,
    page,
    sandbox,
  }) => {
    test.setTimeout(120_000);
    await servePlantedVault(page, app.server.origin, plantedData());
    await page.reload();
    const browser = new BrowserPage(page);
    await browser.open();
    // The toggle turns on once db/ has loaded the cached datasets.
    await expect(page.getByTestId('track-toggle-cohort')).toBeEnabled({ timeout: 60_000 });
    await page.getByTestId('track-toggle-cohort').check();
    const snv = PLANTED[0]!;
    await browser.goTo(snv.key);
    await expect(browser.trackLabel('Cohort variants (local cache)')).toBeVisible();
    await expect(page.getByTestId('browser-legend')).toContainText('loss of function');
    await browser.clickTrackCentre('Cohort variants (local cache)');
    await expect(browser.details()).toContainText(`Variant ${snv.key}`);
    await expect(browser.details()).toContainText('stop gained');
    const rows = page.getByTestId('variant-frequencies').locator('tbody tr');
    await expect(rows).toHaveCount(snv.datasets.length);
    await expect(page.getByTestId('variant-frequencies')).toContainText('FI-RD-01');
    await expect(page.getByTestId('variant-frequencies')).toContainText('SE-CA-01');
    // Search this variant in the federation: the Search page opens with it in the query.
    await page.getByTestId('variant-search-federation').click();
    await expect(page.getByRole('combobox', { name: 'Gene, region or variant' })).toHaveValue(
      snv.key,
    );
    expect(sandbox.outsideRequests).toEqual([]);
  });
});

import { expect, test } from '../fixtures/app';
import { holdDataset, PLANTED, plantedData, servePlantedVault } from '../fixtures/plantedVault';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';

test.describe('genome browser cohort track over the local cache (issue 8)', () => {
  test('planted variants are drawn from db/ and a click opens the app details panel', async ({
    app,
    page,
    sandbox,
  }) => {
    test.setTimeout(120_000);
    await servePlantedVault(page, app.server.origin, plantedData());
    await page.reload();
    const browser = new GenomeBrowserPage(page);
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

test.describe('genome browser genotypes for a chosen cohort (issue 8)', () => {
  test('all individuals (capped) as genotype rows, sorted by genotype at a planted variant', async ({
    app,
    page,
    sandbox,
  }) => {
    test.setTimeout(120_000);
    await servePlantedVault(page, app.server.origin, plantedData());
    await page.reload();
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    const choose = page.getByTestId('browser-genotypes-cohort');
    await expect(choose).toBeEnabled({ timeout: 60_000 });
    await choose.selectOption('all');
    const snv = PLANTED[0]!;
    await browser.goTo(snv.key);
    await expect(browser.trackLabel('Genotypes: All individuals (first 200)')).toBeVisible();
    await expect(page.getByTestId('browser-genotypes-samples')).toContainText('first 200 samples');
    // The fixture's two FI-RD-01 carriers are among the first 200 (by dataset and id).
    const sorted = page.getByTestId('browser-genotypes-sorted');
    await page.getByRole('button', { name: /reference first/ }).click();
    // The sort reads the centre's calls from duckdb-wasm (queued behind igv's own reads).
    await expect(sorted).toContainText(`Sorted 200 samples at ${snv.key}: 2 carriers first`, {
      timeout: 30_000,
    });
    await expect(sorted).not.toHaveAttribute('data-first-sample', /I000000[01]$/);
    await page.getByTestId('browser-genotypes-sort').press('Enter');
    await expect(sorted).toHaveAttribute('data-first-sample', /^FI-RD-01\/FI-RD-01-I000000[01]$/);
    await expect(sorted).toContainText('FI-RD-01/FI-RD-01-I0000000 (heterozygous)');
    expect(sandbox.outsideRequests).toEqual([]);
  });
});

test.describe('genome browser genotypes while the cache is still loading', () => {
  test('chosen when one of two datasets has loaded, the genotype rows follow the other when it arrives', async ({
    app,
    page,
    sandbox,
  }) => {
    test.setTimeout(120_000);
    await servePlantedVault(page, app.server.origin, plantedData());
    // FI-RD-01 (the planted carriers, first by dataset id) arrives after the choice: the order a
    // slow machine gave CI, forced.
    const releaseFi = await holdDataset(page, app.server.origin, 'FI-RD-01');
    await page.reload();
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    const choose = page.getByTestId('browser-genotypes-cohort');
    await expect(choose).toBeEnabled({ timeout: 60_000 });
    await choose.selectOption('all');
    const snv = PLANTED[0]!;
    await browser.goTo(snv.key);
    const samples = page.getByTestId('browser-genotypes-samples');
    // SE-CA-01 alone: its first 200 individuals.
    await expect(samples).toContainText('first 200 samples');
    const sorted = page.getByTestId('browser-genotypes-sorted');
    await page.getByRole('button', { name: /reference first/ }).click();
    await expect(sorted).toHaveAttribute('data-first-sample', /^SE-CA-01\//, { timeout: 30_000 });
    releaseFi();
    // The track is read again over both datasets: the old summary goes, the samples are FI's.
    await expect(sorted).toBeHidden({ timeout: 30_000 });
    await expect(samples).toContainText('first 200 samples');
    await page.getByTestId('browser-genotypes-sort').press('Enter');
    await expect(sorted).toContainText(`Sorted 200 samples at ${snv.key}: 2 carriers first`, {
      timeout: 30_000,
    });
    await expect(sorted).toHaveAttribute('data-first-sample', /^FI-RD-01\/FI-RD-01-I000000[01]$/);
    expect(sandbox.outsideRequests).toEqual([]);
  });
});

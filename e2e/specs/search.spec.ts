import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/federation';
import { seriousAxeFindings } from '../pages/accessibility';
import { FederationPage } from '../pages/FederationPage';
import { SearchPage } from '../pages/SearchPage';

const NODES = ['FI', 'IT', 'ES', 'PT', 'SE'];
/** The generator's ground truth for the small profile the fixture's federation serves. */
const TRUTH = join(
  import.meta.dirname,
  '..',
  '..',
  'federation',
  'data',
  'small',
  'ground-truth.json',
);

test.describe('federated search (issue 5)', () => {
  // One worker, one demo federation: starting a second one in parallel only loads the 2-core machine.
  test.describe.configure({ mode: 'serial' });

  test('anonymous BRCA1: a row per node, the aggregate and the country plot', async ({
    page,
    federation,
  }) => {
    const search = new SearchPage(page);
    await search.open();
    // Keyboard autocomplete: type a prefix, arrow to the suggestion, Enter picks it.
    await search.genomic().fill('BRCA');
    await expect(page.getByRole('option', { name: /BRCA1/ })).toBeVisible();
    await search.genomic().press('ArrowDown');
    await search.genomic().press('Enter');
    await expect(search.genomic()).toHaveValue('BRCA1');
    await search.run().click();
    await search.waitUntilDone();
    await expect(search.nodeRows()).toHaveCount(NODES.length);
    for (const id of NODES) await expect(search.nodeRow(id)).toHaveAttribute('data-status', 'ok');
    // Anonymous: only the public Spanish reference is counted; the others say yes/no.
    await expect(search.nodeRow('ES')).toContainText('Count');
    await expect(search.nodeRow('FI')).toContainText('Yes/no only');
    expect(federation.info.nodes.map((n) => n.id)).toEqual(NODES);
    const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as {
      datasets: Record<string, { genes: Record<string, { carriers: number }> }>;
    };
    const esCarriers = truth.datasets['ES-AF-01']?.genes['BRCA1']?.carriers ?? 0;
    // Spain's yes/no-only dataset also has carriers: Spain is "at least" its count plus one (issue 13).
    const esYesOnly = (truth.datasets['ES-NE-01']?.genes['BRCA1']?.carriers ?? 0) > 0;
    await expect(search.nodeCount('ES')).toHaveText(
      esYesOnly ? `≥${esCarriers + 1} (some datasets answer yes/no only)` : String(esCarriers),
    );
    await expect(search.total()).toContainText('At least');
    await expect(search.total()).toContainText('withhold their counts');
    await expect(search.plot().getByRole('img', { name: 'Matches per country' })).toBeVisible();
    await expect(search.plot().getByRole('table')).toContainText('Spain');
    await expect(search.recordRows()).toHaveCount(0);
    await expect(search.recent()).toContainText('individuals: BRCA1');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  test('the clinician, signed in through the UI, gets records with provenance in a sortable table', async ({
    app,
    federation,
    sandbox,
    shell,
  }) => {
    app.page.context().setDefaultTimeout(20_000);
    await shell.open('federation');
    const fedPage = new FederationPage(app.page);
    const authorizationUrl = new URL(await fedPage.startSignIn());
    sandbox.allowOrigin(federation.info.issuer);
    sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
    const popup = await fedPage.completeSignIn('clinician', 'demo-password');
    await popup.close();
    await expect(fedPage.signedInAs()).toContainText('Signed in as');

    const search = new SearchPage(app.page);
    await search.open();
    await search.searchFor('BRCA2');
    await search.waitUntilDone();
    await expect(search.nodeRow('FI')).toContainText('Records');
    const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as {
      datasets: Record<string, { genes: Record<string, { carriers: number }> }>;
    };
    const fiCarriers = truth.datasets['FI-RD-01']?.genes['BRCA2']?.carriers ?? 0;
    expect(fiCarriers).toBeGreaterThan(0);
    // Provenance on each row: node and dataset columns; virtualised, so only visible rows exist.
    const table = app.page.getByTestId('search-records');
    await expect(table.getByRole('columnheader', { name: 'Dataset' })).toBeVisible();
    await expect(search.recordRows().first()).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'FI-RD-01' }).first()).toBeVisible();
    const sortByDataset = app.page.getByTestId('search-sort-dataset');
    await sortByDataset.click();
    await expect(table.getByRole('columnheader', { name: 'Dataset' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await sortByDataset.click();
    await expect(table.getByRole('columnheader', { name: 'Dataset' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(search.total()).toContainText('individuals');
    expect(await seriousAxeFindings(app.page)).toEqual([]);
    await app.page.screenshot({
      path: 'e2e/artifacts/screenshots/search-clinician.png',
      fullPage: true,
    });
  });

  test('a query is saved as JSON and opened again; a bad file names the file and the field', async ({
    page,
  }) => {
    const search = new SearchPage(page);
    await search.open();
    await search.target('g_variants').check();
    await search.genomic().fill('BRAF V600E');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      search.saveButton().click(),
    ]);
    const path = await download.path();
    const saved = JSON.parse(readFileSync(path, 'utf8')) as {
      format: string;
      query: { genomic: string };
    };
    expect(saved).toMatchObject({
      format: 'cohort-desk.search-query',
      query: { genomic: 'BRAF V600E', target: 'g_variants' },
    });
    expect(download.suggestedFilename()).toMatch(/\.query\.json$/);

    const broken = { ...saved, query: { ...saved.query, filters: [{ id: 'not a curie' }] } };
    await search.openInput().setInputFiles({
      name: 'broken.query.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect(search.fileError()).toContainText('broken.query.json');
    await expect(search.fileError()).toContainText('query.filters.0.id');

    await search.genomic().fill('');
    await search.openInput().setInputFiles({
      name: 'saved.query.json',
      mimeType: 'application/json',
      buffer: readFileSync(path),
    });
    await expect(search.genomic()).toHaveValue('BRAF V600E');
    await expect(search.fileError()).toHaveCount(0);
  });

  test('a bad query names what was wrong next to the field', async ({ page }) => {
    const search = new SearchPage(page);
    await search.open();
    await search.searchFor('17:500-100');
    await expect(page.getByRole('alert')).toContainText('must have 1 ≤ start ≤ end');
  });

  test('issue 13: anonymous individuals at 17-43057062-T-TG: the headline never states 0 while nodes say matches exist', async ({
    page,
  }) => {
    const search = new SearchPage(page);
    await search.open();
    await search.searchFor('17-43057062-T-TG');
    await search.waitUntilDone();
    await expect(search.total()).toHaveText(/^Matches at 2 nodes; counts withheld; 0 at .*Spain/);
    await expect(search.nodeRow('IT')).toContainText('Yes, matches');
    await expect(search.nodeRow('SE')).toContainText('Yes, matches');
  });

  test("issue 13: Spain's yes/no-only dataset with Seizure matches makes Spain at least 1, not 0", async ({
    page,
  }) => {
    const search = new SearchPage(page);
    await search.open();
    await search.addFilter('HP:0001250');
    await search.run().click();
    await search.waitUntilDone();
    await expect(search.nodeCount('ES')).toHaveText('≥1 (some datasets answer yes/no only)');
    await expect(search.total()).not.toContainText(/^0 /);
  });

  test('issue 13: the clinician sees what the record rows are, opens one, and reads variant positions; variants are counted once per allele', async ({
    app,
    federation,
    sandbox,
    shell,
  }) => {
    test.setTimeout(120_000);
    app.page.context().setDefaultTimeout(20_000);
    await shell.open('federation');
    const fedPage = new FederationPage(app.page);
    const authorizationUrl = new URL(await fedPage.startSignIn());
    sandbox.allowOrigin(federation.info.issuer);
    sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
    const popup = await fedPage.completeSignIn('clinician', 'demo-password');
    await popup.close();
    await expect(fedPage.signedInAs()).toContainText('Signed in as');

    const search = new SearchPage(app.page);
    await search.open();
    await search.searchFor('BRCA2');
    await search.waitUntilDone();
    const truth = JSON.parse(readFileSync(TRUTH, 'utf8')) as {
      datasets: Record<string, { genes: Record<string, { carriers: number }> }>;
    };
    const fi = truth.datasets['FI-RD-01']?.genes['BRCA2']?.carriers ?? 0;
    await expect(search.recordCoverage()).toContainText(
      fi > 100 ? `FI-RD-01 (FI): first 100 of ${String(fi)}` : `FI-RD-01 (FI): all ${String(fi)}`,
    );
    await search.recordOpeners().first().click();
    await expect(search.recordDetails()).toContainText('Individual');
    await expect(search.recordDetails()).toContainText('Dataset');

    await search.target('g_variants').check();
    await search.searchFor('BRCA1');
    await search.waitUntilDone();
    await expect(search.total()).toContainText('variants (counted per node)');
    await expect(search.hint('perNode')).toBeVisible();
    await expect(search.hint('distinctSeen')).toContainText('distinct variants among the records');
    await search.recordSortBy('position').click();
    await expect(search.recordOpeners().first()).toHaveText(
      /^17:43,\d{3},\d{3} [ACGT-]+>[ACGT-]+ \(GRCh38\)$/,
    );
    await search.recordOpeners().first().click();
    await expect(search.recordDetails()).toContainText('Position (alleles)');
    await expect(search.recordDetails()).toContainText(/Variant\s*17-\d+-[ACGT]+-[ACGT]+/);
    await app.page.screenshot({
      path: 'e2e/artifacts/screenshots/search-variant-record.png',
      fullPage: true,
    });

    // The planted allele is at two nodes (IT, SE), both answering with records: one variant.
    await search.searchFor('17-43057062-T-TG');
    await search.waitUntilDone();
    await expect(search.total()).toHaveText('1 distinct variant across the federation');
    expect(await seriousAxeFindings(app.page)).toEqual([]);
  });

  test('issue 15: opening a saved query shows the granularity it asks for, and the form changes it', async ({
    page,
  }) => {
    const search = new SearchPage(page);
    await search.open();
    await expect(search.granularity()).toHaveValue('record');
    const file = {
      format: 'cohort-desk.search-query',
      version: 1,
      query: { target: 'individuals', genomic: 'BRCA1', filters: [], granularity: 'count' },
    };
    await search.openInput().setInputFiles({
      name: 'counts.query.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect(search.genomic()).toHaveValue('BRCA1');
    await expect(search.granularity()).toHaveValue('count');
    await search.granularity().selectOption('record');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      search.saveButton().click(),
    ]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      query: { granularity: string };
    };
    expect(saved.query.granularity).toBe('record');
  });
});

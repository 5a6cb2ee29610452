import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/federation';
import { SearchPage } from '../pages/SearchPage';

const NODES = ['FI', 'IT', 'ES', 'PT', 'SE'];
/** The generator's ground truth for the small profile the fixture's federation serves. */
const TRUTH = join(import.meta.dirname, '..', '..', 'federation', 'data', 'small', 'ground-truth.json');

test.describe('federated search (issue 5)', () => {
  // One worker, one demo federation: starting a second one in parallel only loads the 2-core machine.
  test.describe.configure({ mode: 'serial' });

  test('anonymous BRCA1: a row per node, the aggregate and the country plot', async ({ page, federation }) => {
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
    await expect(page.getByTestId('search-node-ES-count')).toHaveText(String(esCarriers));
    await expect(search.total()).toContainText(`${esCarriers} individuals`);
    await expect(search.plot().getByRole('img', { name: 'Matches per country' })).toBeVisible();
    await expect(search.plot().getByRole('table')).toContainText('Spain');
    await expect(search.recordRows()).toHaveCount(0);
    await expect(search.recent()).toContainText('individuals: BRCA1');
  });

  test('a bad query names what was wrong next to the field', async ({ page }) => {
    const search = new SearchPage(page);
    await search.open();
    await search.searchFor('17:500-100');
    await expect(page.getByRole('alert')).toContainText('must have 1 ≤ start ≤ end');
  });
});

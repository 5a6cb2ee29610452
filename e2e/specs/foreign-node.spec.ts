import { expect, test } from '../fixtures/foreignFederation';
import { seriousAxeFindings } from '../pages/accessibility';
import { SearchPage } from '../pages/SearchPage';

// The foreign node DE serves SE's data lifted to GRCh37 in Beacon v2.0 shapes (federation/foreign/).
// A person searching sees the same answer from both, DE's assembly and what its answers tolerated.
test.describe('a Beacon we did not write (issue 15)', () => {
  test.describe.configure({ mode: 'serial' });

  test('issue 15: the foreign GRCh37 node answers a region search like the node whose data it serves, asked in its own coordinates, with its conformance notes', async ({
    page,
    federation,
  }) => {
    expect(federation.info.nodes.map((n) => n.id)).toContain('DE');
    const search = new SearchPage(page);
    await search.open();
    // A gene query needs no coordinates: the page does not claim an assembly it did not ask for.
    await search.target('g_variants').check();
    await search.searchFor('BRCA2');
    await search.waitUntilDone();
    await expect(search.nodeRow('DE')).toHaveAttribute('data-status', 'ok');
    await expect(page.getByTestId('search-node-DE-assembly')).toContainText('not asked');
    await expect(page.getByTestId('search-node-DE-assembly')).not.toContainText('assumed');
    // BRCA2 by GRCh38 coordinates: DE is asked in GRCh37 (issue 15 item 2) and answers as SE does.
    await search.searchFor('13:32315508-32400268');
    await search.waitUntilDone();
    await expect(search.nodeRow('DE')).toHaveAttribute('data-status', 'ok');
    await expect(search.nodeRow('SE')).toHaveAttribute('data-status', 'ok');
    const se = await search.nodeCount('SE').textContent();
    expect(se).not.toBe('');
    await expect(search.nodeCount('DE')).toHaveText(se ?? '');
    const assembly = page.getByTestId('search-node-DE-assembly');
    await expect(assembly).toContainText('GRCh37 (stated by the node)');
    await expect(assembly).toContainText('Asked in GRCh37 13:');
    // The national node states GRCh38 in the directory and needs no conversion.
    await expect(page.getByTestId('search-node-SE-assembly')).toContainText(
      'GRCh38 (from the federation directory)',
    );
    await expect(page.getByTestId('search-node-SE-assembly')).not.toContainText('Asked in');
    // What the reader tolerated (v2.0 shapes) is listed for the node operator (issue 15 item 1).
    const notes = page.getByTestId('search-notes-DE');
    await notes.locator('summary').click();
    await expect(notes.getByRole('listitem').first()).toBeVisible();
    await expect(page.getByTestId('search-notes-SE')).toHaveCount(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});

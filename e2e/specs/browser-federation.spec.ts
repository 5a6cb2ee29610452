import { expect, test } from '../fixtures/federation';
import { BrowserPage } from '../pages/BrowserPage';

const NODES = ['FI', 'IT', 'ES', 'PT', 'SE'];

test.describe('genome browser federation counts (issue 8)', () => {
  test.describe.configure({ mode: 'serial' });

  test('on demand, a per-node status and count for the region in view', async ({
    page,
    sandbox,
    federation,
  }) => {
    const browser = new BrowserPage(page);
    await browser.open();
    await browser.goTo('BRCA1');
    await expect(browser.currentLocus()).toHaveText(/^chr17:43044295-43125364$/);
    await page.getByTestId('browser-federation-run').click();
    for (const id of NODES) {
      await expect(page.getByTestId(`browser-federation-${id}`)).toHaveAttribute(
        'data-status',
        /^(ok|unauthorised)$/,
      );
    }
    expect(federation.info.nodes.map((n) => n.id)).toEqual(NODES);
    // The demo federation runs on loopback origins the fixture allows; nothing else was asked.
    expect(sandbox.outsideRequests).toEqual([]);
  });
});

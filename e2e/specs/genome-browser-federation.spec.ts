import { expect, test } from '../fixtures/federation';
import { seriousAxeFindings } from '../pages/accessibility';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';
import { FederationPage } from '../pages/FederationPage';

const NODES = ['FI', 'IT', 'ES', 'PT', 'SE'];
/** Planted in the demo federation's cancer datasets (federation/generator/planted.ts). */
const PLANTED = '17-43057062-T-TG';
const TRACK = 'Federation (frequency per node)';

test.describe('genome browser federation track (issue 8)', () => {
  // One worker, one demo federation: a second one in parallel only loads the 2-core machine.
  test.describe.configure({ mode: 'serial' });

  test('anonymous, on demand: a per-node status for the region in view and no per-variant data', async ({
    page,
    sandbox,
    federation,
  }) => {
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    await browser.goTo('BRCA1');
    await expect(browser.currentLocus()).toHaveText(/^chr17:43044295-43125364$/);
    await expect(browser.federation()).toHaveAttribute('data-state', 'none');
    await browser.queryFederation();
    await expect(browser.trackLabel(TRACK)).toBeVisible();
    for (const id of NODES) {
      await expect(browser.federationNode(id)).toHaveAttribute('data-status', 'ok');
    }
    // BCN-01: anonymous access gives region-level answers only; the public ES set gives a count.
    await expect(browser.federationNode('ES')).toContainText('variants in the region');
    await expect(browser.federationNode('IT')).toContainText('yes/no access only');
    await expect(browser.federation()).toContainText('No node returned per-variant records');
    expect(federation.info.nodes.map((n) => n.id)).toEqual(NODES);
    // The demo federation runs on loopback origins the fixture allows; nothing else was asked.
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('signed in: the track shows per-node frequencies of a planted variant; a node that is down says so', async ({
    app,
    federation,
    sandbox,
    shell,
  }) => {
    test.setTimeout(120_000);
    const page = app.page;
    page.context().setDefaultTimeout(20_000);
    await shell.open('federation');
    const fedPage = new FederationPage(page);
    const authorizationUrl = new URL(await fedPage.startSignIn());
    sandbox.allowOrigin(federation.info.issuer);
    sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
    const popup = await fedPage.completeSignIn('clinician', 'demo-password');
    await popup.close();
    await expect(fedPage.signedInAs()).toContainText('Signed in as');

    const pt = federation.nodes.find((n) => n.id === 'PT');
    if (pt === undefined) throw new Error('the demo federation has no PT node');
    pt.setFaults({ down: true });
    try {
      const browser = new GenomeBrowserPage(page);
      await browser.open();
      await browser.goTo('BRCA1');
      await expect(browser.currentLocus()).toHaveText(/^chr17:43044295-43125364$/);
      await browser.queryFederation();
      await expect(browser.federationNode('PT')).toHaveAttribute(
        'data-status',
        /^(error|timeout)$/,
      );
      await expect(browser.federationNode('PT')).toContainText(/error|timed out/);
      // The clinician's grants (IT-CA-01, SE-CA-01) return variant records with frequencies.
      for (const id of ['IT', 'SE'])
        await expect(browser.federationNode(id)).toContainText('frequencies for');
      const row = browser.federationVariant(PLANTED);
      await expect(row).toContainText(/IT IT-CA-01: \d/);
      await expect(row).toContainText(/SE SE-CA-01: \d/);
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({
        path: 'e2e/artifacts/screenshots/browser-federation.png',
        fullPage: true,
      });

      // Moving the view makes the answer stale; the track still draws what it knows there.
      await browser.goTo(PLANTED);
      await expect(page.getByTestId('browser-federation-stale')).toBeVisible();
      await expect(browser.federation()).toHaveAttribute('data-state', 'stale');
      await expect(browser.trackLabel(TRACK)).toBeVisible();
      await browser.clickTrackCentre(TRACK);
      await expect(browser.details()).toContainText(`Variant ${PLANTED}`);
      const values = page.getByTestId('variant-federation');
      await expect(values).toContainText('IT-CA-01');
      await expect(values).toContainText('SE-CA-01');
      await expect(values).not.toContainText('PT');
    } finally {
      pt.setFaults({});
    }
  });
});

import { isListedHost } from '../../electron/main/federation/hosts';
import { expect, test } from '../fixtures/federation';
import { BrowserPage } from '../pages/BrowserPage';
import { FederationPage } from '../pages/FederationPage';
import { SearchPage } from '../pages/SearchPage';

const originOf = (url: string): string => {
  const u = new URL(url);
  return `${u.hostname}:${u.port}`;
};

test('issue 21: a session (sign in, search, pull, browse) contacts no host outside the published list', async ({
  app,
  federation,
  sandbox,
  shell,
}) => {
  test.setTimeout(300_000);
  const page = app.page;
  const browserRequests: string[] = [];
  page.context().on('request', (request) => browserRequests.push(request.url()));

  // Sign in (the broker's pages open in the browser, as they would in the system browser).
  await shell.open('federation');
  const federationPage = new FederationPage(page);
  const authorizationUrl = new URL(await federationPage.startSignIn());
  const callback = new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '');
  sandbox.allowOrigin(federation.info.issuer);
  sandbox.allowOrigin(callback.origin);
  const popup = await federationPage.completeSignIn('clinician', 'demo-password');
  await popup.close();
  await expect(federationPage.granularity('FI-RD-01')).toHaveText('Records');

  // Search every node.
  const search = new SearchPage(page);
  await search.open();
  await search.searchFor('BRCA1');
  await search.waitUntilDone();

  // Pull one dataset into the cache.
  await shell.open('cohorts');
  await expect(page.getByTestId('cohort-cache-locked')).toBeVisible();
  await page.getByLabel('Vault passphrase').fill('correct horse battery');
  await page.getByTestId('vault-unlock-submit').click();
  await expect(page.getByTestId('cohort-cache-locked')).toHaveCount(0);
  await page.getByTestId('pull-dataset').selectOption('FI/FI-RD-01');
  await page.getByTestId('pull-purpose').selectOption('clinical-care');
  await page.getByTestId('pull-check').click();
  await expect(page.getByTestId('pull-allowed')).toBeVisible();
  await page.getByTestId('pull-start').click();
  await expect(page.getByTestId('pull-job-FI-RD-01')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });

  // Browse: the genome browser over a region, with the federation track.
  const browser = new BrowserPage(page);
  await browser.open();
  await browser.goTo('BRCA1');
  await browser.queryFederation();

  // The list IT gets, as the Settings page shows it.
  const list = await app.services.hosts.list();
  await shell.open('settings');
  const rows = page.getByTestId('hosts-row');
  await expect(rows).toHaveCount(list.hosts.length);
  for (const node of federation.info.nodes)
    await expect(page.locator(`[data-host="${originOf(node.beaconUrl)}"]`)).toContainText(node.id);

  expect(app.mainRequests.length).toBeGreaterThan(10);
  expect(app.mainRequests.filter((url) => !isListedHost(list, url))).toEqual([]);
  // The page's own requests go to the app (its server, its loopback sign-in callback) or a listed host.
  const own = new Set([originOf(app.server.origin), originOf(callback.origin)]);
  const outside = browserRequests.filter(
    (url) => /^(https?|wss?):/.test(url) && !own.has(originOf(url)) && !isListedHost(list, url),
  );
  expect(outside).toEqual([]);
  expect(sandbox.outsideRequests).toEqual([]);
});

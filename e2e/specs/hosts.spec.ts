import { isListedHost } from '../../electron/main/federation/hosts';
import { expect, test } from '../fixtures/foreignFederation';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';
import { CohortsPage } from '../pages/CohortsPage';
import { FederationPage } from '../pages/FederationPage';
import { ItPanels } from '../pages/ItPanels';
import { SearchPage } from '../pages/SearchPage';

const originOf = (url: string): string => {
  const u = new URL(url);
  return `${u.hostname}:${u.port}`;
};

// The federation here includes the foreign node DE (GRCh37, another Beacon implementation), and
// every node gets its own token from the broker's token endpoint (RFC 8693 exchange).
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
  expect(federation.info.nodes.map((n) => n.id)).toContain('DE');

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

  // Search every node, the foreign one included.
  const search = new SearchPage(page);
  await search.open();
  await search.searchFor('BRCA1');
  await search.waitUntilDone();
  await expect(search.nodeRow('DE')).toHaveAttribute('data-status', 'ok');

  // Pull one dataset into the cache.
  const cohorts = new CohortsPage(page);
  await shell.open('cohorts');
  await cohorts.unlockVault('correct horse battery');
  await cohorts.startPull('FI', 'FI-RD-01');
  await expect(cohorts.job('FI-RD-01')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });

  // Browse: the genome browser over a region, with the federation track.
  const browser = new GenomeBrowserPage(page);
  await browser.open();
  await browser.goTo('BRCA1');
  await browser.queryFederation();

  // The list IT gets, as the Settings page shows it.
  const list = await app.services.hosts.list();
  expect(list.complete).toBe(true);
  const it = new ItPanels(page);
  await shell.open('settings');
  await expect(it.hostRows()).toHaveCount(list.hosts.length);
  for (const node of federation.info.nodes)
    await expect(it.hostRow(originOf(node.beaconUrl))).toContainText(node.id);

  // Main's requests: every one to a listed host; the foreign node and the token endpoint were used.
  expect(app.mainRequests.filter((url) => !isListedHost(list, url, 'app'))).toEqual([]);
  const de = federation.info.nodes.find((n) => n.id === 'DE')!;
  expect(app.mainRequests.some((url) => originOf(url) === originOf(de.beaconUrl))).toBe(true);
  const tokenEndpoint = list.hosts
    .flatMap((h) => h.reasons)
    .find((r) => r.detail.endsWith('tokens (sign-in, refresh, one token per node)'))?.url;
  // The code grant, then one exchange per node at least (each node is asked with its own token).
  expect(app.mainRequests.filter((url) => url === tokenEndpoint).length).toBeGreaterThan(
    federation.info.nodes.length,
  );
  // The page's own requests go to the app (its server, its loopback sign-in callback) or a listed host.
  const own = new Set([originOf(app.server.origin), originOf(callback.origin)]);
  const outside = browserRequests.filter(
    (url) => /^(https?|wss?):/.test(url) && !own.has(originOf(url)) && !isListedHost(list, url),
  );
  expect(outside).toEqual([]);
  expect(sandbox.outsideRequests).toEqual([]);
});

test.describe("issue 21: IT's allow-list of nodes", () => {
  test.use({ policy: { version: 1, locked: { allowedNodes: ['FI', 'SE'] } } });

  test('nodes outside it are never contacted nor listed, sign-in and search work with the others, and the pages say why', async ({
    app,
    federation,
    sandbox,
    shell,
  }) => {
    test.setTimeout(180_000);
    const page = app.page;
    await shell.open('federation');
    const federationPage = new FederationPage(page);
    await expect(federationPage.notAllowed()).toContainText('node IT, node ES, node PT, node DE');
    const authorizationUrl = new URL(await federationPage.startSignIn());
    sandbox.allowOrigin(federation.info.issuer);
    sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
    const popup = await federationPage.completeSignIn('clinician', 'demo-password');
    await popup.close();
    // The narrowed directory is still trusted: the passport's visas give record access at FI.
    await expect(federationPage.granularity('FI-RD-01')).toHaveText('Records');

    const search = new SearchPage(page);
    await search.open();
    await search.searchFor('BRCA1');
    await search.waitUntilDone();
    await expect(search.nodeRows()).toHaveCount(2);

    const it = new ItPanels(page);
    await shell.open('settings');
    await expect(it.hostsNotes()).toContainText("Not allowed by your organisation's policy");
    const dropped = federation.info.nodes.filter((n) => !['FI', 'SE'].includes(n.id));
    for (const node of dropped) {
      await expect(it.hostRow(originOf(node.beaconUrl))).toHaveCount(0);
      expect(app.mainRequests.filter((url) => originOf(url) === originOf(node.beaconUrl))).toEqual(
        [],
      );
    }
  });
});

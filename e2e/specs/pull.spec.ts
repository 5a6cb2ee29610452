import { expect, test } from '../fixtures/federation';
import { FederationPage } from '../pages/FederationPage';

test('the clinician unlocks the cache, pulls FI-RD-01 and queries it offline (issue 6)', async ({
  app,
  federation,
  sandbox,
  shell,
}) => {
  test.setTimeout(180_000);
  const page = app.page;
  await shell.open('federation');
  const federationPage = new FederationPage(page);
  const authorizationUrl = new URL(await federationPage.startSignIn());
  sandbox.allowOrigin(federation.info.issuer);
  sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
  const popup = await federationPage.completeSignIn('clinician', 'demo-password');
  await popup.close();
  await expect(federationPage.granularity('FI-RD-01')).toHaveText('Records');

  await shell.open('cohorts');
  // Browser mode has no OS key store: the vault asks for a passphrase first.
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
  await expect(page.getByTestId('cohort-load-FI-RD-01')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });

  // Everything on the Cohorts page works with the network off.
  await page.context().setOffline(true);
  await page.getByTestId('cohort-run').click();
  const count = page.getByTestId('cohort-count');
  await expect(count).toBeVisible();
  expect(Number(await count.getAttribute('data-count'))).toBeGreaterThan(0);
  expect(sandbox.outsideRequests.filter((u) => !u.startsWith(federation.info.issuer))).toEqual([]);
});

import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures/federation';
import { FederationPage } from '../pages/FederationPage';
import { SearchPage } from '../pages/SearchPage';
import { SettingsPage } from '../pages/SettingsPage';

test('issue 13: after an anonymous search the status bar reports the nodes that answered, not "not contacted yet"', async ({
  page,
}) => {
  const status = page.getByTestId('status-federation');
  await expect(status).toHaveText('Federation: not contacted yet');
  const search = new SearchPage(page);
  await search.open();
  await search.searchFor('BRCA1');
  await search.waitUntilDone();
  await expect(status).toContainText('Federation: 5 of 5 nodes answered the last search');
});

test('issue 12: query terms are sealed in audit.jsonl; the clinician reads their own on Settings & audit', async ({
  app,
  federation,
  sandbox,
  shell,
}) => {
  test.setTimeout(120_000);
  const page = app.page;
  const search = new SearchPage(page);
  // Before the vault was ever unlocked there is no key to seal to: the terms are not recorded.
  await search.open();
  await search.searchFor('MYH7');
  await search.waitUntilDone();

  await shell.open('federation');
  const federationPage = new FederationPage(page);
  const authorizationUrl = new URL(await federationPage.startSignIn());
  sandbox.allowOrigin(federation.info.issuer);
  sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
  const popup = await federationPage.completeSignIn('clinician', 'demo-password');
  await popup.close();
  await expect(federationPage.signedInAs()).toContainText('Signed in as');
  await shell.open('cohorts');
  await page.getByLabel('Vault passphrase').fill('correct horse battery');
  await page.getByTestId('vault-unlock-submit').click();
  await expect(page.getByTestId('cohort-cache-locked')).toHaveCount(0);

  await search.open();
  await search.searchFor('BRCA2');
  await search.waitUntilDone();

  const onDisk = readFileSync(app.services.audit.file, 'utf8');
  expect(onDisk).toContain('"type":"search.run"');
  for (const term of ['BRCA2', 'MYH7']) expect(onDisk).not.toContain(term);

  const settings = new SettingsPage(page);
  await shell.open('settings');
  await settings.filterAuditByType('Search');
  await expect(settings.auditRows()).toHaveCount(2);
  await expect(settings.auditRows().first()).toContainText('Sealed, shown to you:');
  await expect(settings.auditRows().first()).toContainText('BRCA2');
  await expect(settings.auditRows().nth(1)).toContainText('Not recorded (query)');
  await settings.filterAuditByText('brca2');
  await expect(settings.auditRows()).toHaveCount(1);
  await expect(settings.auditVerdict()).toContainText('intact and sealed');

  // Signed out, the same page no longer shows the clinician's query.
  await shell.open('federation');
  await federationPage.signOutButton().click();
  await shell.open('settings');
  await settings.clearAuditFilters();
  await settings.filterAuditByType('Search');
  await expect(settings.auditRows().first()).toContainText('Sealed for another user.');
  await expect(page.getByTestId('audit-panel')).not.toContainText('BRCA2');
});

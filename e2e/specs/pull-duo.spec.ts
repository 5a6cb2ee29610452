import { expect, test } from '../fixtures/federation';
import { CohortsPage } from '../pages/CohortsPage';
import { FederationPage } from '../pages/FederationPage';

// Issue 13: IT-CA-01 allows research only on neoplasms (DUO disease specific research with the
// modifier HP:0002664). A research pull must name a disease within it; refusals name terms by label.
test('a disease-specific dataset needs a disease within its restriction for research (issue 13)', async ({
  app,
  federation,
  sandbox,
  shell,
}) => {
  test.setTimeout(120_000);
  await shell.open('federation');
  const federationPage = new FederationPage(app.page);
  const authorizationUrl = new URL(await federationPage.startSignIn());
  sandbox.allowOrigin(federation.info.issuer);
  sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
  const popup = await federationPage.completeSignIn('clinician', 'demo-password');
  await popup.close();
  await expect(federationPage.granularity('IT-CA-01')).toHaveText('Records');

  await shell.open('cohorts');
  const cohorts = new CohortsPage(app.page);
  await cohorts.unlockVault('correct horse battery');
  await cohorts.checkPull('IT', 'IT-CA-01', 'research');
  await expect(cohorts.pullRefused()).toContainText(
    'disease specific research (DUO:0000007) limits research to Neoplasm (HP:0002664): name the disease your research is about.',
  );
  await cohorts.checkPull('IT', 'IT-CA-01', 'research', 'HP:0001250');
  await expect(cohorts.pullRefused()).toContainText('HP:0001250');
  await cohorts.checkPull('IT', 'IT-CA-01', 'research', 'HP:0003002');
  await expect(cohorts.pullAllowed()).toBeVisible();
});

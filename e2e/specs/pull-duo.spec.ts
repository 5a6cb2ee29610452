import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../shared/i18n/pseudo';
import { expect, test } from '../fixtures/federation';
import { CohortsPage } from '../pages/CohortsPage';
import { FederationPage } from '../pages/FederationPage';
import { expectTextQuality } from '../pages/textQuality';
import { FEDERATION_NAMES, VALUES_NOT_CHECKED } from '../pages/textChecks';

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
  // Worded by the renderer from main's code (issue 22, decision 0070): the term with its shorthand.
  await expect(cohorts.pullRefused()).toContainText(
    'The data use term disease specific research (DS, DUO:0000007) limits research to Neoplasm (HP:0002664): name the disease your research is about.',
  );
  await cohorts.checkPull('IT', 'IT-CA-01', 'research', 'HP:0001250');
  await expect(cohorts.pullRefused()).toContainText('HP:0001250');
  await cohorts.checkPull('IT', 'IT-CA-01', 'research', 'HP:0003002');
  await expect(cohorts.pullAllowed()).toBeVisible();
});

/** Text wholly in the pseudo-locale's brackets: worded by the catalogue, not main's English. */
const PSEUDO = new RegExp(`^${PSEUDO_OPEN}[^]*${PSEUDO_CLOSE}$`);

test.describe('in the pseudo-locale', () => {
  test.use({ pseudoLocale: true });

  // Issue 22 (decision 0070): main sends a refusal's reasons and a failed pull's message as codes
  // with their values; in the pseudo-locale every one of them reads bracketed, none in English.
  test('issue 22: a refused pull check and a failed pull read in the language shown, not in main’s English', async ({
    app,
    federation,
    sandbox,
    shell,
  }, testInfo) => {
    test.setTimeout(180_000);
    const page = app.page;
    await shell.open('federation');
    const federationPage = new FederationPage(page);
    const authorizationUrl = new URL(await federationPage.startSignIn());
    sandbox.allowOrigin(federation.info.issuer);
    sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
    const popup = await federationPage.completeSignIn('clinician', 'demo-password');
    await popup.close();
    await expect(federationPage.signOutButton()).toBeVisible();

    await shell.open('cohorts');
    const cohorts = new CohortsPage(page);
    await cohorts.unlockVault('correct horse battery');
    // The signed-in user's and the nodes' names are the federation's data, as in pseudo-locale.spec.
    const check = {
      pseudo: true,
      allowText: ['HP:0001250', ...FEDERATION_NAMES],
      valuesNotChecked: VALUES_NOT_CHECKED,
    };
    // Refused twice over for research: the DS term's disease, and the disease named outside it.
    await cohorts.checkPull('IT', 'IT-CA-01', 'research', 'HP:0001250');
    const reasons = cohorts.pullRefused().locator('li');
    await expect(reasons.first()).toContainText('HP:0002664');
    for (const reason of await reasons.all()) await expect(reason).toHaveText(PSEUDO);
    await expectTextQuality(page, testInfo, 'pseudo: a pull refused by its DUO terms', check);

    // A node that sends fewer records than it counts: the pull fails, and says so in the language.
    const fi = federation.nodes.find((n) => n.id === 'FI');
    if (fi === undefined) throw new Error('the demo federation has no FI node');
    fi.setFaults({ pageCap: 100, servedRecords: 200 });
    try {
      await cohorts.startPull('FI', 'FI-RD-01');
      await expect(cohorts.job('FI-RD-01')).toHaveAttribute('data-state', 'failed', {
        timeout: 120_000,
      });
      const message = page.getByTestId('pull-job-message-FI-RD-01');
      await expect(message).toHaveText(PSEUDO);
      // The numbers are the locale's (en-XA groups as English does), the ids as they are.
      await expect(message).toContainText('1,153');
      await expect(message).toContainText('FI-RD-01');
      await expectTextQuality(page, testInfo, 'pseudo: a pull failed on the node’s count', check);
    } finally {
      fi.setFaults({});
    }
  });
});

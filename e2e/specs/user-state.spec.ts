import type { Federation } from '../../federation/startFederation';
import type { Sandbox } from '../fixtures/sandbox';
import { expect, test } from '../fixtures/federation';
import { AppShell } from '../pages/AppShell';
import { CohortsPage } from '../pages/CohortsPage';
import { FederationPage } from '../pages/FederationPage';
import { SearchPage } from '../pages/SearchPage';

const PASSPHRASE = 'correct horse battery';

/** Signs in through the broker's pages as `username` (browser mode: the page opens the link). */
async function signInAs(
  page: FederationPage,
  sandbox: Sandbox,
  federation: Federation,
  username: string,
): Promise<void> {
  const url = new URL(await page.startSignIn());
  sandbox.allowOrigin(federation.info.issuer);
  sandbox.allowOrigin(new URL(url.searchParams.get('redirect_uri') ?? '').origin);
  const popup = await page.completeSignIn(username, 'demo-password');
  await popup.close();
  await expect(page.signedInAs()).toContainText('Signed in as');
}

test.describe('per-user state and pull jobs (issues 12, 13)', () => {
  // One worker, one demo federation: a second one in parallel only loads the 2-core machine.
  test.describe.configure({ mode: 'serial' });

  test('issue 13: two demo users on one app: the first user’s cache lines, pull jobs, recent queries and saved cohorts leave the screen at sign-out, never reach the second user, and come back for their owner', async ({
    app,
    federation,
    sandbox,
    shell,
  }) => {
    test.setTimeout(240_000);
    const page = app.page;
    page.context().setDefaultTimeout(20_000);
    const fedPage = new FederationPage(page);
    const search = new SearchPage(page);
    const cohorts = new CohortsPage(page);
    const saved = page.getByTestId('cohort-saved');

    await shell.open('federation');
    await signInAs(fedPage, sandbox, federation, 'clinician');
    await search.open();
    await search.searchFor('SCN1A');
    await search.waitUntilDone();
    await expect(search.recent()).toContainText('SCN1A');
    await cohorts.open();
    await cohorts.unlockVault(PASSPHRASE);
    await cohorts.startPull('SE', 'SE-CA-01');
    await expect(cohorts.job('SE-CA-01')).toHaveAttribute('data-state', 'done', {
      timeout: 120_000,
    });
    await expect(cohorts.job('SE-CA-01')).toContainText('SE-CA-01 is in your cache');
    // A finished pull states what it holds; no "about — left" (issue 13, labels that lie).
    await expect(cohorts.jobDetail('SE-CA-01')).toHaveText(
      /^[\d,]+ records?, [\d.]+ (kB|MB|byte)$/,
    );
    await expect(cohorts.cachedDataset('SE-CA-01')).toBeVisible();
    await cohorts.saveAs('SCN1A family');
    await expect(cohorts.savedList()).toContainText('SCN1A family');

    const nothingOfTheClinician = async (): Promise<void> => {
      await cohorts.open();
      await expect(cohorts.cache()).toBeVisible();
      await expect(cohorts.jobs()).toHaveCount(0);
      await expect(cohorts.cache()).not.toContainText('SE-CA-01');
      await expect(saved).not.toContainText('SCN1A family');
      await search.open();
      await expect(search.recent()).toHaveCount(0);
      await expect(page.getByTestId('page-search')).not.toContainText('SCN1A');
    };

    await shell.open('federation');
    // Sign-out ends the broker's session too (confirmed in its tab), so the next person is asked.
    await (await fedPage.signOut({ confirm: true })).close();
    await expect(fedPage.signInButton()).toBeVisible();
    await nothingOfTheClinician();

    await shell.open('federation');
    await signInAs(fedPage, sandbox, federation, 'researcher');
    await nothingOfTheClinician();

    // Their own state comes back for the clinician, from the sealed per-user files.
    await shell.open('federation');
    await (await fedPage.signOut({ confirm: true })).close();
    await signInAs(fedPage, sandbox, federation, 'clinician');
    await search.open();
    await expect(search.recent()).toContainText('SCN1A');
    await cohorts.open();
    await expect(cohorts.cachedDataset('SE-CA-01')).toBeVisible();
    await expect(cohorts.savedList()).toContainText('SCN1A family');
  });

  test('issue 12: a pull interrupted before the page was reloaded is listed again with Resume and Cancel, and resumes to done', async ({
    app,
    federation,
    sandbox,
    shell,
  }) => {
    test.setTimeout(240_000);
    const page = app.page;
    page.context().setDefaultTimeout(20_000);
    const cohorts = new CohortsPage(page);
    const fi = federation.nodes.find((n) => n.id === 'FI');
    await shell.open('federation');
    await signInAs(new FederationPage(page), sandbox, federation, 'clinician');
    await cohorts.open();
    await cohorts.unlockVault(PASSPHRASE);
    // Slow pages, so the pull is still running when it is paused.
    fi?.setFaults({ latencyMs: 1_500 });
    try {
      await cohorts.startPull('FI', 'FI-RD-01');
      const job = cohorts.job('FI-RD-01');
      await expect(job).toHaveAttribute('data-state', 'running');
      await job.getByRole('button', { name: 'Pause' }).click();
      await expect(job).toHaveAttribute('data-state', 'paused');
    } finally {
      fi?.setFaults({});
    }

    // A new page knows nothing of the job's events: it must come from main.
    await page.reload();
    await new AppShell(page).waitUntilReady();
    await cohorts.open();
    const job = cohorts.job('FI-RD-01');
    await expect(job).toHaveAttribute('data-state', 'paused');
    await expect(job.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await job.getByRole('button', { name: 'Resume' }).click();
    await expect(job).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    await expect(cohorts.cachedDataset('FI-RD-01')).toBeVisible();
  });
});

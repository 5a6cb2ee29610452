import { expect, test } from '../fixtures/app';
import { plantedData, servePlantedVault } from '../fixtures/plantedVault';
import { AppShell } from '../pages/AppShell';
import { CohortsPage } from '../pages/CohortsPage';
import { ServiceNotice } from '../pages/ServiceNotice';

test.describe('browser mode when the app is not (or no longer) behind the page (issue 13)', () => {
  test('issue 13: a bookmark of / says how to open the app from the launcher; a used launch link says it was used', async ({
    app,
    sandbox,
  }) => {
    // A new tab of the same profile: no launch code, no session of its own (as a bookmark opens).
    const tab = await sandbox.context.newPage();
    const notice = new ServiceNotice(tab);
    await tab.goto(`${app.server.origin}/`);
    await expect(notice.launchRequired()).toContainText('Open Cohort Desk from its launcher');
    await expect(notice.launchProblem()).toContainText('a bookmark');
    await expect(notice.launchRequired()).toContainText('npm start');
    await expect(new AppShell(tab).statusBar()).toHaveCount(0);

    await tab.goto(app.server.launchUrl);
    await expect(notice.launchProblem()).toContainText('already been used');
    // The code left the address bar as soon as the page read it.
    expect(new URL(tab.url()).search).toBe('');
    await tab.close();
  });

  test('issue 13: when the app stops, an open tab drops its decrypted data and says the app has stopped', async ({
    app,
    page,
    shell,
  }) => {
    test.setTimeout(120_000);
    await servePlantedVault(page, app.server.origin, plantedData());
    await page.reload();
    const cohorts = new CohortsPage(page);
    await cohorts.open();
    await cohorts.waitLoaded(['FI-RD-01', 'SE-CA-01']);
    await expect(cohorts.count()).toBeVisible();
    await expect(shell.statusBar()).toContainText('Online');
    const notice = new ServiceNotice(page);
    expect(notice.databaseWorkers()).toBe(1);

    await app.server.close();

    await expect(notice.stopped()).toContainText('Cohort Desk has stopped');
    await expect(notice.stoppedCleared()).toBeVisible();
    await expect(cohorts.count()).toHaveCount(0);
    await expect(shell.statusBar()).toHaveCount(0);
    await expect.poll(() => notice.databaseWorkers()).toBe(0);
    expect(await notice.sessionItems()).toBe(0);
  });
});

import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import type { PageId } from '../pages/AppShell';
import { PAGE_IDS } from '../pages/AppShell';
import { CohortsPage } from '../pages/CohortsPage';
import { FederationPage } from '../pages/FederationPage';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';
import { SearchPage } from '../pages/SearchPage';
import { SettingsPage } from '../pages/SettingsPage';

const folder = join(import.meta.dirname, '..', 'artifacts', 'screenshots');

// Issue 14: the screenshots are saved for review, and each is taken only once its page shows what
// a person sees there on a fresh, hermetic start (no federation, empty cache).
test('every page shows its content, without a crash, before its screenshot is saved', async ({
  page,
  shell,
}) => {
  const federation = new FederationPage(page);
  const search = new SearchPage(page);
  const cohorts = new CohortsPage(page);
  const settings = new SettingsPage(page);
  const browser = new GenomeBrowserPage(page);
  const shows: Record<PageId, () => Locator[]> = {
    // Hermetic: no federation, so the panel says there is nothing to sign in to.
    federation: () => [
      federation.signInPanel().getByText('No sign-in service is configured'),
      federation.nodeList(),
    ],
    search: () => [search.genomic(), search.run()],
    cohorts: () => [cohorts.cacheList(), cohorts.exportPanel()],
    // Its own specs describe the case-review page as it grows; here: it renders without a crash.
    'case-review': () => [],
    browser: () => [browser.trackPanel(), browser.ideogram()],
    settings: () => [settings.form(), settings.runtime()],
  };
  for (const id of PAGE_IDS) {
    if (id === 'browser') await browser.open();
    await shell.open(id);
    for (const part of shows[id]()) await expect(part, `${id} page`).toBeVisible();
    await expect(shell.pageCrash(), `${id} page crashed`).toHaveCount(0);
    await expect(shell.statusBar()).toBeVisible();
    await page.screenshot({ path: join(folder, `${id}.png`), fullPage: true });
  }
});

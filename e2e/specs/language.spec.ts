import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { PAGE_IDS } from '../pages/AppShell';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';
import { SettingsPage } from '../pages/SettingsPage';
import { seriousAxeFindings } from '../pages/accessibility';

test('issue 22: the language starts as the system’s, a choice is saved by main and survives a reload', async ({
  shell,
  page,
  app,
}) => {
  const settings = new SettingsPage(page);
  await shell.open('settings');
  await settings.waitForForm();
  await expect(settings.control('language')).toHaveValue('system');
  // The test browser runs in en-US.
  await expect(settings.documentLanguage()).toHaveAttribute('lang', 'en');

  await settings.chooseLanguage('de');
  await settings.save();
  await expect(settings.documentLanguage()).toHaveAttribute('lang', 'de');
  const onDisk = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as {
    values: Record<string, unknown>;
  };
  expect(onDisk.values.language).toBe('de');

  await page.reload();
  await shell.waitUntilReady();
  await settings.waitForForm();
  await expect(settings.control('language')).toHaveValue('de');
  await expect(settings.documentLanguage()).toHaveAttribute('lang', 'de');
});

test.describe('a language locked by policy', () => {
  test.use({ policy: { version: 1, locked: { language: 'fr' } } });

  test('issue 22: the policy’s language applies, and the setting is disabled with the reason', async ({
    shell,
    page,
  }) => {
    const settings = new SettingsPage(page);
    await shell.open('settings');
    await settings.waitForForm();
    await expect(settings.control('language')).toHaveValue('fr');
    await expect(settings.control('language')).toBeDisabled();
    await expect(settings.managedNote('language')).toBeVisible();
    await expect(settings.documentLanguage()).toHaveAttribute('lang', 'fr');
  });
});

for (const language of ['en', 'de'] as const) {
  test(`issue 22: axe finds no serious or critical problems on any page in ${language}`, async ({
    page,
    shell,
  }) => {
    // Six axe runs: slow on a shared 2-core machine.
    test.setTimeout(180_000);
    const settings = new SettingsPage(page);
    await shell.open('settings');
    await settings.waitForForm();
    await settings.chooseLanguage(language);
    await settings.save();
    await expect(settings.documentLanguage()).toHaveAttribute('lang', language);
    for (const id of PAGE_IDS) {
      // igv labels its own controls once it is up: wait for the page's ready signal first.
      if (id === 'browser') await new GenomeBrowserPage(page).open();
      await shell.open(id);
      expect(await seriousAxeFindings(page), `${id} page, ${language}`).toEqual([]);
    }
  });
}

test.describe('the pseudo-locale', () => {
  test.use({ pseudoLocale: true });

  test('issue 22: axe finds no serious or critical problems on any page in the pseudo-locale', async ({
    page,
    shell,
  }) => {
    // Six axe runs: slow on a shared 2-core machine.
    test.setTimeout(180_000);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
    for (const id of PAGE_IDS) {
      if (id === 'browser') await new GenomeBrowserPage(page).open();
      await shell.open(id);
      expect(await seriousAxeFindings(page), `${id} page, pseudo-locale`).toEqual([]);
    }
  });
});

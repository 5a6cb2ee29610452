import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { PAGE_IDS } from '../pages/AppShell';
import { SettingsPage } from '../pages/SettingsPage';
import { seriousAxeFindings } from '../pages/accessibility';

const screenshots = join(import.meta.dirname, '..', 'artifacts', 'screenshots');

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical problems on any page in the ${theme} theme`, async ({
    page,
    shell,
  }) => {
    // Twelve axe runs (six pages): slow on a shared 2-core machine.
    test.setTimeout(180_000);
    const settings = new SettingsPage(page);
    await shell.open('settings');
    await settings.waitForForm();
    await settings.chooseTheme(theme);
    await settings.save();
    await expect(settings.documentTheme()).toHaveAttribute('data-theme', theme);
    for (const id of PAGE_IDS) {
      await shell.open(id);
      expect(await seriousAxeFindings(page), `${id} page, ${theme} theme`).toEqual([]);
      await page.screenshot({ path: join(screenshots, `${id}-${theme}.png`) });
    }
  });
}

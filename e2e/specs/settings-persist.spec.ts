import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { SettingsPage } from '../pages/SettingsPage';

test('theme and node timeout are saved by main and read back after a reload', async ({
  shell,
  page,
  app,
}) => {
  const settings = new SettingsPage(page);
  await shell.open('settings');
  await settings.waitForForm();
  await expect(settings.control('theme')).toHaveValue('system');
  await expect(settings.documentTheme()).toHaveAttribute('data-theme', 'system');

  await settings.chooseTheme('dark');
  await settings.setNodeTimeout(12_000);
  await settings.save();
  // The signal that main saved: the document takes the theme from main's answer.
  await expect(settings.documentTheme()).toHaveAttribute('data-theme', 'dark');
  await expect(settings.control('nodeTimeoutMs')).toHaveValue('12000');
  await expect(settings.error()).toHaveCount(0);

  // Only what the user changed is stored (issue 13).
  const onDisk = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as unknown;
  expect(onDisk).toEqual({ version: 2, values: { theme: 'dark', nodeTimeoutMs: 12_000 } });

  await page.reload();
  await shell.waitUntilReady();
  await settings.waitForForm();
  await expect(settings.control('theme')).toHaveValue('dark');
  await expect(settings.control('nodeTimeoutMs')).toHaveValue('12000');
  await expect(settings.documentTheme()).toHaveAttribute('data-theme', 'dark');
  // The dark palette really applies: the body background is the dark theme's --bg.
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(22, 25, 29)');
});

test('saving says "Settings saved." (issue 2 regression: the form remounts on save)', async ({
  shell,
  page,
}) => {
  // SettingsPage keys SettingsForm on the saved values, so a successful save remounts the form; the
  // page, not the form, keeps the saved status.
  const settings = new SettingsPage(page);
  await shell.open('settings');
  await settings.waitForForm();
  await settings.setNodeTimeout(7_000);
  await settings.save();
  await expect(settings.control('nodeTimeoutMs')).toHaveValue('7000');
  await expect(settings.status()).toHaveText('Settings saved.', { timeout: 2_000 });
});

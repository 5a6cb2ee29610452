import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { SettingsPage } from '../pages/SettingsPage';

test.use({ policy: { version: 1, defaults: { theme: 'dark' } } });

test('issue 13: a policy default (theme) still applies after the user saves another setting', async ({
  shell,
  page,
  app,
}) => {
  const settings = new SettingsPage(page);
  await shell.open('settings');
  await settings.waitForForm();
  await expect(settings.control('theme')).toHaveValue('dark');

  await settings.setNodeTimeout(9_000);
  await settings.save();
  await expect(settings.status()).toHaveText('Settings saved.');
  const onDisk = JSON.parse(readFileSync(join(app.dataDir, 'settings.json'), 'utf8')) as unknown;
  expect(onDisk).toEqual({ version: 2, values: { nodeTimeoutMs: 9_000 } });

  // After a reload the theme still comes from the policy, and the saved timeout from the user.
  await page.reload();
  await shell.waitUntilReady();
  await settings.waitForForm();
  await expect(settings.control('theme')).toHaveValue('dark');
  await expect(settings.documentTheme()).toHaveAttribute('data-theme', 'dark');
  await expect(settings.control('nodeTimeoutMs')).toHaveValue('9000');
});

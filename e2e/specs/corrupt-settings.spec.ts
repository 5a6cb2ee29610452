import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { SettingsPage } from '../pages/SettingsPage';

test.use({ settingsFileText: '{ "theme": "dark", "nodeTimeoutMs": ' });

test('a corrupt settings.json is kept as a backup, defaults are shown and a notice says so', async ({
  app,
  page,
  shell,
}) => {
  const backups = readdirSync(app.dataDir).filter((name) =>
    /^settings\.corrupt-.+\.json$/.test(name),
  );
  expect(backups).toHaveLength(1);
  const backupPath = join(app.dataDir, backups[0]!);
  expect(existsSync(backupPath)).toBe(true);

  await expect(shell.notices()).toHaveCount(1);
  await expect(shell.notices()).toContainText('could not be read');
  await expect(shell.notices()).toContainText(`It was kept as ${backupPath}`);

  const settings = new SettingsPage(page);
  await shell.open('settings');
  await settings.waitForForm();
  await expect(settings.control('theme')).toHaveValue('system');
  await expect(settings.control('nodeTimeoutMs')).toHaveValue('5000');
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { SettingsPage } from '../pages/SettingsPage';
import { invokeFromPage } from '../pages/transport';

test.use({ policy: { version: 1, locked: { nodeTimeoutMs: 8_000, allowLocalCache: false } } });

test('settings locked by policy say so, are disabled, and main refuses them over the transport', async ({
  shell,
  page,
  app,
}) => {
  const settings = new SettingsPage(page);
  await shell.open('settings');
  await settings.waitForForm();
  for (const key of ['nodeTimeoutMs', 'allowLocalCache']) {
    await expect(settings.managedNote(key)).toHaveText('Managed by your organisation');
    await expect(settings.control(key)).toBeDisabled();
  }
  await expect(settings.control('nodeTimeoutMs')).toHaveValue('8000');
  await expect(settings.control('allowLocalCache')).not.toBeChecked();
  await expect(settings.control('theme')).toBeEnabled();
  await expect(settings.managedNote('theme')).toHaveCount(0);

  // A script in the page skipping the disabled control: main itself must refuse.
  const refused = await invokeFromPage(page, 'settings:set', { nodeTimeoutMs: 1_000 });
  expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED_BY_POLICY' } });
  const after = await invokeFromPage(page, 'settings:get');
  expect(after).toMatchObject({
    ok: true,
    value: { values: { nodeTimeoutMs: 8_000, allowLocalCache: false } },
  });
  expect(app.services.settings.view().values.nodeTimeoutMs).toBe(8_000);

  // Nothing reached the settings file either.
  const file = join(app.dataDir, 'settings.json');
  const onDisk = existsSync(file) ? readFileSync(file, 'utf8') : '';
  expect(onDisk).not.toContain('nodeTimeoutMs');
});

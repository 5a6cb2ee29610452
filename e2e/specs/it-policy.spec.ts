import { SETTING_KEYS } from '../../shared/domain/settings';
import { expect, test } from '../fixtures/app';

/** Every setting locked, with values that keep the test off the network (no directory, no feed). */
const LOCKED = {
  theme: 'dark',
  language: 'en',
  nodeTimeoutMs: 8000,
  allowLocalCache: false,
  federationConfigUrl: '',
  externalLinkOrigins: ['https://www.ga4gh.org'],
  allowedBrokers: ['https://login.broker.example/oidc'],
  allowedNodes: ['NL-UMCG', 'SE-KI'],
  cacheLocation: '',
  purgeIntervalMinutes: 30,
  updateMode: 'off',
  updateChannel: 'latest',
  updateFeedUrl: '',
  telemetry: 'none',
  crashReportUpload: false,
};

test.describe('issue 21: hospital IT locks every setting', () => {
  test.use({ policy: { version: 1, locked: LOCKED } });

  test('every setting shows the policy value, disabled and managed; the host list says there is none', async ({
    page,
    shell,
    app,
  }) => {
    expect(Object.keys(LOCKED).sort()).toEqual([...SETTING_KEYS].sort());
    await shell.open('settings');
    for (const key of SETTING_KEYS) {
      await expect(page.getByTestId(`setting-${key}`), key).toBeDisabled();
      await expect(page.getByTestId(`setting-${key}-managed`), key).toBeVisible();
    }
    await expect(page.getByTestId('setting-allowedNodes')).toHaveValue('NL-UMCG\nSE-KI');
    await expect(page.getByTestId('setting-updateMode')).toHaveValue('off');
    await expect(page.getByTestId('policy-sources')).toContainText(app.policyPath);
    await expect(page.getByTestId('hosts-empty')).toBeVisible();
    await expect(page.getByTestId('hosts-notes')).toContainText('sends no telemetry');
  });

  test('Help → About → Licences lists the third-party packages with their licences', async ({
    page,
    shell,
  }) => {
    await shell.open('settings');
    await page.getByTestId('licences').locator('summary').first().click();
    await expect(page.getByTestId('licence').first()).toBeVisible();
    expect(await page.getByTestId('licence').count()).toBeGreaterThan(50);
    await expect(page.locator('[data-package="react"]')).toContainText('MIT');
  });
});

import { SETTING_KEYS } from '../../shared/settings/settings';
import { expect, test } from '../fixtures/app';
import { ItPanels } from '../pages/ItPanels';
import { SettingsPage } from '../pages/SettingsPage';

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
  cacheMaxDays: 90,
  trustedVisaIssuers: ['https://login.broker.example/oidc'],
  allowedBeaconHosts: ['beacon.umcg.example', 'beacon.ki.example:8443'],
  allowedHtsgetHosts: ['htsget.umcg.example'],
  updateMode: 'off',
  updateChannel: 'latest',
  updateFeedUrl: '',
  telemetry: 'none',
  crashReportUpload: false,
};

test.describe('issue 21: hospital IT locks every setting', () => {
  test.use({ policy: { version: 1, locked: LOCKED } });

  test('every setting shows the policy value, disabled and managed; the host list has only the allowed link origin', async ({
    page,
    shell,
    app,
  }) => {
    expect(Object.keys(LOCKED).sort()).toEqual([...SETTING_KEYS].sort());
    await shell.open('settings');
    const settings = new SettingsPage(page);
    const it = new ItPanels(page);
    for (const key of SETTING_KEYS) {
      await expect(settings.control(key), key).toBeDisabled();
      await expect(settings.managedNote(key), key).toBeVisible();
    }
    await expect(settings.control('allowedNodes')).toHaveValue('NL-UMCG\nSE-KI');
    await expect(settings.control('updateMode')).toHaveValue('off');
    await expect(settings.control('cacheMaxDays')).toHaveValue('90');
    await expect(settings.control('allowedBeaconHosts')).toHaveValue(
      'beacon.umcg.example\nbeacon.ki.example:8443',
    );
    await expect(it.policySources()).toContainText(app.policyPath);
    // No federation and updates off: the only host is the link origin the browser may open.
    await expect(it.hostRows()).toHaveCount(1);
    await expect(it.hostRow('www.ga4gh.org:443')).toContainText('External link');
    await expect(it.hostsNotes()).toContainText('sends no telemetry');
    await expect(it.hostsIncomplete()).toHaveCount(0);
  });

  test('Help → About → Licences lists the third-party packages with their licences', async ({
    page,
    shell,
  }) => {
    await shell.open('settings');
    const it = new ItPanels(page);
    await it.openLicences();
    await expect(it.licences().first()).toBeVisible();
    expect(await it.licences().count()).toBeGreaterThan(50);
    await expect(it.licenceOf('react')).toContainText('MIT');
  });
});

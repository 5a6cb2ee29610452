// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SETTING_KEYS, defaultSettings } from '../../../../shared/settings/settings';
import '../../i18n';
import { resetStore } from '../../store';
import { SettingsForm } from './SettingsForm';

afterEach(() => {
  cleanup();
  resetStore();
});

describe('issue 21: every policy key is locked in the UI', () => {
  it('with every setting locked, every control is disabled and says who manages it', () => {
    render(
      <SettingsForm
        view={{
          values: defaultSettings(),
          locked: [...SETTING_KEYS],
          notices: [],
          policyPath: '/etc/cohort-desk/policy.json',
          policyActive: true,
          policySources: ['Group Policy (HKLM\\SOFTWARE\\Policies\\CohortDesk\\CohortDesk)'],
        }}
        saved={false}
        onSavedChange={() => undefined}
      />,
    );
    for (const key of SETTING_KEYS) {
      const control = screen.getByTestId(`setting-${key}`);
      expect((control as HTMLInputElement).disabled, key).toBe(true);
      expect(screen.getByTestId(`setting-${key}-managed`).textContent, key).toBe(
        'Managed by your organisation',
      );
    }
  });

  it('unlocked, the IT settings are editable except the two that have one value', () => {
    render(
      <SettingsForm
        view={{
          values: defaultSettings(),
          locked: [],
          notices: [],
          policyPath: '/etc/cohort-desk/policy.json',
          policyActive: false,
        }}
        saved={false}
        onSavedChange={() => undefined}
      />,
    );
    for (const key of [
      'allowedBrokers',
      'allowedNodes',
      'cacheLocation',
      'cacheMaxDays',
      'trustedVisaIssuers',
      'allowedBeaconHosts',
      'allowedHtsgetHosts',
      'updateMode',
      'updateFeedUrl',
    ])
      expect(screen.getByTestId<HTMLInputElement>(`setting-${key}`).disabled, key).toBe(false);
    expect(screen.getByTestId<HTMLSelectElement>('setting-telemetry').disabled).toBe(true);
    expect(screen.getByText(/sends no telemetry/)).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>('setting-crashReportUpload').checked).toBe(false);
  });
});

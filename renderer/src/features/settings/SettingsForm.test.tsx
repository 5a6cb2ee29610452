// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings/settings';
import type { SettingsView } from '../../../../shared/settings/settings';
import { createApiClient, setApiClient } from '../../api/client';
import '../../i18n';
import { resetStore, useStore } from '../../store';
import { SettingsForm } from './SettingsForm';
import { SettingsPage } from './SettingsPage';

afterEach(() => {
  cleanup();
  resetStore();
  setApiClient(undefined);
});

const view = (locked: SettingsView['locked'] = []): SettingsView => ({
  values: defaultSettings(),
  locked,
  notices: [],
  policyPath: '/etc/cohort-desk/policy.json',
  policyActive: locked.length > 0,
});

describe('SettingsForm', () => {
  it('labels every control', () => {
    render(<SettingsForm view={view()} saved={false} onSavedChange={() => undefined} />);
    for (const label of [
      'Theme',
      'Language',
      'Node timeout (milliseconds)',
      'Federation directory URL',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  it('disables a locked control and says who manages it', () => {
    render(
      <SettingsForm view={view(['nodeTimeoutMs'])} saved={false} onSavedChange={() => undefined} />,
    );
    const input = screen.getByLabelText<HTMLInputElement>('Node timeout (milliseconds)');
    expect(input.disabled).toBe(true);
    expect(input.getAttribute('aria-describedby')).toContain('setting-nodeTimeoutMs-managed');
    expect(screen.getByTestId('setting-nodeTimeoutMs-managed').textContent).toBe(
      'Managed by your organisation',
    );
  });

  it('sends only the changed, unlocked keys and keeps the saved status after the form remounts (issue 2 regression)', async () => {
    const sent: unknown[] = [];
    setApiClient(
      createApiClient({
        kind: 'browser',
        invoke: (channel, payload) => {
          if (channel !== 'settings:set')
            return Promise.resolve({ ok: true, value: view(['nodeTimeoutMs']) });
          sent.push(payload);
          const saved = view(['nodeTimeoutMs']);
          return Promise.resolve({
            ok: true,
            value: { ...saved, values: { ...saved.values, theme: 'dark' } },
          });
        },
        on: () => () => undefined,
      }),
    );
    render(<SettingsPage />);
    await act(() => useStore.getState().loadSettings());
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(sent).toEqual([{ theme: 'dark' }]);
  });

  it('keeps an unsaved edit when another window changes a different setting, and shows that change', () => {
    useStore.setState({ settings: view() });
    render(<SettingsPage />);
    fireEvent.change(screen.getByLabelText('Node timeout (milliseconds)'), {
      target: { value: '9000' },
    });
    const elsewhere = view();
    act(() => {
      useStore.setState({
        settings: { ...elsewhere, values: { ...elsewhere.values, theme: 'dark' } },
      });
    });
    expect(screen.getByLabelText<HTMLSelectElement>('Theme').value).toBe('dark');
    expect(screen.getByLabelText<HTMLInputElement>('Node timeout (milliseconds)').value).toBe(
      '9000',
    );
    // A key the policy now locks shows the policy's value, not the stale edit.
    act(() => {
      useStore.setState({ settings: view(['nodeTimeoutMs']) });
    });
    expect(screen.getByLabelText<HTMLInputElement>('Node timeout (milliseconds)').value).toBe(
      String(defaultSettings().nodeTimeoutMs),
    );
  });
});

describe('issue 13: a federation directory address is checked before it is saved', () => {
  const setup = (check: (url: string) => unknown) => {
    const sent: { channel: string; payload: unknown }[] = [];
    setApiClient(
      createApiClient({
        kind: 'browser',
        invoke: (channel, payload) => {
          sent.push({ channel, payload });
          if (channel === 'federation:check')
            return Promise.resolve(check((payload as { url: string }).url));
          const saved = view();
          const values = { ...saved.values, ...(payload as object | undefined) };
          return Promise.resolve({ ok: true, value: { ...saved, values } });
        },
        on: () => () => undefined,
      }),
    );
    useStore.setState({ settings: view() });
    render(<SettingsPage />);
    return sent;
  };
  const enter = (url: string) => {
    fireEvent.change(screen.getByLabelText('Federation directory URL'), {
      target: { value: url },
    });
    fireEvent.click(screen.getByTestId('settings-save'));
  };

  it('an address that does not answer is not saved; the reason is shown', async () => {
    const message =
      'The federation directory at https://dir.example/x could not be used: it did not answer within 10 s. Check the address, or ask your IT team for the right one.';
    const sent = setup(() => ({ ok: false, error: { code: 'INVALID_REQUEST', message } }));
    enter('https://dir.example/x');
    expect((await screen.findByTestId('directory-failed')).textContent).toBe(message);
    expect(screen.getByTestId('settings-status').textContent).toBe('');
    expect(sent.map((c) => c.channel)).not.toContain('settings:set');
  });

  it('a usable directory is shown (brokers and nodes) and then saved', async () => {
    const sent = setup((url) => ({
      ok: true,
      value: {
        url,
        brokers: [{ issuer: 'https://aai.example', clientId: 'cohort-desk', name: 'Hospital AAI' }],
        nodes: [
          { id: 'FI', name: 'FI', country: 'Finland', beaconUrl: 'https://fi.example/api' },
          { id: 'IT', name: 'IT', country: 'Italy', beaconUrl: 'https://it.example/api' },
        ],
        trustedVisaIssuers: [],
      },
    }));
    enter('https://dir.example/federation.json');
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(screen.getByTestId('directory-found').textContent).toBe(
      'Found at https://dir.example/federation.json: 1 sign-in service (Hospital AAI) and 2 nodes (FI, IT).',
    );
    expect(sent.find((c) => c.channel === 'settings:set')?.payload).toEqual({
      federationConfigUrl: 'https://dir.example/federation.json',
    });
  });
});

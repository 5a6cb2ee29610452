// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { HostsPanel } from '../features/settings/HostsPanel';
import { resetStore, useStore } from '../store';
import { AppErrorLine } from './AppErrorLine';

// Issue 22: the settings' and the host list's failure sentences word main's own refusal by its
// code, and quote an error that came without one (another program's words) as written, marked
// English inside the reader's sentence (decision 0071). Before, both showed the text as it came,
// unmarked.

afterEach(() => {
  cleanup();
  resetStore();
});
afterAll(async () => {
  await setLanguage('en');
});

const locked = {
  code: 'LOCKED_BY_POLICY' as const,
  message: 'theme is managed by your organisation and cannot be changed here.',
  key: 'lockedByPolicy' as const,
  params: { settings: 'theme' },
};
const foreign = { code: 'INTERNAL' as const, message: "Error invoking remote method 'cd:invoke'" };

describe('issue 22: settings.saveFailed and hosts.failed', () => {
  it('German: main’s refusal worded by its code; a foreign message quoted and marked English', async () => {
    await setLanguage('de');
    render(
      <p data-testid="line">
        <AppErrorLine sentence="settings.saveFailed" error={locked} />
      </p>,
    );
    expect(screen.getByTestId('line').textContent).toBe(
      'Einstellungen wurden nicht gespeichert: theme wird von Ihrer Organisation verwaltet und kann hier nicht geändert werden.',
    );
    cleanup();
    render(
      <p data-testid="line">
        <AppErrorLine sentence="settings.saveFailed" error={foreign} />
      </p>,
    );
    const line = screen.getByTestId('line');
    expect(line.textContent).toBe(
      `Einstellungen wurden nicht gespeichert: Meldung im Wortlaut: ${foreign.message}`,
    );
    const quoted = line.querySelector('q');
    expect(quoted?.getAttribute('lang')).toBe('en');
    expect(quoted?.textContent).toBe(foreign.message);
  });

  it('Finnish: the host list that could not be made', async () => {
    await setLanguage('fi');
    useStore.setState({ hostsError: foreign, loadHosts: () => Promise.resolve() });
    render(<HostsPanel />);
    const error = screen.getByTestId('hosts-error');
    expect(error.textContent).toBe(
      `Palvelinluetteloa ei voitu muodostaa: Viesti sellaisenaan: ${foreign.message}`,
    );
    expect(error.querySelector('q[lang="en"]')?.textContent).toBe(foreign.message);
    cleanup();
    useStore.setState({
      hostsError: { message: 'Something went wrong…', key: 'internal' },
      loadHosts: () => Promise.resolve(),
    });
    render(<HostsPanel />);
    expect(screen.getByTestId('hosts-error').textContent).toBe(
      'Palvelinluetteloa ei voitu muodostaa: Cohort Deskissä tapahtui virhe. Yksityiskohdat ovat lokitiedostossa.',
    );
  });
});

// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FederationDirectory } from '../../../../shared/federation/directory';
import type { SessionSummary } from '../../../../shared/auth/session';
import { createApiClient, setApiClient } from '../../api/client';
import { useAppBootstrap } from '../../hooks/useAppBootstrap';
import '../../i18n';
import { resetStore } from '../../store';
import { FederationPage } from './FederationPage';

const signedOut: SessionSummary = {
  state: 'signed-out',
  persistence: { mode: 'memory-only', reason: 'browser mode' },
  access: [],
  ignoredVisas: [],
};
const directory = (issuer: string, name: string, nodes: string[]): FederationDirectory => ({
  source: 'settings',
  location: `${issuer}/directory.json`,
  brokers: [{ issuer, clientId: 'cohort-desk', name }],
  nodes: nodes.map((id) => ({
    id,
    name: `${id} node`,
    country: id,
    beaconUrl: `${issuer}/${id}/api`,
  })),
  trustedVisaIssuers: [],
  fetchedAt: Date.now(),
});

const calls: { channel: string; payload: unknown }[] = [];
const listeners = new Map<string, (payload: unknown) => void>();

beforeEach(() => {
  calls.length = 0;
  listeners.clear();
  setApiClient(
    createApiClient({
      kind: 'browser',
      invoke: (channel, payload) => {
        calls.push({ channel, payload });
        if (channel === 'federation:directory')
          return Promise.resolve({
            ok: true,
            value: directory('https://old.example', 'Old broker', ['FI']),
          });
        if (channel === 'auth:session' || channel === 'auth:signIn')
          return Promise.resolve({ ok: true, value: signedOut });
        return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'unused' } });
      },
      on: (event, listener) => {
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
    }),
  );
});
afterEach(() => {
  cleanup();
  resetStore();
  setApiClient(undefined);
});

function App() {
  useAppBootstrap();
  return <FederationPage />;
}

describe('issue 15 item 7 / issue 12 item 13: a new directory reaches the page at once', () => {
  it('a pushed directory replaces brokers and nodes without a reload; sign-in uses the new broker', async () => {
    render(<App />);
    expect(await screen.findByText('FI node')).toBeTruthy();
    expect(listeners.has('federation:changed')).toBe(true);
    act(() => {
      listeners.get('federation:changed')?.(
        directory('https://new.example', 'New broker', ['IT', 'ES']),
      );
    });
    expect(screen.queryByText('FI node')).toBeNull();
    expect(screen.getByText('IT node')).toBeTruthy();
    expect(screen.getByTestId('directory-source').textContent).toContain(
      'https://new.example/directory.json',
    );
    fireEvent.click(screen.getByTestId('sign-in'));
    await act(async () => {
      await Promise.resolve();
    });
    expect(calls.find((c) => c.channel === 'auth:signIn')?.payload).toEqual({
      issuer: 'https://new.example',
    });
  });

  it('issue 13: "sign in as someone else" asks main for a sign-in with switchUser', async () => {
    render(<App />);
    fireEvent.click(await screen.findByTestId('sign-in-switch-user'));
    await act(async () => {
      await Promise.resolve();
    });
    expect(calls.find((c) => c.channel === 'auth:signIn')?.payload).toEqual({
      issuer: 'https://old.example',
      switchUser: true,
    });
  });

  it('shows a directory problem and how old the copy is', async () => {
    render(<App />);
    await screen.findByText('FI node');
    act(() => {
      listeners.get('federation:changed')?.({
        ...directory('https://old.example', 'Old broker', ['FI']),
        fetchedAt: Date.now() - 10 * 60_000,
        problem: 'The federation directory at https://old.example could not be refreshed.',
      });
    });
    expect(screen.getByTestId('directory-source').textContent).toContain('10 minutes ago');
    expect(screen.getByTestId('directory-problem').textContent).toContain('could not be refreshed');
  });
});

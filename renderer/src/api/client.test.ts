import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings/settings';
import { api, createApiClient, setApiClient } from './client';
import type { Transport } from './transport';

const fake = (answer: unknown, onEvent?: (l: (p: unknown) => void) => void): Transport => ({
  kind: 'browser',
  invoke: () => Promise.resolve(answer),
  on: (_event, listener) => {
    onEvent?.(listener);
    return () => undefined;
  },
});
const view = {
  values: defaultSettings(),
  locked: [],
  notices: [],
  policyPath: '/p',
  policyActive: false,
};

describe('typed api client', () => {
  it('passes through a valid response', async () => {
    const client = createApiClient(fake({ ok: true, value: view }));
    expect(await client.invoke('settings:get')).toEqual({ ok: true, value: view });
  });

  it('passes through an error Result', async () => {
    const error = { code: 'LOCKED_BY_POLICY', message: 'managed' };
    const client = createApiClient(fake({ ok: false, error }));
    expect(await client.invoke('settings:set', { theme: 'dark' })).toEqual({ ok: false, error });
  });

  it('never trusts a response that breaks the contract', async () => {
    const client = createApiClient(fake({ ok: true, value: { values: { theme: 'neon' } } }));
    const result = await client.invoke('settings:get');
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('turns a transport failure into an error Result', async () => {
    const client = createApiClient({
      ...fake(null),
      invoke: () => Promise.reject(new Error('socket closed')),
    });
    expect(await client.invoke('app:info')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'socket closed' },
    });
  });

  it('drops pushed events that do not match their schema', () => {
    let push: ((p: unknown) => void) | undefined;
    const client = createApiClient(fake(null, (l) => (push = l)));
    const seen: unknown[] = [];
    client.on('settings:changed', (p) => seen.push(p));
    push?.({ garbage: true });
    push?.(view);
    expect(seen).toEqual([view]);
  });

  it('before any transport (browser mode not yet connected) calls end as an error Result, not a throw', async () => {
    setApiClient(undefined);
    expect(await api().invoke('app:info')).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Cohort Desk is not connected to its service.',
        key: 'notConnected',
      },
    });
    expect(typeof api().on('settings:changed', () => undefined)).toBe('function');
  });
});

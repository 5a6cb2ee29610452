import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import type { Handlers } from './router';
import { HandlerError, createRouter } from './router';
import { defaultSettings } from '../../../shared/settings/settings';
import { words } from '../../../shared/appError';

const view = {
  values: defaultSettings(),
  locked: [],
  notices: [],
  policyPath: '/etc/x',
  policyActive: false,
};
// Only these channels are invoked here; the others (search, auth) have their own tests.
const handlers: Partial<Handlers> = {
  'app:info': () => ({
    name: 'Cohort Desk',
    version: '1.0.0',
    platform: 'linux',
    runtime: { kind: 'browser', transport: 'in-process', node: '22' },
    paths: { data: '/d', logs: '/l', policy: '/p' },
  }),
  'app:openExternal': () => {
    throw new HandlerError(
      'NOT_ALLOWED',
      'This link is not on the list of sites Cohort Desk may open. Ask your IT team to allow it.',
      'https://x.test/',
      words('linkNotAllowed', { url: 'https://x.test/' }),
    );
  },
  'settings:get': () => view,
  'settings:set': () => {
    throw new HandlerError('LOCKED_BY_POLICY', 'managed', 'theme');
  },
  'settings:dismissNotice': () => {
    throw new Error('disk on fire /home/u/.config eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig');
  },
};

const setup = () => {
  const logger = createMemoryLogger();
  const router = createRouter({
    handlers: handlers as Handlers,
    logger,
    isTrustedSender: (sender) => sender.url?.startsWith('app://cohort-desk/') === true,
  });
  return { router, logger };
};
const app = { url: 'app://cohort-desk/index.html' };

describe('router (CONVENTIONS rule 3, Electron checklist 17)', () => {
  it('returns ok Results whose value passed the response schema', async () => {
    const { router } = setup();
    const result = await router.invoke('app:info', undefined, app);
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Cohort Desk', runtime: { kind: 'browser' } },
    });
  });

  it('rejects an unknown channel', async () => {
    const { router, logger } = setup();
    const result = await router.invoke('fs:readFile', { path: '/etc/passwd' }, app);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_CHANNEL',
        message: 'Unknown request "fs:readFile".',
        key: 'unknownChannel',
        params: { channel: 'fs:readFile' },
      },
    });
    expect(logger.lines.map((l) => l.event)).toContain('ipc.unknown_channel');
  });

  it('rejects an invalid payload and says where', async () => {
    const { router } = setup();
    const result = await router.invoke('settings:set', { nodeTimeoutMs: 'fast' }, app);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_REQUEST');
    expect(result.error.where).toBe('settings:set:nodeTimeoutMs');
    // Issue 22: the renderer words it from the channel and the field; zod's English stays in message.
    expect(result.error.key).toBe('invalidRequest');
    expect(result.error.params).toEqual({ channel: 'settings:set', field: 'nodeTimeoutMs' });
  });

  it('issue 22: a HandlerError’s code and parameters reach the renderer beside its English', async () => {
    const { router } = setup();
    expect(await router.invoke('app:openExternal', { url: 'https://x.test/' }, app)).toEqual({
      ok: false,
      error: {
        code: 'NOT_ALLOWED',
        message:
          'This link is not on the list of sites Cohort Desk may open. Ask your IT team to allow it.',
        where: 'https://x.test/',
        key: 'linkNotAllowed',
        params: { url: 'https://x.test/' },
      },
    });
  });

  it('rejects unknown keys in a payload (strict schemas)', async () => {
    const { router } = setup();
    const result = await router.invoke('settings:set', { isAdmin: true }, app);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('issue 14: refuses an unknown key on a channel that used to strip it, before the handler runs', async () => {
    const { router } = setup();
    const result = await router.invoke(
      'app:openExternal',
      { url: 'https://example.org/', inBackground: true },
      app,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('rejects a foreign sender frame before looking at the payload', async () => {
    const { router } = setup();
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      undefined,
      'app://cohort-deskx/',
    ]) {
      const result = await router.invoke('app:info', undefined, { url });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
  });

  it('turns a HandlerError into a typed error Result', async () => {
    const { router } = setup();
    const result = await router.invoke('settings:set', { theme: 'dark' }, app);
    expect(result).toEqual({
      ok: false,
      error: { code: 'LOCKED_BY_POLICY', message: 'managed', where: 'theme' },
    });
  });

  it('hides unexpected errors from the renderer and logs them redacted', async () => {
    const { router, logger } = setup();
    const result = await router.invoke('settings:dismissNotice', { id: 'x' }, app);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', key: 'internal' } });
    if (result.ok) return;
    expect(result.error.message).not.toContain('disk on fire');
    const line = JSON.stringify(logger.lines.find((l) => l.event === 'ipc.handler_failed'));
    expect(line).toContain('disk on fire');
    expect(line).not.toContain('eyJ');
  });
});

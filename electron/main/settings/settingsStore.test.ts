import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import type { Handlers } from '../ipc/router';
import { HandlerError, createRouter } from '../ipc/router';
import { settingsHandlers } from './settings.handlers';
import type { Policy } from './policy';
import { createSettingsStore } from './settingsStore';

const noPolicy: Policy = {
  path: '/none',
  active: false,
  locked: {},
  defaults: {},
  notices: [],
  sources: [],
};
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cd-settings-'));
  file = join(dir, 'settings.json');
});
const store = (policy: Policy = noPolicy) =>
  createSettingsStore({
    file,
    policy,
    logger: createMemoryLogger(),
    now: () => new Date('2026-11-26T10:00:00Z'),
  });

describe('settings store', () => {
  it('starts from defaults when there is no file', () => {
    expect(store().view().values).toMatchObject({ theme: 'system', nodeTimeoutMs: 5000 });
  });

  it('persists a change and reads it back in a new store', () => {
    store().set({ theme: 'dark', nodeTimeoutMs: 8000 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 2,
      values: { theme: 'dark', nodeTimeoutMs: 8000 },
    });
    expect(store().view().values).toMatchObject({ theme: 'dark', nodeTimeoutMs: 8000 });
  });

  it('decision 0105: a settings file saved by Notepad with a byte order mark is read, not kept as corrupt', () => {
    const text = JSON.stringify({ version: 2, values: { theme: 'dark', nodeTimeoutMs: 8000 } });
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const view = store().view();
    expect(view.values).toMatchObject({ theme: 'dark', nodeTimeoutMs: 8000 });
    expect(view.notices).toEqual([]);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.corrupt-'))).toBe(false);
  });

  it('writes atomically: no temp files are left behind', () => {
    const s = store();
    for (let i = 0; i < 20; i += 1) s.set({ nodeTimeoutMs: 1000 + i });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps a corrupt file as a backup, restores defaults and tells the user where (line, column)', () => {
    writeFileSync(file, '{\n  "theme": "dark",\n  oops\n}');
    const view = store().view();
    expect(view.values.theme).toBe('system');
    const backup = readdirSync(dir).find((name) => name.startsWith('settings.corrupt-'));
    expect(backup).toBeDefined();
    expect(readFileSync(join(dir, backup!), 'utf8')).toContain('oops');
    expect(view.notices).toHaveLength(1);
    expect(view.notices[0]).toMatchObject({
      level: 'warning',
      messageKey: 'notice.settingsCorrupt',
    });
    expect(view.notices[0]?.params.detail).toMatch(/line 3, column 3/);
    expect(view.notices[0]?.params.backupPath).toBe(join(dir, backup!));
  });

  it('decision 0100: a settings file naming a key twice is kept as a backup, located, as a corrupt one is', () => {
    writeFileSync(file, '{\n  "theme": "dark",\n  "theme": "light"\n}');
    const view = store().view();
    expect(view.values.theme).toBe('system');
    expect(readdirSync(dir).some((name) => name.startsWith('settings.corrupt-'))).toBe(true);
    expect(view.notices[0]).toMatchObject({
      messageKey: 'notice.settingsCorrupt',
      params: { settingProblem: 'duplicate-key', key: 'theme', line: '3', column: '3' },
    });
  });

  it('keeps the valid keys of a partly invalid file and names the invalid ones', () => {
    writeFileSync(file, JSON.stringify({ theme: 'dark', nodeTimeoutMs: -5, mystery: 1 }));
    const view = store().view();
    expect(view.values.theme).toBe('dark');
    expect(view.values.nodeTimeoutMs).toBe(5000);
    expect(view.notices[0]?.params.detail).toContain('nodeTimeoutMs');
    expect(view.notices[0]?.params.detail).toContain('mystery: unknown setting');
  });

  it('lets a notice be dismissed', () => {
    writeFileSync(file, 'not json');
    const s = store();
    const id = s.view().notices[0]!.id;
    expect(s.dismissNotice(id).notices).toEqual([]);
  });

  it('applies policy: locked values win and cannot be changed; defaults can', () => {
    const policy: Policy = {
      ...noPolicy,
      active: true,
      locked: { nodeTimeoutMs: 9000, allowLocalCache: false },
      defaults: { theme: 'dark' },
    };
    writeFileSync(file, JSON.stringify({ nodeTimeoutMs: 1000 }));
    const s = store(policy);
    expect(s.view().values).toMatchObject({
      nodeTimeoutMs: 9000,
      allowLocalCache: false,
      theme: 'dark',
    });
    expect(s.view().locked.sort()).toEqual(['allowLocalCache', 'nodeTimeoutMs']);
    expect(() => s.set({ nodeTimeoutMs: 2000 })).toThrow(HandlerError);
    expect(() => s.set({ theme: 'light', allowLocalCache: true })).toThrow(
      /managed by your organisation/,
    );
    expect(s.view().values.theme).toBe('dark');
    expect(s.set({ theme: 'light' }).values.theme).toBe('light');
  });

  it('notifies subscribers on change', () => {
    const s = store();
    const seen: string[] = [];
    const off = s.onChange((v) => seen.push(v.values.theme));
    s.set({ theme: 'light' });
    off();
    s.set({ theme: 'dark' });
    expect(seen).toEqual(['light']);
  });

  it('issue 13: a policy default still applies after the user saves another setting over IPC (only changed keys are stored)', async () => {
    const policy: Policy = { ...noPolicy, active: true, defaults: { theme: 'dark' } };
    const s = store(policy);
    const router = createRouter({
      handlers: settingsHandlers(s) as Handlers,
      logger: createMemoryLogger(),
      isTrustedSender: () => true,
    });
    const result = await router.invoke('settings:set', { nodeTimeoutMs: 8000 }, { url: 'app://x' });
    expect(result).toMatchObject({ ok: true, value: { values: { theme: 'dark' } } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 2,
      values: { nodeTimeoutMs: 8000 },
    });
    // A later restart with the same policy: the policy default is still the theme.
    expect(store(policy).view().values).toMatchObject({ theme: 'dark', nodeTimeoutMs: 8000 });
  });

  it('issue 13: a settings file written by 0.1 (every key, defaults filled in) still loads, and the defaults it holds no longer hide the policy defaults', () => {
    writeFileSync(
      file,
      JSON.stringify({
        theme: 'system',
        language: 'en',
        nodeTimeoutMs: 12000,
        allowLocalCache: true,
        federationConfigUrl: '',
        externalLinkOrigins: [
          'https://www.ga4gh.org',
          'https://hpo.jax.org',
          'https://www.orpha.net',
        ],
      }),
    );
    const policy: Policy = { ...noPolicy, active: true, defaults: { theme: 'dark' } };
    const s = store(policy);
    expect(s.view().values).toMatchObject({ theme: 'dark', nodeTimeoutMs: 12000 });
    expect(s.view().notices).toEqual([]);
    s.set({ language: 'en' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 2,
      values: { nodeTimeoutMs: 12000, language: 'en' },
    });
  });

  it('keeps a settings file of an unknown version as a backup and says which version', () => {
    writeFileSync(file, JSON.stringify({ version: 9, values: { theme: 'dark' } }));
    const view = store().view();
    expect(view.values.theme).toBe('system');
    expect(view.notices[0]?.params.detail).toBe('settings file version 9 is not supported');
  });
});

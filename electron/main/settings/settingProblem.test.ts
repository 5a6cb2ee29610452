import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import { resolveCacheLocation } from '../vault/cacheLocation';
import { loadPolicy } from './policy';
import { createSettingsStore } from './settingsStore';

// Issue 22, decision 0076: a settings file, a policy file or a cache folder setting that cannot be
// used is a notice whose problem travels as a code and values beside main's English `detail`, so
// the window words it in the reader's language (the JSON parser's and zod's own words as `own`).
describe('issue 22: settings, policy and cache folder problems as codes', () => {
  const dir = (): string => mkdtempSync(join(tmpdir(), 'setting-problem-'));
  const settingsNotice = (text: string) => {
    const d = dir();
    writeFileSync(join(d, 'settings.json'), text);
    const store = createSettingsStore({
      file: join(d, 'settings.json'),
      policy: loadPolicy(join(d, 'none.json')),
      logger: createMemoryLogger(),
    });
    return store.view().notices[0]?.params;
  };
  const policyNotices = (policy: unknown) => {
    const d = dir();
    writeFileSync(
      join(d, 'policy.json'),
      typeof policy === 'string' ? policy : JSON.stringify(policy),
    );
    return loadPolicy(join(d, 'policy.json')).notices.map((n) => n.params);
  };

  it('the settings file: JSON syntax (line, column), one unknown key, several bad keys, a newer version', () => {
    expect(settingsNotice('{\n  "theme": "dark",\n  oops\n}')).toMatchObject({
      settingProblem: 'json',
      line: '3',
      column: '3',
      own: expect.any(String) as unknown,
    });
    expect(settingsNotice(JSON.stringify({ theme: 'dark', mystery: 1 }))).toMatchObject({
      settingProblem: 'unknown',
      field: 'mystery',
    });
    expect(settingsNotice(JSON.stringify({ nodeTimeoutMs: -5, mystery: 1 }))).toMatchObject({
      settingProblem: 'several',
      fields: 'nodeTimeoutMs, mystery',
    });
    expect(settingsNotice(JSON.stringify({ version: 9, values: {} }))).toMatchObject({
      settingProblem: 'version',
      version: '9',
    });
  });

  it('the policy file: JSON syntax, an unknown and an invalid locked key; English stays as detail', () => {
    const [json] = policyNotices('{ "locked": ');
    expect(json).toMatchObject({ settingProblem: 'json', line: '1' });
    expect(json?.detail).toMatch(/^line 1/);
    expect(policyNotices({ version: 1, locked: { mystery: 1, nodeTimeoutMs: 'fast' } })).toEqual([
      expect.objectContaining({
        settingProblem: 'unknown',
        field: 'locked.mystery',
        detail: 'locked.mystery: unknown setting',
      }),
      expect.objectContaining({ settingProblem: 'invalid', field: 'locked.nodeTimeoutMs' }),
    ]);
  });

  it('the cache folder: a variable not set, a path that is not absolute', () => {
    expect(resolveCacheLocation('${NOPE_NOT_SET}/vault', '/data', {}, '/data/vault')).toMatchObject(
      {
        root: '/data/vault',
        problemSaid: {
          code: 'env-missing',
          params: { names: 'NOPE_NOT_SET', fallback: '/data/vault' },
        },
      },
    );
    expect(resolveCacheLocation('relative/vault', '/data', {}, '/data/vault')).toMatchObject({
      problemSaid: { code: 'not-absolute', params: { path: 'relative/vault' } },
    });
  });
});

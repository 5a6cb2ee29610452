import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_PATH_ENV, defaultPolicyPath, loadPolicy } from './policy';

const write = (text: string): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'cd-policy-')), 'policy.json');
  writeFileSync(path, text);
  return path;
};

describe('machine policy (STANDARDS 5.6)', () => {
  it('has a documented path per OS and an environment override', () => {
    expect(defaultPolicyPath('linux', {})).toBe('/etc/cohort-desk/policy.json');
    expect(defaultPolicyPath('darwin', {})).toBe(
      '/Library/Application Support/Cohort Desk/policy.json',
    );
    expect(defaultPolicyPath('win32', { ProgramData: 'D:\\PD' })).toContain('Cohort Desk');
    expect(defaultPolicyPath('linux', { [POLICY_PATH_ENV]: '/tmp/p.json' })).toBe('/tmp/p.json');
  });

  it('is inactive when there is no file', () => {
    expect(loadPolicy('/nonexistent/policy.json')).toMatchObject({
      active: false,
      locked: {},
      notices: [],
    });
  });

  it('reads locked and default settings', () => {
    const policy = loadPolicy(
      write(
        JSON.stringify({
          version: 1,
          locked: { allowLocalCache: false },
          defaults: { theme: 'dark' },
        }),
      ),
    );
    expect(policy).toMatchObject({
      active: true,
      locked: { allowLocalCache: false },
      defaults: { theme: 'dark' },
    });
    expect(policy.notices).toEqual([]);
  });

  it('reports a syntax error with line and column and applies nothing', () => {
    const policy = loadPolicy(write('{\n "version": 1,\n "locked": { "theme": }\n}'));
    expect(policy.locked).toEqual({});
    expect(policy.notices[0]?.params.detail).toMatch(/^line 3, column/);
  });

  it('reports each invalid or unknown key and applies the valid ones', () => {
    const policy = loadPolicy(
      write(
        JSON.stringify({
          version: 1,
          locked: { nodeTimeoutMs: 'slow', allowLocalCache: false, x: 1 },
        }),
      ),
    );
    expect(policy.locked).toEqual({ allowLocalCache: false });
    const details = policy.notices.map((n) => n.params.detail).join('\n');
    expect(details).toContain('locked.nodeTimeoutMs');
    expect(details).toContain('locked.x: unknown setting');
  });

  it('rejects an unknown version', () => {
    const policy = loadPolicy(write(JSON.stringify({ version: 2, locked: { theme: 'dark' } })));
    expect(policy.locked).toEqual({});
    expect(policy.notices[0]?.params.detail).toContain('version');
  });
});

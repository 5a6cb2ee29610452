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

  it('decision 0105: a file saved with a byte order mark (Notepad, PowerShell’s Out-File: UTF-8 or UTF-16) applies', () => {
    const text = JSON.stringify(
      { version: 1, locked: { allowLocalCache: false, allowedBeaconHosts: ['beacon.example.fi'] } },
      null,
      2,
    ).replaceAll('\n', '\r\n');
    const utf16be = Buffer.from(text, 'utf16le').swap16();
    const saved: Record<string, Buffer> = {
      'UTF-8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'UTF-16LE (Windows PowerShell Out-File)': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(text, 'utf16le'),
      ]),
      'UTF-16BE': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
    };
    for (const [how, bytes] of Object.entries(saved)) {
      const path = join(mkdtempSync(join(tmpdir(), 'cd-policy-')), 'policy.json');
      writeFileSync(path, bytes);
      const policy = loadPolicy(path);
      expect(policy.notices, how).toEqual([]);
      expect(policy.locked, how).toEqual({
        allowLocalCache: false,
        allowedBeaconHosts: ['beacon.example.fi'],
      });
    }
    // A mark in the middle is still a syntax error, located.
    const inside = loadPolicy(write('{"version":1,\n\ufeff"locked":{}}'));
    expect(inside.notices[0]?.params.detail).toMatch(/^line 2, column 1/);
  });

  it('decision 0105: an allow-list with entries it does not take never widens to every host', () => {
    // Before: one URL where a host belongs dropped the whole key, and an empty list allows all.
    const some = loadPolicy(
      write(
        JSON.stringify({
          version: 1,
          locked: {
            allowedBeaconHosts: ['beacon.hospital.example', 'https://beacon.other.example/'],
            allowedNodes: ['FI', 'not an id'],
          },
        }),
      ),
    );
    expect(some.locked).toEqual({
      allowedBeaconHosts: ['beacon.hospital.example'],
      allowedNodes: ['FI'],
    });
    expect(some.notices.map((n) => n.params.field)).toEqual([
      'locked.allowedBeaconHosts[1]',
      'locked.allowedNodes[1]',
    ]);
    const none = loadPolicy(
      write(
        JSON.stringify({
          version: 1,
          locked: {
            allowedBeaconHosts: ['https://beacon.hospital.example/'],
            allowedBrokers: ['login.broker.example'],
            trustedVisaIssuers: ['issuer'],
          },
          defaults: { allowedHtsgetHosts: ['htsget host'] },
        }),
      ),
    );
    // Nothing valid: nothing that can exist is allowed (RFC 6761 .invalid), never everything.
    expect(none.locked).toEqual({
      allowedBeaconHosts: ['nothing.invalid'],
      allowedBrokers: ['https://nothing.invalid'],
      trustedVisaIssuers: ['https://nothing.invalid'],
    });
    expect(none.defaults).toEqual({ allowedHtsgetHosts: ['nothing.invalid'] });
    expect(none.notices).toHaveLength(4);
    // Not a list at all (one host as a string, an object): nothing is allowed either.
    const notList = loadPolicy(
      write(
        JSON.stringify({
          version: 1,
          locked: { allowedBeaconHosts: 'beacon.hospital.example', allowedNodes: { FI: true } },
          defaults: { trustedVisaIssuers: 'https://issuer.example' },
        }),
      ),
    );
    expect(notList.locked).toEqual({
      allowedBeaconHosts: ['nothing.invalid'],
      allowedNodes: ['nothing.invalid'],
    });
    expect(notList.defaults).toEqual({ trustedVisaIssuers: ['https://nothing.invalid'] });
    expect(notList.notices.map((n) => n.params.field)).toEqual([
      'locked.allowedBeaconHosts',
      'locked.allowedNodes',
      'defaults.trustedVisaIssuers',
    ]);
    // Other settings still apply nothing of an invalid value, as before.
    const other = loadPolicy(write(JSON.stringify({ version: 1, locked: { cacheMaxDays: -1 } })));
    expect(other.locked).toEqual({});
  });

  it('reports a syntax error with line and column and applies nothing', () => {
    const policy = loadPolicy(write('{\n "version": 1,\n "locked": { "theme": }\n}'));
    expect(policy.locked).toEqual({});
    expect(policy.notices[0]?.params.detail).toMatch(/^line 3, column/);
  });

  it('decision 0100: refuses a key named twice (two allowedBeaconHosts) at its line, and applies nothing', () => {
    // Before: JSON.parse kept the second list without a word; IT could not tell which hosts apply.
    const path = write(
      '{\n "version": 1,\n "locked": {\n  "allowedBeaconHosts": ["beacon.hospital.example"],\n  "allowLocalCache": false,\n  "allowedBeaconHosts": ["evil.example"]\n }\n}\n',
    );
    const policy = loadPolicy(path);
    expect(policy.active).toBe(true);
    expect(policy.locked).toEqual({});
    expect(policy.notices).toHaveLength(1);
    expect(policy.notices[0]).toMatchObject({
      level: 'error',
      messageKey: 'notice.policyInvalid',
      params: {
        path,
        detail:
          'line 6, column 3: the key "allowedBeaconHosts" is named twice in one object (at locked.allowedBeaconHosts); JSON readers keep only one of them, so nothing of the file applies. Remove the repeat',
        settingProblem: 'duplicate-key',
        key: 'allowedBeaconHosts',
        field: 'locked.allowedBeaconHosts',
        line: '6',
        column: '3',
      },
    });
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

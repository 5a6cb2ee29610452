import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '../../../shared/settings/settings';
import { EXAMPLE_POLICY } from '../../packaging/policy/exampleValues';
import { MAC_CACHE_EXAMPLE } from '../../packaging/policy/generate';
import { managedPreferencesFromPlist } from '../platform/managedPreferences';
import { readManagedPolicy } from '../platform/managedPolicy';
import { parseRegQuery, registryPolicyFromRegQuery } from '../platform/registryPolicy';
import { loadPolicy } from './policy';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '..', 'platform', 'fixtures', name), 'utf8');
const { cachePurgeRequest, ...exampleSettings } = EXAMPLE_POLICY;
const noFile = '/nonexistent/policy.json';

describe('issue 21: every policy key is settable from each mechanism', () => {
  it('the policy file sets and locks every key', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cd-pol-')), 'policy.json');
    writeFileSync(path, JSON.stringify({ version: 1, locked: exampleSettings, cachePurgeRequest }));
    const policy = loadPolicy(path);
    expect(policy.notices).toEqual([]);
    expect(policy.locked).toEqual(exampleSettings);
    expect(Object.keys(policy.locked).sort()).toEqual([...SETTING_KEYS].sort());
    expect(policy.cachePurgeRequest).toBe(cachePurgeRequest);
  });

  it('Group Policy (reg query output of HKLM) sets and locks every key; Recommended gives defaults', () => {
    const source = registryPolicyFromRegQuery(fixture('reg-query-policy.txt'));
    const policy = loadPolicy(noFile, [source]);
    expect(policy.notices).toEqual([]);
    expect(policy.locked).toEqual(exampleSettings);
    expect(policy.cachePurgeRequest).toBe(cachePurgeRequest);
    expect(policy.defaults).toEqual({ nodeTimeoutMs: 10_000 });
    expect(policy.sources).toEqual([
      'Group Policy (HKLM\\SOFTWARE\\Policies\\CohortDesk\\CohortDesk)',
    ]);
  });

  it('a configuration profile (managed preferences) sets and locks every key', () => {
    const source = managedPreferencesFromPlist(fixture('managed-preferences.plist'), '/L/M.plist');
    const policy = loadPolicy(noFile, [source]);
    expect(policy.notices).toEqual([]);
    expect(policy.locked).toEqual({ ...exampleSettings, cacheLocation: MAC_CACHE_EXAMPLE });
    expect(policy.cachePurgeRequest).toBe(cachePurgeRequest);
  });
});

describe('issue 21: Group Policy reading', () => {
  const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CohortDesk\\CohortDesk';

  it('parses names and data with spaces, empty strings and multi-strings', () => {
    const keys = parseRegQuery(
      `\r\n${key}\r\n    CacheLocation    REG_SZ    D:\\Data Folder\\x\r\n    UpdateFeedUrl    REG_SZ    \r\n    AllowedNodes    REG_MULTI_SZ    \r\n`,
    );
    const values = keys.get(key.toUpperCase());
    expect(values?.get('CacheLocation')).toEqual({ type: 'REG_SZ', data: 'D:\\Data Folder\\x' });
    expect(values?.get('UpdateFeedUrl')).toEqual({ type: 'REG_SZ', data: '' });
    const policy = loadPolicy(noFile, [
      registryPolicyFromRegQuery(`${key}\r\n    AllowedNodes    REG_MULTI_SZ    \r\n`),
    ]);
    expect(policy.locked).toEqual({ allowedNodes: [] });
  });

  it('reports a value of the wrong type or an unknown name, by name, and applies the rest', () => {
    const text = `${key}\r\n    NodeTimeoutMs    REG_SZ    9000\r\n    Colour    REG_SZ    red\r\n    UpdateMode    REG_SZ    sometimes\r\n    AllowLocalCache    REG_DWORD    0x0\r\n`;
    const policy = loadPolicy(noFile, [registryPolicyFromRegQuery(text)]);
    expect(policy.locked).toEqual({ allowLocalCache: false });
    const details = policy.notices.map((n) => `${n.params.path}: ${n.params.detail}`);
    expect(details).toEqual([
      'HKLM\\SOFTWARE\\Policies\\CohortDesk\\CohortDesk: NodeTimeoutMs: expected REG_DWORD, found REG_SZ',
      'HKLM\\SOFTWARE\\Policies\\CohortDesk\\CohortDesk: Colour: unknown policy',
      expect.stringMatching(/^HKLM.*: locked\.updateMode: Invalid option/),
    ]);
  });

  it('Group Policy wins over the policy file, key by key', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cd-pol-')), 'policy.json');
    writeFileSync(
      path,
      JSON.stringify({ version: 1, locked: { updateMode: 'automatic', theme: 'light' } }),
    );
    const gpo = registryPolicyFromRegQuery(`${key}\r\n    UpdateMode    REG_SZ    off\r\n`);
    const policy = loadPolicy(path, [gpo]);
    expect(policy.locked).toEqual({ updateMode: 'off', theme: 'light' });
    expect(policy.sources).toHaveLength(2);
  });

  it('no key (reg query fails) means no Group Policy; Linux has no native mechanism', () => {
    expect(readManagedPolicy('win32', () => undefined)).toEqual([]);
    expect(readManagedPolicy('linux', () => 'never called')).toEqual([]);
    const ran: string[][] = [];
    readManagedPolicy('win32', (command, args) => {
      ran.push([command, ...args]);
      return undefined;
    });
    expect(ran).toEqual([
      ['reg', 'query', 'HKLM\\SOFTWARE\\Policies\\CohortDesk\\CohortDesk', '/s'],
    ]);
  });
});

describe('issue 21: managed preferences reading', () => {
  it('a broken property list is reported and applies nothing', () => {
    const source = managedPreferencesFromPlist('<plist><dict><key>Theme', '/L/M.plist');
    const policy = loadPolicy(noFile, [source]);
    expect(policy.locked).toEqual({});
    expect(policy.notices[0]?.params).toMatchObject({ path: '/L/M.plist' });
  });
});

// Issue 22, decision 0076: the native readers' problems travel as codes beside main's English, so
// the policy notice is worded in the reader's language; the English `detail` stays for the logs.
describe('issue 22: the native policy readers send their problems as codes', () => {
  const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CohortDesk\\CohortDesk';
  const coded = (policy: ReturnType<typeof loadPolicy>) =>
    policy.notices.map((n) =>
      Object.fromEntries(Object.entries(n.params).filter(([k]) => k !== 'path' && k !== 'detail')),
    );

  it('Group Policy: a wrong registry type, a flag that is not a DWORD, an unknown name, a purge under Recommended', () => {
    const text = [
      key,
      '    NodeTimeoutMs    REG_SZ    9000',
      '    AllowLocalCache    REG_SZ    yes',
      '    Colour    REG_SZ    red',
      `${key}\\Recommended`,
      '    CachePurgeRequest    REG_SZ    2026-01-01T00:00:00Z',
      '',
    ].join('\r\n');
    const policy = loadPolicy(noFile, [registryPolicyFromRegQuery(text)]);
    expect(coded(policy)).toEqual([
      {
        settingProblem: 'registry-type',
        field: 'NodeTimeoutMs',
        expected: 'REG_DWORD',
        found: 'REG_SZ',
      },
      {
        settingProblem: 'registry-flag',
        field: 'AllowLocalCache',
        expected: 'REG_DWORD',
        found: 'REG_SZ',
      },
      { settingProblem: 'unknown-policy', field: 'Colour' },
      { settingProblem: 'purge-recommended', field: 'Recommended\\CachePurgeRequest' },
    ]);
    // Main's English stays the detail (logs, a window without the code).
    expect(policy.notices[1]?.params.detail).toBe(
      'AllowLocalCache: expected REG_DWORD 0 or 1, found REG_SZ',
    );
  });

  it('a configuration profile: not a property list (the parser’s words as `own`), not a dictionary, and an unknown key', () => {
    const broken = loadPolicy(noFile, [
      managedPreferencesFromPlist('<plist><dict><key>Theme', '/L/M.plist'),
    ]);
    const [said, ...more] = coded(broken);
    expect(more).toEqual([]);
    expect(said?.settingProblem).toBe('not-plist');
    expect(said?.own).toMatch(/unclosed xml tag/);
    expect(broken.notices[0]?.params.detail).toBe(`not a property list: ${said?.own ?? ''}`);
    const array = loadPolicy(noFile, [
      managedPreferencesFromPlist('<plist><array><string>x</string></array></plist>', '/L/M.plist'),
    ]);
    expect(coded(array)).toEqual([{ settingProblem: 'plist-not-dictionary' }]);
    const unknown = loadPolicy(noFile, [
      managedPreferencesFromPlist(
        '<plist><dict><key>PayloadUUID</key><string>u</string><key>Colour</key><string>red</string></dict></plist>',
        '/L/M.plist',
      ),
    ]);
    expect(coded(unknown)).toEqual([{ settingProblem: 'unknown-policy', field: 'Colour' }]);
  });
});

// Decision 0106: a JSON policy file naming a key twice applies nothing since decision 0100; a
// configuration profile's managed preferences with two AllowedBeaconHosts applied the last one.
describe('decision 0106: a configuration profile whose dict names a key twice', () => {
  const twice = fixture('managed-preferences.plist').replace(
    '\t<key>AllowedHtsgetHosts</key>',
    '\t<key>AllowedBeaconHosts</key>\n\t<array>\n\t\t<string>evil.example</string>\n\t</array>\n\t<key>AllowedHtsgetHosts</key>',
  );

  it('applies nothing: the notice names the key, its line and column and its path, with the JSON file’s code', () => {
    const policy = loadPolicy(noFile, [managedPreferencesFromPlist(twice, '/L/M.plist')]);
    expect(policy.locked).toEqual({});
    expect(policy.notices.map((n) => n.params)).toEqual([
      {
        path: '/L/M.plist',
        detail:
          'line 16, column 2: the key "AllowedBeaconHosts" is named twice in one dict (at AllowedBeaconHosts); property-list readers keep only one of them, so nothing of the file applies. Remove the repeat',
        settingProblem: 'duplicate-key',
        line: '16',
        column: '2',
        key: 'AllowedBeaconHosts',
        field: 'AllowedBeaconHosts',
      },
    ]);
  });

  it('an XML managed-preferences file is read as written (plutil would keep one repeat); a binary one goes through plutil', () => {
    const ran: string[] = [];
    const run = (command: string): string => {
      ran.push(command);
      return fixture('managed-preferences.plist');
    };
    const [xml] = readManagedPolicy('darwin', run, () => Buffer.from(`\uFEFF${twice}`));
    expect(ran).toEqual([]);
    expect(xml?.said).toEqual([
      {
        code: 'duplicate-key',
        params: { line: 16, column: 2, key: 'AllowedBeaconHosts', field: 'AllowedBeaconHosts' },
      },
    ]);
    const [binary] = readManagedPolicy('darwin', run, () => Buffer.from('bplist00\u0000\u0001'));
    expect(ran).toEqual(['plutil']);
    expect(binary?.locked.allowedBeaconHosts).toEqual([
      'beacon.umcg.example',
      'beacon.ki.example:8443',
    ]);
    expect(readManagedPolicy('darwin', run, () => undefined)).toEqual([]);
  });
});

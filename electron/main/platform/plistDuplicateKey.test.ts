import { describe, expect, it } from 'vitest';
import { firstPlistDuplicateKey } from './plistDuplicateKey';

// Decision 0106: a property list's dict that names a key twice, found at its line and column with
// its path from the root (the JSON check's form, decision 0100), so IT knows which repeat to remove.
const plist = (body: string): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    body,
    '</plist>',
  ].join('\n');

describe('decision 0106: a key named twice in one plist dict', () => {
  it('is found at the repeat, with its line, column and path', () => {
    const xml = plist(
      [
        '<dict>',
        '\t<key>AllowedBeaconHosts</key>',
        '\t<array><string>beacon.umcg.example</string></array>',
        '\t<key>Theme</key>',
        '\t<string>dark</string>',
        '\t<key>AllowedBeaconHosts</key>',
        '\t<array><string>evil.example</string></array>',
        '</dict>',
      ].join('\n'),
    );
    expect(firstPlistDuplicateKey(xml)).toEqual({
      key: 'AllowedBeaconHosts',
      path: 'AllowedBeaconHosts',
      line: 9,
      column: 2,
    });
  });

  it('names a repeat inside a dict of an array by its place; the same key in two dicts is no repeat', () => {
    const xml = plist(
      [
        '<dict>',
        '<key>Nodes</key>',
        '<array>',
        '<dict><key>Id</key><string>NL</string><key>BeaconUrl</key><string>a</string></dict>',
        '<dict/>',
        '<dict><key>Id</key><string>SE</string><key>BeaconUrl</key><string>b</string><key>BeaconUrl</key><string>c</string></dict>',
        '</array>',
        '</dict>',
      ].join('\n'),
    );
    const twice = firstPlistDuplicateKey(xml);
    expect(twice).toMatchObject({ key: 'BeaconUrl', path: 'Nodes[2].BeaconUrl', line: 9 });
    expect(twice?.column).toBe(
      '<dict><key>Id</key><string>SE</string><key>BeaconUrl</key><string>b</string>'.length + 1,
    );
  });

  it('reads a key as XML means it (entities decoded), and skips comments and CDATA', () => {
    expect(
      firstPlistDuplicateKey(
        plist(
          '<dict><!-- <key>A</key> --><key>A&amp;B</key><string><![CDATA[<key>A&B</key>]]></string><key>A&#38;B</key><true/></dict>',
        ),
      ),
    ).toMatchObject({ key: 'A&B', path: 'A&B', line: 4 });
    expect(
      firstPlistDuplicateKey(
        plist(
          '<dict><key>A</key><string>&lt;key&gt;A&lt;/key&gt;</string><key>B</key><integer>1</integer></dict>',
        ),
      ),
    ).toBeUndefined();
  });
});

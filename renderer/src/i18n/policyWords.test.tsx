// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings/settings';
import { NoticeList } from '../components/NoticeList';
import { resetStore, useStore } from '../store';
import { setLanguage } from '.';

// Issue 22, decision 0076: the problems the native policy readers find (Group Policy's registry
// values, a configuration profile) arrive as codes beside main's English; the notice words them.
// A program's own words (the property-list parser's) stay as written (decision 0071).

afterEach(() => {
  cleanup();
  resetStore();
});
afterAll(async () => {
  await setLanguage('en');
});

describe('issue 22: the policy notice words the native readers’ problems', () => {
  const notices = (list: { messageKey: string; params: Record<string, string> }[]) =>
    useStore.setState({
      settings: {
        values: defaultSettings(),
        locked: [],
        notices: list.map((n, i) => ({ id: String(i), level: 'error' as const, ...n })),
        policyPath: '/p',
        policyActive: true,
      },
    });

  // Group Policy's and a configuration profile's problems (the native readers) have codes too.
  const nativeProblems = () =>
    notices([
      {
        messageKey: 'notice.policyInvalid',
        params: {
          path: 'HKLM\\SOFTWARE\\Policies\\CohortDesk\\CohortDesk',
          detail: 'AllowLocalCache: expected REG_DWORD 0 or 1, found REG_SZ',
          settingProblem: 'registry-flag',
          field: 'AllowLocalCache',
          expected: 'REG_DWORD',
          found: 'REG_SZ',
        },
      },
      {
        messageKey: 'notice.policyInvalid',
        params: {
          path: '/Library/Managed Preferences/org.cohortdesk.desktop.plist',
          detail: 'not a property list: unclosed xml tag(s)',
          settingProblem: 'not-plist',
          own: 'unclosed xml tag(s)',
        },
      },
      {
        messageKey: 'notice.policyInvalid',
        params: {
          path: 'HKLM',
          detail: 'Colour: unknown policy',
          settingProblem: 'unknown-policy',
          field: 'Colour',
        },
      },
    ]);

  it('German: a registry value of the wrong type, a broken property list, an unknown policy name', async () => {
    await setLanguage('de');
    nativeProblems();
    render(<NoticeList />);
    const shown = screen.getAllByTestId('notice').map((n) => n.querySelector('p')?.textContent);
    expect(shown[0]).toContain(
      '(AllowLocalCache: erwartet wird REG_DWORD mit 0 oder 1, gefunden REG_SZ)',
    );
    // The plist parser's words are another program's: shown as written (decision 0071).
    expect(shown[1]).toContain('(keine Eigenschaftsliste (plist): unclosed xml tag(s))');
    expect(shown[2]).toContain('(Colour: unbekannte Richtlinie)');
    expect(shown.join(' ')).not.toMatch(/expected|not a property list|unknown policy/);
  });

  it('Finnish: the same problems', async () => {
    await setLanguage('fi');
    nativeProblems();
    render(<NoticeList />);
    const shown = screen.getAllByTestId('notice').map((n) => n.querySelector('p')?.textContent);
    expect(shown[0]).toContain(
      '(AllowLocalCache: odotettiin arvoa REG_DWORD 0 tai 1, löytyi REG_SZ)',
    );
    expect(shown[1]).toContain('(ei ole ominaisuusluettelo (plist): unclosed xml tag(s))');
    expect(shown[2]).toContain('(Colour: tuntematon käytäntö)');
    expect(shown.join(' ')).not.toMatch(/expected|not a property list|unknown policy/);
  });

  // Decision 0100: a policy file naming a key twice is refused whole, located; the notice words it.
  it('Swedish: a policy file naming allowedBeaconHosts twice, at its line and JSON path', async () => {
    await setLanguage('sv');
    notices([
      {
        messageKey: 'notice.policyInvalid',
        params: {
          path: '/etc/cohort-desk/policy.json',
          detail: 'line 6, column 3: the key "allowedBeaconHosts" is named twice in one object …',
          settingProblem: 'duplicate-key',
          key: 'allowedBeaconHosts',
          field: 'locked.allowedBeaconHosts',
          line: '6',
          column: '3',
        },
      },
    ]);
    render(<NoticeList />);
    const shown = screen.getByTestId('notice').querySelector('p')?.textContent ?? '';
    expect(shown).toContain('/etc/cohort-desk/policy.json');
    expect(shown).toContain(
      'rad 6, kolumn 3: nyckeln ”allowedBeaconHosts” finns två gånger i samma objekt (vid locked.allowedBeaconHosts)',
    );
    expect(shown).not.toMatch(/named twice/);
  });

  it('German: a configuration profile naming AllowedBeaconHosts twice, with the JSON file’s code (decision 0106)', async () => {
    await setLanguage('de');
    notices([
      {
        messageKey: 'notice.policyInvalid',
        params: {
          path: '/Library/Managed Preferences/org.cohortdesk.desktop.plist',
          detail: 'line 16, column 2: the key "AllowedBeaconHosts" is named twice in one dict …',
          settingProblem: 'duplicate-key',
          key: 'AllowedBeaconHosts',
          field: 'AllowedBeaconHosts',
          line: '16',
          column: '2',
        },
      },
    ]);
    render(<NoticeList />);
    const shown = screen.getByTestId('notice').querySelector('p')?.textContent ?? '';
    expect(shown).toContain('/Library/Managed Preferences/org.cohortdesk.desktop.plist');
    // The words name no format: the same code words a JSON policy file's repeat.
    expect(shown).toContain(
      'Zeile 16, Spalte 2: der Schlüssel „AllowedBeaconHosts“ steht zweimal im selben Objekt (bei AllowedBeaconHosts); ein Leseprogramm behält nur einen davon, daher gilt nichts aus der Datei.',
    );
    expect(shown).not.toMatch(/JSON|named twice/);
  });
});

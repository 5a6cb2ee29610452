// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RUNTIME_TRANSPORTS } from '../../../shared/app/appInfo';
import type { AppInfo } from '../../../shared/app/appInfo';
import { MEMORY_ONLY_WHY } from '../../../shared/auth/session';
import {
  DIRECTORY_CAUSE_CODES,
  DIRECTORY_PROBLEM_CODES,
} from '../../../shared/federation/directory';
import type { FederationDirectory } from '../../../shared/federation/directory';
import { HOST_NOTE_CODES } from '../../../shared/it/hosts';
import { defaultSettings } from '../../../shared/settings/settings';
import { SETTING_PROBLEM_CODES } from '../../../shared/settings/settingProblem';
import { VAULT_REFUSAL_CODES } from '../../../shared/vault/vaultRefusal';
import { NoticeList } from '../components/NoticeList';
import { vaultRefused } from '../db/vaultRefused';
import { NodeList } from '../features/federation/NodeList';
import { SignInPanel } from '../features/federation/SignInPanel';
import { AppInfoPanel } from '../features/settings/AppInfoPanel';
import { resetStore, useStore } from '../store';
import { appErrorText } from './appErrorText';
import { codedText } from './codedText';
import en from './en.json';
import i18n, { SUPPORTED_LANGUAGES, setLanguage } from '.';
import { errorText } from './said';
import {
  BROWSER_MEMORY,
  info,
  refusedWith,
  signedIn,
  unusable,
  URL_,
} from './testing/mainWordsFixtures';

// Issue 22, decision 0076: what main sends about where the session is kept, how the window reaches
// it, the federation directory's problems (also the vault's reason when no grant can be judged),
// the hosts list's notes and the vault route's refusals arrive as codes and values; the window
// words them in the reader's language. Main's English stays for the logs and the command line.

afterEach(() => {
  cleanup();
  resetStore();
});
afterAll(async () => {
  await setLanguage('en');
});

describe('issue 22: every code main sends here has words in every language, none extra', () => {
  it('English words exactly the codes', () => {
    expect(Object.keys(en.status.transport).sort()).toEqual([...RUNTIME_TRANSPORTS].sort());
    expect(Object.keys(en.coded.directoryProblem).sort()).toEqual(
      [...DIRECTORY_PROBLEM_CODES].sort(),
    );
    expect(Object.keys(en.coded.directoryCause).sort()).toEqual([...DIRECTORY_CAUSE_CODES].sort());
    expect(Object.keys(en.coded.hostNote).sort()).toEqual([...HOST_NOTE_CODES].sort());
    expect(Object.keys(en.coded.vaultRefusal).sort()).toEqual([...VAULT_REFUSAL_CODES].sort());
    expect(Object.keys(en.coded.settingProblem).sort()).toEqual([...SETTING_PROBLEM_CODES].sort());
  });

  it.each(SUPPORTED_LANGUAGES)('%s words them all', (lang) => {
    const keys = [
      ...RUNTIME_TRANSPORTS.map((c) => `status.transport.${c}`),
      ...MEMORY_ONLY_WHY.map((c) => `cohorts.cache.storage.${c}`),
      'access.persistKeyring',
      ...DIRECTORY_PROBLEM_CODES.map((c) => `coded.directoryProblem.${c}`),
      ...DIRECTORY_CAUSE_CODES.map((c) => `coded.directoryCause.${c}`),
      ...HOST_NOTE_CODES.map((c) => `coded.hostNote.${c}`),
      ...VAULT_REFUSAL_CODES.map((c) => `coded.vaultRefusal.${c}`),
      ...SETTING_PROBLEM_CODES.map((c) => `coded.settingProblem.${c}`),
      'said.datasetRefused',
    ];
    expect(
      keys.filter((k) => typeof i18n.getResource(lang, 'translation', k) !== 'string'),
    ).toEqual([]);
  });
});

describe('issue 22: main’s session, runtime, directory and vault words in German and Finnish', () => {
  it('German: where the session is kept and how the window reaches main', async () => {
    await setLanguage('de');
    useStore.setState({ session: signedIn(BROWSER_MEMORY), info });
    render(
      <>
        <SignInPanel />
        <AppInfoPanel />
      </>,
    );
    expect(screen.getByTestId('session-persistence').textContent).toBe(
      'Ihre Sitzung wird nur im Arbeitsspeicher gehalten und endet beim Schließen der App: der Browsermodus hat keinen Zugriff auf den Geheimnisspeicher des Betriebssystems',
    );
    expect(screen.getByTestId('app-runtime').textContent).toBe(
      'Browsermodus (lokaler WebSocket (Loopback)), Node 22.1.0',
    );
  });

  it('Finnish: no desktop keyring, with the advice; a summary without the code shows main’s English', async () => {
    await setLanguage('fi');
    useStore.setState({
      session: signedIn({ mode: 'memory-only', reason: 'no keyring', why: 'no-keyring' }),
      info: {
        ...info,
        runtime: { ...info.runtime, transport: 'in-process' } as AppInfo['runtime'],
      },
    });
    render(
      <>
        <SignInPanel />
        <AppInfoPanel />
      </>,
    );
    expect(screen.getByTestId('session-persistence').textContent).toBe(
      'Istuntosi säilytetään vain muistissa, ja se päättyy, kun sovellus suljetaan: työpöydän avainnippua (GNOME Keyring tai KWallet) ei löytynyt Asenna tai avaa työpöydän avainnippu (GNOME Keyring tai KWallet), niin pysyt kirjautuneena uudelleenkäynnistyksen jälkeen.',
    );
    expect(screen.getByTestId('app-runtime').textContent).toBe(
      'Selaintila (samassa prosessissa), Node 22.1.0',
    );
    cleanup();
    useStore.setState({ session: signedIn({ mode: 'memory-only', reason: 'old main' }) });
    render(<SignInPanel />);
    expect(screen.getByTestId('session-persistence').textContent).toMatch(/: old main$/);
  });

  it('German: the directory’s problem on the Federation page, its cause worded inside it', async () => {
    await setLanguage('de');
    render(<NodeList directory={unusable({ directoryCause: 'http', http: '503' })} />);
    expect(screen.getByTestId('directory-problem').textContent).toBe(
      `Das Föderationsverzeichnis unter ${URL_} konnte nicht verwendet werden: der Server antwortete mit HTTP 503. Prüfen Sie die Adresse in den Einstellungen oder fragen Sie Ihr IT-Team.`,
    );
    cleanup();
    const stale: FederationDirectory = {
      ...unusable({}),
      fetchedAt: Date.parse('2026-12-07T08:00:00Z'),
      problemSaid: {
        code: 'stale',
        params: {
          url: URL_,
          fetched: '2026-12-07T08:00:00Z',
          directoryCause: 'timeout',
          seconds: 10,
        },
      },
    };
    render(<NodeList directory={stale} />);
    const text = screen.getByTestId('directory-problem').textContent;
    expect(text).toMatch(
      /konnte nicht aktualisiert werden \(es hat nicht innerhalb von 10 s geantwortet\); die Kopie vom \S*2026/,
    );
    // The copy's time in the reader's format, not main's ISO text.
    expect(text).not.toContain('2026-12-07T08');
  });

  it('Finnish: the vault’s note when no grant can be judged names the directory’s problem', async () => {
    await setLanguage('fi');
    const note = codedText(
      i18n.t,
      'vaultNote',
      {
        code: 'unverifiable-locked',
        params: {
          dataset: 'FI-RD-01',
          until: '2027-01-31T00:00:00Z',
          directory: 'demo-invalid',
          file: 'federation.json',
          directoryCause: 'not-loopback',
        },
      },
      'English',
    );
    expect(note).toMatch(
      /^Käyttöoikeuttasi aineistoon FI-RD-01 ei voitu tarkistaa \(Esittelyfederaation tiedosto federation\.json ei kelpaa: sisäänrakennetun esittelyfederaation on toimittava osoitteessa 127\.0\.0\.1\. /,
    );
  });

  it('German: a checked address refused (Settings), and the hosts list’s notes', async () => {
    await setLanguage('de');
    expect(
      appErrorText({
        message: 'English',
        key: 'federationAddress',
        params: { url: URL_, directoryCause: 'timeout', seconds: 10 },
      }),
    ).toBe(
      `Das Föderationsverzeichnis unter ${URL_} konnte nicht verwendet werden: es hat nicht innerhalb von 10 s geantwortet. Prüfen Sie die Adresse oder fragen Sie Ihr IT-Team nach der richtigen.`,
    );
    expect(
      codedText(
        i18n.t,
        'hostNote',
        {
          code: 'directory',
          params: { directory: 'unusable', url: URL_, directoryCause: 'unreachable' },
        },
        'English',
      ),
    ).toBe(
      `Das Föderationsverzeichnis unter ${URL_} konnte nicht verwendet werden: es war nicht erreichbar. Prüfen Sie die Adresse in den Einstellungen oder fragen Sie Ihr IT-Team.`,
    );
    expect(
      codedText(
        i18n.t,
        'hostNote',
        { code: 'not-allowed', params: { entries: 'SE-1' } },
        'English',
      ),
    ).toBe('Von der Richtlinie Ihrer Organisation nicht zugelassen: SE-1.');
  });

  it('German and Finnish: the vault route’s refusal, with the vault’s own note inside it', async () => {
    await setLanguage('de');
    const locked = await vaultRefused(
      refusedWith(423, { message: 'The vault is locked.', said: { code: 'locked' } }),
      'FI-RD-01',
      'The cache refused FI-RD-01 (HTTP 423).',
    );
    expect(errorText(locked)).toBe(
      'Der lokale Cache hat den Datensatz FI-RD-01 nicht herausgegeben (HTTP 423): Der Cache ist gesperrt: Entsperren Sie ihn zuerst. Er ist nicht geladen.',
    );
    await setLanguage('fi');
    const off = await vaultRefused(
      refusedWith(403, {
        message: 'Local copies are turned off in Settings, …',
        said: { code: 'not-readable', params: { note: 'policy-no-cache', dataset: 'FI-RD-01' } },
      }),
      'FI-RD-01',
      'English',
    );
    expect(errorText(off)).toContain(
      `(HTTP 403): ${i18n.t('coded.vaultNote.policy-no-cache', { dataset: 'FI-RD-01' })} Sitä ei ole ladattu.`,
    );
    // An answer without the code (an older main) still says the status in the reader's words.
    const plain = await vaultRefused(
      new Response('Not found', { status: 500 }),
      'FI-RD-01',
      'English',
    );
    expect(errorText(plain)).toBe(
      i18n.t('said.datasetNotServed', { dataset: 'FI-RD-01', status: '500' }),
    );
  });
});

describe('issue 22: Settings notices word main’s problem codes (decision 0076)', () => {
  const notices = (list: { messageKey: string; params: Record<string, string> }[]) =>
    useStore.setState({
      settings: {
        values: defaultSettings(),
        locked: [],
        notices: list.map((n, i) => ({ id: String(i), level: 'warning' as const, ...n })),
        policyPath: '/p',
        policyActive: true,
      },
    });

  it('German: a corrupt settings file, a policy with an unknown key, a cache folder variable not set', async () => {
    await setLanguage('de');
    notices([
      {
        messageKey: 'notice.settingsCorrupt',
        params: {
          backupPath: 'settings.corrupt-1.json',
          detail: 'line 3, column 3: main English',
          settingProblem: 'json',
          line: '3',
          column: '3',
          own: "Expected ','",
        },
      },
      {
        messageKey: 'notice.policyInvalid',
        params: {
          path: 'policy.json',
          detail: 'locked.mystery: unknown setting',
          settingProblem: 'unknown',
          field: 'locked.mystery',
        },
      },
      {
        messageKey: 'notice.cacheLocation',
        params: {
          detail: 'the environment variable … (English)',
          settingProblem: 'env-missing',
          names: 'LOCALAPPDATA',
          fallback: 'vault',
        },
      },
    ]);
    render(<NoticeList />);
    const shown = screen.getAllByTestId('notice').map((n) => n.querySelector('p')?.textContent);
    expect(shown[0]).toContain("(Zeile 3, Spalte 3: Expected ',')");
    expect(shown[1]).toContain('(locked.mystery: unbekannte Einstellung)');
    expect(shown[2]).toContain(
      'die Umgebungsvariable LOCALAPPDATA ist nicht gesetzt, daher bleibt der Cache in vault',
    );
    expect(shown.join(' ')).not.toMatch(/unknown setting|English/);
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import type { TFunction } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { pseudoI18n } from './testing/pseudoI18n';
import { MEMORY_ONLY_WHY } from '../../../shared/auth/session';
import { DIRECTORY_CAUSE_CODES, NOT_ALLOWED_KINDS } from '../../../shared/federation/directory';
import {
  PSEUDO_CLOSE,
  PSEUDO_OPEN,
  PSEUDO_VALUE_CLOSE,
  PSEUDO_VALUE_OPEN,
} from '../../../shared/i18n/pseudo';
import { SETTING_PROBLEM_CODES } from '../../../shared/settings/settingProblem';
import { VAULT_REFUSAL_CODES } from '../../../shared/vault/vaultRefusal';
import { NodeList } from '../features/federation/NodeList';
import { SignInPanel } from '../features/federation/SignInPanel';
import { AppInfoPanel } from '../features/settings/AppInfoPanel';
import { resetStore, useStore } from '../store';
import { appErrorText } from './appErrorText';
import { codedText, wordedValues } from './codedText';
import { notAllowedEntries } from './notAllowedText';
import { errorText, SaidError } from './said';
import { BROWSER_MEMORY, info, signedIn, unusable, URL_ } from './testing/mainWordsFixtures';

// Issue 22, decision 0076: main's coded words leave no English in the pseudo-locale, neither
// outside the brackets nor as a run of English words handed to a sentence as a value.

afterEach(() => {
  cleanup();
  resetStore();
});

/**
 * English the pseudo-locale shows: words outside every bracket, or a run of two or more English
 * words inside a value (⁅…⁆) outside any nested sentence's brackets (decision 0071).
 */
function englishIn(text: string): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  let outside = '';
  let value = '';
  const values: string[] = [];
  for (const ch of text) {
    const top = stack[stack.length - 1];
    if (ch === PSEUDO_OPEN || ch === PSEUDO_VALUE_OPEN) {
      if (stack.includes(PSEUDO_VALUE_OPEN)) value += ' ';
      stack.push(ch);
      continue;
    }
    if (ch === PSEUDO_CLOSE || ch === PSEUDO_VALUE_CLOSE) {
      if (stack.includes(PSEUDO_VALUE_OPEN)) value += ' ';
      stack.pop();
      if (ch === PSEUDO_VALUE_CLOSE && !stack.includes(PSEUDO_VALUE_OPEN)) {
        values.push(value);
        value = '';
      }
      continue;
    }
    if (top === undefined) outside += ch;
    else if (top === PSEUDO_VALUE_OPEN) value += ch;
  }
  const words = (s: string): string[] =>
    s
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      .replace(/\S*[/\\]\S*/g, ' ')
      .split(/[\s,;:()[\]"']+/)
      .filter((w) => w !== '');
  const isEnglish = (w: string): boolean => /[a-z]{2}/.test(w);
  found.push(...words(outside).filter(isEnglish));
  for (const v of values) {
    let run: string[] = [];
    for (const w of [...words(v), '']) {
      if (w !== '' && isEnglish(w)) run.push(w);
      else {
        if (run.length >= 2) found.push(run.join(' '));
        run = [];
      }
    }
  }
  return found;
}

describe('issue 22: in the pseudo-locale these hold no English (decision 0076)', () => {
  it('the session persistence, the runtime line, a directory problem, host notes and vault refusals', async () => {
    // The app admits the pseudo-locale only under an e2e flag: an i18next of its own shows it here,
    // with the app's locale formatter (the directory copy's time is a date, not ISO text).
    const pseudo = await pseudoI18n({ format: true });
    const t = pseudo.t as TFunction;
    useStore.setState({ session: signedIn(BROWSER_MEMORY), info });
    render(
      <I18nextProvider i18n={pseudo}>
        <SignInPanel />
        <AppInfoPanel />
        <NodeList directory={unusable({ directoryCause: 'not-read-yet' })} />
      </I18nextProvider>,
    );
    const shown = [
      screen.getByTestId('session-persistence').textContent,
      screen.getByTestId('app-runtime').textContent,
      screen.getByTestId('directory-problem').textContent,
      ...MEMORY_ONLY_WHY.map((why) =>
        t('access.persistMemory', { reason: t(`cohorts.cache.storage.${why}`) }),
      ),
      ...DIRECTORY_CAUSE_CODES.filter((c) => c !== 'failed' && c !== 'not-directory').map((c) =>
        codedText(
          t,
          'hostNote',
          {
            code: 'directory',
            params: {
              directory: 'stale',
              url: URL_,
              fetched: '2026-12-07T08:00:00Z',
              directoryCause: c,
              seconds: 10,
              http: '502',
              key: 'x',
              field: 'n[0].x',
              line: 3,
              column: 2,
            },
          },
          'English',
        ),
      ),
      appErrorText(
        {
          message: 'English',
          key: 'federationAddress',
          params: { url: URL_, directoryCause: 'http', http: '404' },
        },
        t,
      ),
      // Issue 22: what the allow-lists removed, one entry of every kind inside the sentence.
      t('access.notAllowed', {
        entries: notAllowedEntries(
          t,
          NOT_ALLOWED_KINDS.map((kind) => ({ kind, name: 'SE-1', host: 'beacon.se.example' })),
          [],
        ),
      }),
      ...VAULT_REFUSAL_CODES.filter((c) => c !== 'not-readable').map((code) =>
        errorText(
          new SaidError(
            {
              key: 'datasetRefused',
              params: { dataset: 'FI-RD-01', status: '403', refusal: code, format: 'arrow' },
            },
            'English',
          ),
          t,
        ),
      ),
      // The codes that carry another program's words (`own`) are left out: those stay as written.
      ...SETTING_PROBLEM_CODES.filter((c) => !['json', 'invalid', 'not-plist'].includes(c)).map(
        (code) =>
          t(
            'notice.policyInvalid',
            wordedValues(t, {
              path: '/etc/cohort-desk/policy.json',
              detail: 'main English',
              settingProblem: code,
              field: 'locked.x',
              key: 'x',
              line: '6',
              column: '3',
              fields: 'a, b',
              version: '9',
              names: 'LOCALAPPDATA',
              fallback: '/var/lib/cohort-desk/vault',
              expected: 'REG_DWORD',
              found: 'REG_SZ',
            }),
          ),
      ),
    ];
    for (const line of shown) expect(line).toContain(PSEUDO_OPEN);
    expect(shown.flatMap(englishIn)).toEqual([]);
  });
});

import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/cases/workChannels';
import { PSEUDO_OPEN } from '../../../shared/i18n/pseudo';
import { NotesField } from '../features/caseReview/work/NotesField';
import { WorkHistory } from '../features/caseReview/work/WorkHistory';
import { pseudoI18n, unbracketed } from './testing/pseudoI18n';
import { setLanguage } from '.';

// Issue 22, decision 0077: a case's work history and notes named this computer's account by
// main's English label and showed the time as stored; both are now the reader's language.

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

const history: HistoryEntry[] = [
  {
    at: '2026-12-07T10:00:00Z',
    by: 'this computer account (anna)',
    author: { kind: 'local', account: 'anna' },
    what: 'reviewed',
    detail: 'x',
  },
  // Stored before the author: main's label is read back.
  { at: '2026-12-07T10:05:00Z', by: 'this computer account (anna)', what: 'note', detail: 'y' },
  {
    at: '2026-12-07T10:10:00Z',
    by: 'dr.lee',
    author: { kind: 'user', account: 'dr.lee' },
    what: 'note',
    detail: 'z',
  },
];

const items = (el: HTMLElement): string[] =>
  [...el.querySelectorAll('li')].map((li) => li.textContent);

describe('issue 22: who changed a case’s work, in the reader’s language', () => {
  it('issue 22: the history in German: this computer’s account worded, the time in the locale', async () => {
    await setLanguage('de');
    const { container } = render(<WorkHistory history={history} />);
    const lines = items(container);
    expect(lines[0]).toMatch(/^07\.12\.2026, \d\d:00 anna \(Konto auf diesem Computer\): x$/);
    expect(lines[1]).toMatch(/anna \(Konto auf diesem Computer\): y$/);
    expect(lines[2]).toMatch(/ dr\.lee: z$/);
    expect(lines.join(' ')).not.toMatch(/this computer account|2026-12-07T/);
  });

  it('issue 22: a note’s author in Finnish', async () => {
    await setLanguage('fi');
    const { container } = render(
      <NotesField
        id="case"
        notes={[{ text: 'Nähty.', by: 'this computer account (anna)', at: '2026-12-07T10:00:00Z' }]}
        onAdd={() => Promise.resolve(true)}
      />,
    );
    expect(items(container)[0]).toMatch(
      /^Nähty\. \(anna \(tämän tietokoneen käyttäjätili\), 7\.12\.2026/,
    );
  });

  it('issue 22: in the pseudo-locale the history holds no English', async () => {
    const pseudo = await pseudoI18n();
    const { container } = render(
      <I18nextProvider i18n={pseudo}>
        <WorkHistory history={history.slice(0, 2)} />
      </I18nextProvider>,
    );
    const lines = items(container);
    expect(lines.every((l) => l.includes(PSEUDO_OPEN))).toBe(true);
    // The author is a sentence of its own (bracketed), not main's English inside the entry's.
    expect(lines.every((l) => (l.match(new RegExp(PSEUDO_OPEN, 'g')) ?? []).length === 2)).toBe(
      true,
    );
    expect(lines.flatMap((l) => unbracketed(l))).toEqual([]);
  });
});

import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/cases/workChannels';
import { PSEUDO_OPEN } from '../../../shared/i18n/pseudo';
import { applyWorkChange, emptyWork } from '../../../shared/cases/applyWork';
import { HISTORY_KEYS } from '../../../shared/cases/historySaid';
import type { WorkChange } from '../../../shared/cases/workChannels';
import { NotesField } from '../features/caseReview/work/NotesField';
import { WorkHistory } from '../features/caseReview/work/WorkHistory';
import { LikeMine } from '../features/caseReview/seen/LikeMine';
import { resetStore, useStore } from '../store';
import en from './en.json';
import { pseudoI18n, unbracketed } from './testing/pseudoI18n';
import { setLanguage } from '.';

// Issue 22, decision 0077: a case's work history and notes named this computer's account by
// main's English label, showed the time as stored and what changed in main's English; all three
// are now the reader's language.

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
    detail: 'marked reviewed (2 cached datasets, 1 nodes)',
    said: { key: 'reviewed', params: { datasets: 2, nodes: 1 } },
  },
  // Stored before the author: main's label is read back.
  {
    at: '2026-12-07T10:05:00Z',
    by: 'this computer account (anna)',
    what: 'note',
    detail: 'case note added',
  },
  {
    at: '2026-12-07T10:10:00Z',
    by: 'dr.lee',
    author: { kind: 'user', account: 'dr.lee' },
    what: 'status',
    detail: 'status new → in-review',
    said: { key: 'status', params: { from: 'new', to: 'in-review' } },
  },
];

const variant = {
  variantKey: '17-1-A-G',
  chrom: '17',
  pos: 1,
  ref: 'A',
  alt: 'G',
  gene: 'BRCA1',
  consequence: 'missense_variant',
  hgvs_c: null,
  hgvs_p: null,
  gt: '0/1',
  modes: [],
  pop_af: null,
  clinvar_sig: null,
};

const items = (el: HTMLElement): string[] =>
  [...el.querySelectorAll('li')].map((li) => li.textContent);

describe('issue 22: who changed a case’s work, in the reader’s language', () => {
  it('issue 22: the history in German: this computer’s account worded, the time in the locale', async () => {
    await setLanguage('de');
    const { container } = render(<WorkHistory history={history} />);
    const lines = items(container);
    expect(lines[0]).toMatch(
      /^07\.12\.2026, \d\d:00 anna \(Konto auf diesem Computer\): als beurteilt markiert \(2 Datensätze im Cache, 1 Knoten\)$/,
    );
    // Stored before the codes: the author worded, the English quoted as written.
    expect(lines[1]).toMatch(
      /anna \(Konto auf diesem Computer\): Von einer früheren Version gespeichert, in ihrem Wortlaut: case note added$/,
    );
    expect(container.querySelector('li:nth-child(2) q[lang="en"]')?.textContent).toBe(
      'case note added',
    );
    expect(lines[2]).toMatch(/ dr\.lee: Status Neu → In Beurteilung$/);
    expect(lines.join(' ')).not.toMatch(/this computer account|2026-12-07T|marked reviewed/);
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

  it('issue 22: every change’s history words exist, and a sign-off withdrawn by a change names it (Finnish)', async () => {
    const worded = new Set(
      Object.keys(en.caseWork.historyWhat).map((k) => k.replace(/_(one|other)$/, '')),
    );
    expect(HISTORY_KEYS.filter((k) => !worded.has(k))).toEqual([]);
    await setLanguage('fi');
    let w = emptyWork('new');
    const changes: WorkChange[] = [
      { kind: 'addVariant', variant, sheet: { criteria: [], confirmed: null } },
      { kind: 'reported', variantKey: variant.variantKey, reported: true },
      { kind: 'confirm', variantKey: variant.variantKey },
      { kind: 'signOff', statement: '', method: { filter: {} } },
      { kind: 'tags', variantKey: variant.variantKey, tags: ['x'] },
      { kind: 'unconfirm', variantKey: variant.variantKey },
    ];
    for (const c of changes) w = applyWorkChange(w, c, 'dr.lee', '2026-12-07T10:00:00Z').work;
    const { container } = render(<WorkHistory history={w.history} />);
    expect(items(container).map((l) => l.replace(/^.* dr\.lee: /, ''))).toEqual([
      '17-1-A-G otettu arvioitavaksi',
      '17-1-A-G sisällytetty lausuntoon',
      'variantin 17-1-A-G luokka vahvistettu: Merkitykseltään epäselvä (VUS(i): mikään sääntö ei täyty; 0 pistettä)',
      'lausunto hyväksytty (1 raportoitu variantti)',
      'variantin 17-1-A-G tunnisteet: x',
      'variantin 17-1-A-G luokan vahvistus peruttu',
      'hyväksynnän perui muutos: variantin 17-1-A-G luokan vahvistus peruttu',
    ]);
  });

  it('issue 22: in the pseudo-locale the history holds no English; English stored before is marked', async () => {
    const pseudo = await pseudoI18n();
    const { container } = render(
      <I18nextProvider i18n={pseudo}>
        <WorkHistory history={history} />
      </I18nextProvider>,
    );
    const lines = [...container.querySelectorAll('li')].map((li) => {
      const copy = li.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('q[lang="en"]').forEach((q) => q.remove());
      return copy.textContent;
    });
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.includes(PSEUDO_OPEN))).toBe(true);
    expect(lines.flatMap((l) => unbracketed(l, (w) => w === 'dr.lee'))).toEqual([]);
  });
});

describe('issue 22: the time of a stored “patients like mine” search in the locale (decision 0077)', () => {
  afterEach(() => resetStore());

  it('issue 22: German date and time, not the stored ISO string', async () => {
    await setLanguage('de');
    useStore.setState({
      like: {
        nodes: [],
        stored: [
          {
            queryId: 'q1',
            at: '2026-12-07T10:00:00Z',
            gene: 'SCN1A',
            terms: [],
            sent: [],
            nodes: [],
            cancelled: false,
          },
        ],
      },
    });
    const { getByTestId } = render(<LikeMine />);
    const heading = getByTestId('like-stored').querySelector('h4')?.textContent ?? '';
    expect(heading).toMatch(/07\.12\.2026, \d\d:00/);
    expect(heading).not.toContain('2026-12-07T');
  });
});

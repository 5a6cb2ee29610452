import { describe, expect, it } from 'vitest';
import { documentTranslator } from '../i18n/documents';
import { reportHtml } from '../report/reportHtml';
import { reportFixture } from '../report/testing/reportFixture';
import { applyWorkChange, emptyWork } from './applyWork';
import { authorOf, authorText, localAccountLabel, type WorkAuthor } from './author';
import { CaseWorkSchema, type CaseWork } from './workChannels';

// Issue 22, decision 0077: who changed a case's work was main's English label ("this computer
// account (anna)") in the history, notes, sign-off, review and confirmed class, and so in every
// language's window and report. Entries now carry the author's kind and account beside it.

const local: WorkAuthor = { kind: 'local', account: 'anna', label: localAccountLabel('anna') };
const at = '2026-12-07T10:00:00Z';

function worked(): CaseWork {
  let w = emptyWork('new');
  w = applyWorkChange(w, { kind: 'note', text: 'Seen in clinic.' }, local, at).work;
  w = applyWorkChange(
    w,
    { kind: 'signOff', statement: '', method: { filter: {} } },
    local,
    at,
  ).work;
  return w;
}

describe('issue 22: the author of a case’s work as a kind the reader’s language words', () => {
  it('issue 22: every entry keeps main’s English label and gains the author', () => {
    const w = CaseWorkSchema.parse(worked());
    const author = { kind: 'local', account: 'anna' };
    expect(w.notes[0]).toMatchObject({ by: 'this computer account (anna)', author });
    expect(w.signOff).toMatchObject({ by: 'this computer account (anna)', author });
    expect(w.history.map((h) => h.author)).toEqual([author, author]);
    const user = applyWorkChange(
      emptyWork('new'),
      { kind: 'status', status: 'in-review' },
      { kind: 'user', account: 'dr.lee', label: 'dr.lee' },
      at,
    ).work;
    expect(user.history[0]).toMatchObject({
      by: 'dr.lee',
      author: { kind: 'user', account: 'dr.lee' },
    });
  });

  it('issue 22: an entry stored before the author is read back from main’s label', () => {
    expect(authorOf({ by: 'this computer account (bo)' })).toEqual({
      kind: 'local',
      account: 'bo',
    });
    expect(authorOf({ by: 'dr.lee' })).toEqual({ kind: 'user', account: 'dr.lee' });
    // A user id that only looks like the label is the user's when the author says so.
    expect(
      authorOf({
        by: 'this computer account (x)',
        author: { kind: 'user', account: 'this computer account (x)' },
      }),
    ).toEqual({ kind: 'user', account: 'this computer account (x)' });
  });

  it('issue 22: this computer’s account in German and Finnish; a user id as it is', () => {
    const [note] = worked().notes;
    if (note === undefined) throw new Error('no note');
    expect(authorText(documentTranslator('de'), note)).toBe('anna (Konto auf diesem Computer)');
    expect(authorText(documentTranslator('fi'), note)).toBe(
      'anna (tämän tietokoneen käyttäjätili)',
    );
    expect(authorText(documentTranslator('de'), { by: 'dr.lee' })).toBe('dr.lee');
  });

  it('issue 22: the report names who confirmed and signed off in its language', () => {
    const base = reportFixture();
    const work = base.work;
    const [first, ...rest] = work.variants;
    if (first === undefined || first.sheet.confirmed === null) throw new Error('no variant');
    const data = reportFixture({
      work: {
        ...work,
        variants: [
          {
            ...first,
            sheet: {
              ...first.sheet,
              confirmed: {
                ...first.sheet.confirmed,
                by: local.label,
                author: { kind: 'local', account: 'anna' },
              },
            },
          },
          ...rest,
        ],
        signOff: work.signOff === null ? null : { ...work.signOff, by: local.label },
      },
    });
    const de = reportHtml(data, 'de');
    expect(de).toContain('Freigegeben von <strong>anna (Konto auf diesem Computer)</strong>');
    expect(de).toMatch(/bestätigt von anna \(Konto auf diesem Computer\)/);
    expect(reportHtml(data, 'fi')).toContain('anna (tämän tietokoneen käyttäjätili)');
    expect(de.replace(/data-by="[^"]*"/, '')).not.toContain('this computer account');
    // The machine-readable attribute keeps main's label.
    expect(de).toContain('data-by="this computer account (anna)"');
  });
});

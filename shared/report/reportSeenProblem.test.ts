import { describe, expect, it } from 'vitest';
import { sourceSaid } from '../acmg/federationFrequency';
import { saidText } from '../acmg/saidWords';
import { documentTranslator } from '../i18n/documents';
import { toFederated } from '../seen/toFederated';
import type { SeenAnswer } from '../seen/channels';
import { answerWords } from './reportWords';
import { reportHtml } from './reportHtml';
import { reportFixture } from './testing/reportFixture';

// Issue 22, decision 0064: a failed seen-before lookup once reached the sheet and the report as
// main's English sentence; its stored problem code is now worded in the document's language.
describe('issue 22: a seen-before failure in the sheet’s and the report’s language', () => {
  const failed: SeenAnswer = {
    key: '17-43045712-T-C',
    nodeId: 'DE',
    nodeName: 'Germany',
    country: 'DE',
    at: '2026-12-06T12:00:00Z',
    status: 'error',
    message: 'Node DE timed out after 5 s.',
    problem: { code: 'timeout', seconds: 5 },
  };

  it('issue 22: the report’s federation cell in French and German, the English kept for the CLI', () => {
    const [answer] = toFederated([failed]);
    if (answer === undefined) throw new Error('no answer');
    expect(answer.error).toBe('Node DE timed out after 5 s.');
    expect(answerWords(documentTranslator('fr'), 'fr', answer)).toBe(
      'erreur (Le nœud Germany (DE) n’a pas répondu après 5 s (délai dépassé).)',
    );
    expect(saidText(documentTranslator('de'), 'de', sourceSaid(answer))).toContain(
      'Knoten Germany (DE)',
    );
  });

  it('issue 22: an answer stored before the code: its status worded, main’s English marked as written (decision 0077)', () => {
    const before: SeenAnswer = { ...failed, status: 'timeout' };
    delete before.problem;
    const [answer] = toFederated([before]);
    if (answer === undefined) throw new Error('no answer');
    expect(answerWords(documentTranslator('de'), 'de', answer)).toBe(
      'Fehler (Zeitüberschreitung; von einer früheren Version gespeichert, in ihrem Wortlaut: “Node DE timed out after 5 s.”)',
    );
    expect(answerWords(documentTranslator('fi'), 'fi', answer)).toBe(
      'virhe (aikakatkaisu; aiemman version tallentama, sen sanoin: “Node DE timed out after 5 s.”)',
    );
    // The report's cell quotes it as English data, so a reader (and a screen reader) knows.
    const html = reportHtml(
      reportFixture({ federated: [{ ...answer, variantKey: '2-166000000-C-T' }] }),
      'de',
    );
    expect(html).toContain(
      '<td>Fehler (Zeitüberschreitung; von einer früheren Version gespeichert, in ihrem Wortlaut: <q lang="en" translate="no" data-as-written="stored">Node DE timed out after 5 s.</q>)</td>',
    );
    expect(
      reportHtml(
        reportFixture({ federated: [{ ...answer, variantKey: '2-166000000-C-T' }] }),
        'fi',
      ),
    ).toContain(
      '<td>virhe (aikakatkaisu; aiemman version tallentama, sen sanoin: <q lang="en" translate="no" data-as-written="stored">',
    );
  });

  it('issue 22: an answer stored with its status only is worded whole', () => {
    const before: SeenAnswer = { ...failed, status: 'unauthorised' };
    delete before.problem;
    delete before.message;
    const [answer] = toFederated([before]);
    if (answer === undefined) throw new Error('no answer');
    expect(answerWords(documentTranslator('de'), 'de', answer)).toBe('Fehler (nicht berechtigt)');
    expect(answerWords(documentTranslator('fi'), 'fi', answer)).toBe('virhe (ei käyttöoikeutta)');
  });
});

// Decision 0075: a node's whole answer (toFederated's `all`) and a "yes" for a dataset the node did
// not name are words in the sheet's and the report's language, not English placed as a dataset id.
describe('issue 22: an answer for no one dataset is worded', () => {
  const base: SeenAnswer = {
    key: '17-43045712-T-C',
    nodeId: 'FI',
    nodeName: 'Finland',
    country: 'FI',
    at: '2026-12-06T12:00:00Z',
    status: 'ok',
    exists: true,
    granularity: 'boolean',
    datasets: [],
  };

  it('German and Finnish: all datasets, a dataset not named; English unchanged', () => {
    const [notNamed] = toFederated([base]);
    const [all] = toFederated([{ ...base, exists: false }]);
    if (notNamed === undefined || all === undefined) throw new Error('no answer');
    expect(all.dataset).toBe('all');
    expect(saidText(documentTranslator('de'), 'de', sourceSaid(all))).toMatch(
      /^alle Datensätze bei Finland \(FI\)/,
    );
    expect(saidText(documentTranslator('fi'), 'fi', sourceSaid(notNamed))).toMatch(
      /^nimeämätön aineisto, solmu Finland \(FI\)/,
    );
    expect(saidText(documentTranslator('en'), 'en', sourceSaid(all))).toMatch(
      /^all datasets at Finland \(FI\)/,
    );
  });
});

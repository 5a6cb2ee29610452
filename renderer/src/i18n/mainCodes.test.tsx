import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { VaultList } from '../../../shared/vault/vault';
import { ReasonText } from '../features/settings/HostsPanel';
import { lockText } from '../features/cohorts/CacheList';
import { queryText } from '../features/search/queryText';
import i18n, { setLanguage } from '.';
import { NodeProblemLine, SeenProblemLine } from './nodeProblem';
import { acmgRuleText, clinvarText, sexText } from './terms';
import { appErrorText } from './appErrorText';
import { AppErrorSchema } from '../../../shared/appError';

// Issue 22: what main and shared code send as codes (and once wrote as English sentences) is
// worded in the app's language; names and ids stay as the data gives them.

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

const locked: VaultList = { datasets: [], removed: [], locked: true };

describe('issue 22: main’s codes in the user’s language', () => {
  it('the vault’s lock reason', async () => {
    await setLanguage('de');
    expect(lockText(i18n.t, { ...locked, why: 'passphrase', storage: 'browser-mode' })).toBe(
      'Entsperren Sie den Tresor mit Ihrer Passphrase (der Browsermodus hat keinen Zugriff auf den Geheimnisspeicher des Betriebssystems).',
    );
    expect(lockText(i18n.t, { ...locked, why: 'opening' })).toBe('Der Tresor wird geöffnet.');
    await setLanguage('en');
    expect(lockText(i18n.t, { ...locked, why: 'passphrase' })).toBe(
      'Unlock the vault with your passphrase (no secure key storage).',
    );
  });

  it('a host list reason: the words translated, the broker’s name as data', async () => {
    await setLanguage('fi');
    const { container } = render(
      <ReasonText
        reason={{
          purpose: 'broker',
          by: 'app',
          detail: 'Demo broker: tokens (sign-in, refresh, one token per node)',
          what: 'tokens',
          name: 'Demo broker',
          url: 'https://broker.example/token',
        }}
      />,
    );
    expect(container.textContent).toBe(
      'Kirjautumispalvelu: Demo broker · tunnisteet (kirjautuminen, uusiminen, yksi tunniste solmua kohden)',
    );
    expect(container.querySelector('[translate="no"]')?.textContent).toBe('Demo broker');
  });

  it('recent queries, a record’s sex, ClinVar significances and Richards’ rules', async () => {
    await setLanguage('de');
    expect(
      queryText(i18n.t, {
        target: 'individuals',
        genomic: 'BRCA1',
        filters: [{ id: 'HP:0001250', includeDescendantTerms: false }],
        sex: 'female',
        granularity: 'record',
      }),
    ).toBe('Individuen: BRCA1 · HP:0001250 (exakt) · weiblich');
    expect(sexText(i18n.t, 'female', 'female')).toBe('weiblich');
    expect(sexText(i18n.t, 'LOCAL:F', undefined)).toBe('LOCAL:F');
    expect(clinvarText(i18n.t, 'Pathogenic/Likely_pathogenic')).toBe(
      'Pathogen/Wahrscheinlich pathogen',
    );
    expect(clinvarText(i18n.t, 'Conflicting_classifications_of_pathogenicity')).toBe(
      'Widersprüchliche Klassifikationen der Pathogenität',
    );
    expect(clinvarText(i18n.t, 'Benign,_risk_factor')).toBe('Benigne, Risikofaktor');
    expect(clinvarText(i18n.t, 'Some_new_value')).toBe('Some new value');
    expect(acmgRuleText(i18n.t, 'P(iii)(b): 1 strong, 2 moderate and ≥2 supporting')).toBe(
      'P(iii)(b): 1 stark, 2 moderat und ≥2 unterstützend',
    );
    expect(
      acmgRuleText(i18n.t, 'VUS(ii): conflicting (P(ii): ≥2 strong; B(i): BA1 (stand-alone))'),
    ).toBe('VUS(ii): widersprüchlich (P(ii): ≥2 stark; B(i): BA1 (eigenständig))');
    await setLanguage('en');
    // English reads as main wrote it.
    expect(acmgRuleText(i18n.t, 'LB(i): 1 strong and 1 supporting benign')).toBe(
      'LB(i): 1 strong and 1 supporting benign',
    );
    expect(clinvarText(i18n.t, 'Likely_pathogenic')).toBe('Likely pathogenic');
    expect(acmgRuleText(i18n.t, 'something else')).toBe('something else');
  });

  it('a node’s failed lookups: the words translated, the node’s own message kept as it sent it', async () => {
    await setLanguage('de');
    const { container } = render(
      <SeenProblemLine
        t={i18n.t}
        node="FI"
        progress={{
          queryId: 'q',
          nodeId: 'FI',
          nodeName: 'Finnish node',
          country: 'FI',
          status: 'error',
          done: 20,
          total: 20,
          failed: 1,
          message: 'Node FI: 1 of 20 lookups failed (the last: …); the others are shown.',
          problem: {
            kind: 'some',
            failed: 1,
            total: 20,
            last: { code: 'error', http: 400, nodeText: 'referenceName MT is not known' },
          },
        }}
      />,
    );
    expect(container.textContent).toBe(
      'Knoten FI hat mit einem Fehler geantwortet (400). referenceName MT is not known Fehlgeschlagene Abfragen: 1 von 20; die übrigen werden angezeigt.',
    );
    expect(container.querySelector('q[translate="no"]')?.textContent).toBe(
      'referenceName MT is not known',
    );
    cleanup();
    // Without a code (a sentence main built elsewhere), main's words are shown as they are, quoted
    // as English data after words in the reader's language (decision 0071).
    const plain = render(
      <NodeProblemLine t={i18n.t} node="IT" problem={undefined} message="as main wrote it" />,
    );
    expect(plain.container.textContent).toBe('Meldung im Wortlaut: as main wrote it');
    expect(plain.container.querySelector('q[lang="en"][translate="no"]')?.textContent).toBe(
      'as main wrote it',
    );
  });
});

// Decision 0100: a case file main refuses (the VCF, a PED line, the mapping, a germline VCF) came
// as main's English; it is a code whose problem the catalogue words, placed at the file's line.
describe('decision 0100: a refused case file in the reader’s language', () => {
  it('words the problem inside the place, for the case VCF, a PED line and a germline VCF', async () => {
    await setLanguage('de');
    expect(
      appErrorText({
        message: 'fam.ped:2: sex "X" is not 1…',
        key: 'caseFileRefusedAtLine',
        params: { fileProblem: 'ped-sex', value: 'X', file: 'fam.ped', line: 2 },
      }),
    ).toBe(`fam.ped Zeile 2: ${i18n.t('coded.fileProblem.ped-sex', { value: 'X' })}`);
    await setLanguage('fr');
    expect(
      appErrorText({
        message: 'Germline VCF g.vcf: …',
        key: 'germlineRefused',
        params: { fileProblem: 'vcf-no-records', file: 'g.vcf', line: 4 },
      }),
    ).toBe(
      `VCF constitutionnel : ${i18n.t('coded.fileProblem.vcf-no-records', { file: 'g.vcf', line: 4 })}`,
    );
    await setLanguage('en');
    expect(
      appErrorText({
        message: '…',
        key: 'caseFileRefusedAtLine',
        params: { fileProblem: 'fileformat', found: 'hello', file: 'notes.vcf', line: 1 },
      }),
    ).toBe(
      'notes.vcf line 1: the first line must be ##fileformat=VCFv4.x (4.1 to 4.5); found "hello"',
    );
  });
});

// Decision 0106: search:run's refused gene, region or variant and search:openQuery's refused file
// came as main's English; the Search page re-parsed the box's text to word it, and showed the
// English once the box was edited (the text then parsed). Main now sends the parser's code.
describe('decision 0106: search refusals worded from main’s code', () => {
  it('the typed region and a saved query’s file, in German and Finnish; the client keeps the code', async () => {
    const region = AppErrorSchema.parse({
      code: 'INVALID_REQUEST',
      message: 'The region "17:500-100" must have 1 ≤ start ≤ end.',
      where: 'genomic',
      key: 'searchInputRefused',
      params: { searchInput: 'region-order', text: '17:500-100' },
    });
    await setLanguage('de');
    expect(appErrorText(region)).toBe('Die Region „17:500-100“ muss 1 ≤ Anfang ≤ Ende erfüllen.');
    await setLanguage('fi');
    expect(
      appErrorText({
        message: 'brca.query.json is not a JSON file.',
        key: 'searchInputRefused',
        params: { searchInput: 'query-not-json', file: 'brca.query.json', field: '' },
      }),
    ).toBe('brca.query.json ei ole JSON-tiedosto.');
  });
});

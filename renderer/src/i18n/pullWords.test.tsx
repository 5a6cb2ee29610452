// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PULL_REASON_CODES } from '../../../shared/vault/pullReason';
import type { PullReason } from '../../../shared/vault/pullReason';
import { PULL_SAID_KEYS } from '../../../shared/vault/vault';
import type { PullCheck, PullJob } from '../../../shared/vault/vault';
import { PullJobs } from '../features/cohorts/PullJobs';
import { PullPanel } from '../features/cohorts/PullPanel';
import { resetStore, useStore } from '../store';
import en from './en.json';
import i18n, { SUPPORTED_LANGUAGES, setLanguage } from '.';
import { pullJobText, pullReasonText } from './pullText';

// Issue 22, decision 0070: why a pull is refused, paused or failed reaches the geneticist in their
// language: main sends codes and values (node, dataset, record, field, HTTP status, counts, DUO
// terms), the catalogue words them, numbers follow the locale and DUO terms keep their codes.

afterEach(() => {
  cleanup();
  resetStore();
});
afterAll(async () => {
  await setLanguage('en');
});

const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');

describe('issue 22: every pull code has words in every language, and no words lack a code', () => {
  it('English words exactly the codes main sends', () => {
    expect(new Set(Object.keys(en.mainCoded.pull).map(base))).toEqual(new Set(PULL_SAID_KEYS));
    expect(new Set(Object.keys(en.coded.pullReason))).toEqual(new Set(PULL_REASON_CODES));
  });

  it.each(SUPPORTED_LANGUAGES)('%s words them all', (lang) => {
    const has = (key: string) =>
      typeof i18n.getResource(lang, 'translation', key) === 'string' ||
      typeof i18n.getResource(lang, 'translation', `${key}_other`) === 'string';
    const missing = [
      ...PULL_SAID_KEYS.map((k) => `mainCoded.pull.${k}`),
      ...PULL_REASON_CODES.map((c) => `coded.pullReason.${c}`),
      'appError.pullRefused',
    ].filter((k) => !has(k));
    expect(missing).toEqual([]);
  });
});

const HMB = { id: 'DUO:0000006', label: 'health or medical or biomedical research' };
const DS = { id: 'DUO:0000007', label: 'disease specific research' };

describe('issue 22: the pull check’s reasons in the reader’s language', () => {
  it('German: a DUO mismatch names the dataset’s terms translated, with shorthand and id', async () => {
    await setLanguage('de');
    expect(pullReasonText(i18n.t, { code: 'purpose-clinical-care', terms: [HMB] }, 'English')).toBe(
      'Die Datennutzungsbedingungen des Datensatzes erlauben keine klinische Versorgung: Dafür ist Nutzung in der klinischen Versorgung (CC, DUO:0000043) nötig; der Datensatz hat: Gesundheits-, medizinische oder biomedizinische Forschung (HMB, DUO:0000006).',
    );
    // The diseases a DS term allows, joined as alternatives the way the language joins them; HPO
    // labels stay as the ontology gives them (English), the id beside them.
    const within: PullReason = {
      code: 'ds-name-disease',
      terms: [DS],
      within: [
        { id: 'HP:0002664', label: 'Neoplasm' },
        { id: 'HP:0001250', label: 'Seizure' },
      ],
    };
    expect(pullReasonText(i18n.t, within, 'English')).toBe(
      'Der Datennutzungsbegriff krankheitsspezifische Forschung (DS, DUO:0000007) beschränkt die Forschung auf Neoplasm (HP:0002664) oder Seizure (HP:0001250): Geben Sie die Erkrankung an, um die es in Ihrer Forschung geht.',
    );
  });

  it('Finnish and French: grants, copies and the disease outside the term, release kept as written', async () => {
    await setLanguage('fi');
    expect(
      pullReasonText(
        i18n.t,
        { code: 'grant-expired-count', params: { dataset: 'FI-RD-01' } },
        'English',
      ),
    ).toBe(
      'Passissasi ei ole voimassa olevaa valvotun pääsyn käyttöoikeutta aineistoon FI-RD-01 (vanhentunut käyttöoikeus; solmu antaa sinulle lukumääriä); paikallinen kopio edellyttää valvotun pääsyn käyttöoikeutta (PASS-03).',
    );
    await setLanguage('fr');
    const outside: PullReason = {
      code: 'ds-not-within',
      terms: [DS],
      within: [{ id: 'HP:0002664', label: 'Neoplasm' }],
      params: { disease: 'HP:0001250', diseaseLabel: 'Seizure', release: '2025-05-06' },
    };
    expect(pullReasonText(i18n.t, outside, 'English')).toBe(
      'Le terme d’utilisation des données recherche spécifique à une maladie (DS, DUO:0000007) limite la recherche à Neoplasm (HP:0002664) ; Seizure (HP:0001250) n’en relève pas dans la Human Phenotype Ontology (version 2025-05-06).',
    );
    expect(
      pullReasonText(
        i18n.t,
        { code: 'node-forbids-copies', params: { node: 'IT', dataset: 'IT-RD-01' } },
        'x',
      ),
    ).toBe('Le nœud IT n’autorise pas de copie locale de IT-RD-01.');
  });

  it('a term the app does not know keeps the node’s label; a check without codes shows main’s English', async () => {
    await setLanguage('de');
    expect(
      pullReasonText(
        i18n.t,
        { code: 'duo-unenforceable', terms: [{ id: 'DUO:9999999', label: 'local rule' }] },
        'English',
      ),
    ).toBe(
      'Der Datennutzungsbegriff local rule (DUO:9999999) des Datensatzes kann von Cohort Desk nicht durchgesetzt werden und gilt daher als Verbot der Nutzung.',
    );
    expect(pullReasonText(i18n.t, undefined, 'Main’s English.')).toBe('Main’s English.');
  });

  it('the refused panel lists every reason worded, in order', async () => {
    await setLanguage('de');
    const check: PullCheck = {
      allowed: false,
      offer: 'counts-only',
      reasons: ['Node IT does not allow local copies of IT-RD-01.', 'The vault is locked.'],
      said: [
        { code: 'node-forbids-copies', params: { node: 'IT', dataset: 'IT-RD-01' } },
        { code: 'vault-locked' },
      ],
    };
    useStore.setState({
      pullCheck: {
        target: { nodeId: 'IT', datasetId: 'IT-RD-01', purpose: 'research' },
        check,
      },
    });
    render(<PullPanel />);
    expect(
      [...screen.getByTestId('pull-reasons').querySelectorAll('li')].map((li) => li.textContent),
    ).toEqual([
      'Knoten IT erlaubt keine lokalen Kopien von IT-RD-01.',
      'Der Tresor ist gesperrt: Entsperren Sie ihn zuerst mit Ihrer Passphrase.',
    ]);
  });
});

const job = (patch: Partial<PullJob>): PullJob => ({
  jobId: 'j1',
  nodeId: 'FI',
  datasetId: 'FI-RD-01',
  state: 'failed',
  records: 400,
  bytes: 3_000_000,
  ...patch,
});

describe('issue 22: a pull job’s message in the reader’s language, numbers in its format', () => {
  it('German and Finnish: counts that did not match, grouped by the locale', async () => {
    const said = {
      key: 'countMismatchBoth',
      params: {
        node: 'FI',
        dataset: 'FI-RD-01',
        gotIndividuals: 200,
        totalIndividuals: 400,
        gotVariants: 200,
        totalVariants: 1153,
      },
    } as const;
    await setLanguage('de');
    expect(pullJobText(i18n.t, { message: 'English', said })).toMatch(
      /^Knoten FI hat 200 der 400 Individuen und 200 der 1\.153 Varianten gesendet, die er für FI-RD-01 gezählt hat:/,
    );
    await setLanguage('fi');
    expect(pullJobText(i18n.t, { message: 'English', said })).toMatch(
      /^Solmu FI lähetti 200\/400 henkilöä ja 200\/1\s153 varianttia, jotka se laski aineistolle FI-RD-01:/,
    );
  });

  it('a record’s index, the field and the HTTP status are shown as written, never grouped', async () => {
    await setLanguage('de');
    expect(
      pullJobText(i18n.t, {
        message: 'English',
        said: { key: 'variantShape', params: { node: 'XX', record: 1200, at: 'caseLevelData.0' } },
      }),
    ).toBe(
      'Knoten XX: Varianten-Eintrag 1200 entspricht nicht dem Beacon-Modell (bei „caseLevelData.0“); es wurde nichts behalten.',
    );
    expect(
      pullJobText(i18n.t, {
        message: 'English',
        said: { key: 'refusedWhy', params: { node: 'XX', http: 403, why: 'visa expired' } },
      }),
    ).toBe('Knoten XX hat den Abruf abgelehnt (HTTP 403). Der Knoten meldet: „visa expired“');
  });

  it('the vault’s reason for deleting the staged pages; a job of an older main shows its English', async () => {
    await setLanguage('sv');
    useStore.setState({
      pullJobs: [
        job({
          message: 'Your passport no longer holds the access grant for FI-RD-01.',
          purged: { code: 'staging-revoked', params: { dataset: 'FI-RD-01' } },
        }),
        job({ jobId: 'j2', datasetId: 'IT-CA-01', message: 'Node IT answered with HTTP 404.' }),
        job({
          jobId: 'j3',
          datasetId: 'SE-CA-01',
          state: 'paused',
          message: 'English',
          said: { key: 'timeout', params: { node: 'SE', seconds: 30 } },
        }),
      ],
    });
    render(<PullJobs />);
    expect(screen.getByTestId('pull-job-message-FI-RD-01').textContent).toBe(
      'Ditt pass har inte längre åtkomstbehörigheten för FI-RD-01; den avbrutna hämtningen raderas.',
    );
    expect(screen.getByTestId('pull-job-message-IT-CA-01').textContent).toBe(
      'Node IT answered with HTTP 404.',
    );
    expect(screen.getByTestId('pull-job-message-SE-CA-01').textContent).toBe(
      'Noden SE svarade inte inom 30 s; hämtningen är pausad och kan återupptas.',
    );
  });
});

import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseInspection, CaseProgress } from '../../../shared/cases/channels';
import { formatBytes } from '../../../shared/i18n/format';
import type { SeenAnswer } from '../../../shared/seen/channels';
import { readError } from '../api/client';
import { TransportError } from '../api/transportError';
import { attachCase } from '../db/cases';
import { cancerProblems } from '../features/cancer/cancerDraft';
import { CaseFiles } from '../features/caseReview/CaseFiles';
import { ImportProgress } from '../features/caseReview/ImportProgress';
import { problemLines as lines } from '../features/caseReview/testing/problemLines';
import { SeenCell } from '../features/caseReview/seen/SeenCell';
import { blockingProblems, EMPTY_DRAFT } from '../features/caseReview/useNewCase';
import i18n, { SUPPORTED_LANGUAGES, setLanguage } from '.';
import { appErrorText } from './appErrorText';
import { errorText, SAID_KEYS, SaidError } from './said';

// Issue 22, decision 0071: the sentences the renderer itself builds (a case or dataset it could
// not open, a file too large, the cancer fields, the ranking, gene lists, the genome browser) are
// catalogue keys; another program's words and an earlier version's stored English are shown as
// written, quoted and marked as English data, inside words in the reader's language.

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

const inspection = (samples: string[]): CaseInspection => ({
  vcf: {
    name: 'tumour.vcf',
    size: 1,
    container: 'plain',
    version: '4.2',
    samples,
    assembly: { name: 'GRCh38', evidence: 'test' },
    annotations: [],
    frequencyFields: [],
    problems: [],
  },
  links: [],
  proband: null,
  mismatches: [],
});

describe('issue 22: what the renderer itself says, in the reader’s language', () => {
  it('issue 22: a case whose database name is refused, in German (was English)', async () => {
    await setLanguage('de');
    const refused = attachCase('P-1', {
      alias: 'not a name',
      registeredFile: '/vault/x.duckdb',
      path: '/vault/x',
    });
    await expect(refused).rejects.toBeInstanceOf(SaidError);
    const error: unknown = await refused.catch((e: unknown) => e);
    expect(errorText(error)).toBe(
      'Fall P-1 hat einen Datenbanknamen, den Cohort Desk nicht akzeptiert; er wurde nicht geöffnet.',
    );
    // The English stays for the developer console.
    expect((error as Error).message).toBe('Case P-1 has a database name this app does not accept.');
  });

  it('issue 22: a PED larger than 4 MB is refused in French, its size in the French format', async () => {
    await setLanguage('fr');
    const onError = vi.fn();
    const { getByTestId } = render(
      <CaseFiles
        draft={EMPTY_DRAFT}
        chooseVcf={() => Promise.resolve()}
        cancelUpload={() => undefined}
        setPed={() => Promise.resolve()}
        setPhenopacket={() => Promise.resolve()}
        onError={onError}
      />,
    );
    const big = new File([new Uint8Array(4_000_001)], 'famille.ped');
    fireEvent.change(getByTestId('new-case-ped'), { target: { files: [big] } });
    await waitFor(() => expect(onError).toHaveBeenCalled());
    expect(onError).toHaveBeenCalledWith(
      `famille.ped dépasse ${formatBytes(4_000_000, 'fr')} ; est-ce le bon fichier ?`,
    );
    expect(formatBytes(4_000_000, 'fr')).toMatch(/^4\sMo$/);
  });

  it('issue 22: the cancer fields’ checks, in Finnish and German (were English)', async () => {
    await setLanguage('fi');
    const problems = cancerProblems(
      inspection(['N', 'T']),
      { tumour: '', normal: 'N', tumourType: '', purity: '140' },
      'unknown',
    );
    // Said once as not chosen, not also as a sample column named "".
    expect(lines(problems)).toEqual([
      'Valitse kasvainnäyte.',
      'Kasvainsolujen osuus on prosenttiluku väliltä 1–100; jätä kenttä tyhjäksi, jos sitä ei tiedetä.',
    ]);
    cleanup();
    await setLanguage('de');
    const germline = cancerProblems(
      inspection(['N', 'T']),
      {
        tumour: 'T',
        normal: 'N',
        tumourType: '',
        purity: '',
        germline: {
          file: { handle: 'h', name: 'keimbahn.vcf', size: 1 },
          samples: [],
          sample: '',
          problems: [],
        },
      },
      'unknown',
    );
    expect(lines(germline)).toEqual(['keimbahn.vcf: Wählen Sie die Keimbahnprobe.']);
  });

  it('issue 22: the VCF’s header problems keep their codes in the dialog’s list (were dropped)', async () => {
    await setLanguage('de');
    const i = inspection(['S1']);
    const draft = {
      ...EMPTY_DRAFT,
      inspection: {
        ...i,
        vcf: {
          ...i.vcf,
          problems: [
            {
              file: 'x.vcf',
              line: 3,
              column: 'header',
              message: 'a line starts with # after the header',
              severity: 'error' as const,
              code: 'hash-after-header' as const,
            },
          ],
          refusal: 'x.vcf is on GRCh37 (…)',
          refused: { code: 'vcf-grch37' as const, params: { file: 'x.vcf' } },
        },
      },
    };
    const blocking = blockingProblems(draft);
    expect(blocking.map((p) => p.code)).toEqual(['vcf-grch37', 'hash-after-header']);
    expect(lines(blocking)[0]).toMatch(/^tumour\.vcf: x\.vcf liegt auf GRCh37;/);
  });

  it('issue 22: an import’s unexpected failure: the sentence in Swedish, the engine’s detail quoted as English', async () => {
    await setLanguage('sv');
    const job: CaseProgress = {
      jobId: 'j1',
      caseId: 'P-9',
      phase: 'failed',
      records: 0,
      variants: 0,
      bytesRead: 0,
      totalBytes: 0,
      elapsedMs: 0,
      etaMs: null,
      problems: [],
      message: 'The import failed: Out of Memory Error: could not allocate block',
      why: {
        code: 'import-failed',
        params: { detail: 'Out of Memory Error: could not allocate block' },
      },
    };
    const { container } = render(<ImportProgress job={job} />);
    const item = container.querySelector('li');
    expect(item?.textContent).toBe(
      'Importen misslyckades (Out of Memory Error: could not allocate block); ingenting sparades.',
    );
    const quoted = item?.querySelector('q[lang="en"][translate="no"]');
    expect(quoted?.textContent).toBe('Out of Memory Error: could not allocate block');
  });

  it('issue 22: a detail the sentence leaves out stays out (the Phenopacket’s JSON error)', async () => {
    await setLanguage('de');
    expect(
      lines([
        {
          file: 'p.json',
          message: 'is not JSON (Unexpected end of JSON input)',
          code: 'phenopacket-not-json',
          params: { detail: 'Unexpected end of JSON input' },
        },
      ]),
    ).toEqual([`p.json: ${i18n.t('coded.fileProblem.phenopacket-not-json')}`]);
  });

  it('issue 22: an ending an earlier version sent without a code is shown as written, marked', async () => {
    await setLanguage('it');
    const job: CaseProgress = {
      jobId: 'j2',
      caseId: 'P-8',
      phase: 'failed',
      records: 0,
      variants: 0,
      bytesRead: 0,
      totalBytes: 0,
      elapsedMs: 0,
      etaMs: null,
      problems: [],
      message: 'The import stopped.',
    };
    const { getByTestId } = render(<ImportProgress job={job} />);
    const box = getByTestId('import-problems-P-8');
    expect(box.textContent).toContain('Messaggio così come ricevuto: The import stopped.');
    expect(box.querySelector('q[lang="en"]')?.textContent).toBe('The import stopped.');
  });

  it('issue 22: a seen-before answer stored before codes: its English marked as stored, in Spanish', async () => {
    await setLanguage('es');
    const answer: SeenAnswer = {
      key: '1-100-A-G',
      nodeId: 'IT',
      nodeName: 'Italy',
      country: 'IT',
      status: 'error',
      message: 'Node IT did not answer within 5 s.',
      at: '2026-11-01T10:00:00.000Z',
    };
    const { container } = render(<SeenCell answer={answer} />);
    const stored = container.querySelector('[data-as-written="stored"]');
    expect(stored?.textContent).toBe(
      'Guardado por una versión anterior, con sus palabras: Node IT did not answer within 5 s.',
    );
    expect(stored?.querySelector('q')?.getAttribute('translate')).toBe('no');
  });

  it('issue 22: another program’s error inside a worded sentence; the transport’s own failures coded', async () => {
    await setLanguage('pt');
    expect(errorText(new Error('Binder Error: column x not found'))).toBe(
      'Ocorreu um problema inesperado. Detalhe técnico: Binder Error: column x not found',
    );
    const stopped = new TransportError('serviceStopped', 'Cohort Desk has stopped.');
    const words = readError({ code: 'INTERNAL', message: stopped.message, key: stopped.key });
    expect(appErrorText(words)).toBe(
      'O Cohort Desk parou. Inicie-o novamente a partir do seu lançador.',
    );
  });
});

describe('issue 22: every renderer sentence has words in every language', () => {
  it.each(SUPPORTED_LANGUAGES)('issue 22: %s words every said key and no other', (lang) => {
    const block = i18n.getResource(lang, 'translation', 'said') as Record<string, unknown>;
    const missing = SAID_KEYS.filter((k) => typeof block[k] !== 'string');
    expect(missing).toEqual([]);
    const extra = Object.keys(block).filter(
      (k) => k !== 'asWritten' && !(SAID_KEYS as readonly string[]).includes(k),
    );
    expect(extra).toEqual([]);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import type { EvidenceSheet } from '../../../shared/acmg/sheet';
import type { ErrorWords } from '../../../shared/appError';
import { APP_ERROR_KEYS, AppErrorSchema, words } from '../../../shared/appError';
import { applyWorkChange, emptyWork, WorkRefused } from '../../../shared/cases/applyWork';
import type { CaseWork, VariantSnapshot, WorkChange } from '../../../shared/cases/workChannels';
import { readError } from '../api/client';
import { appErrorText } from './appErrorText';
import en from './en.json';
import i18n, { setLanguage } from '.';

// Issue 22, decision 0063: a refusal main sends reaches the person in their language: a code and
// parameters beside main's English, worded by the renderer's catalogue (`appError.*`).

afterAll(async () => {
  await setLanguage('en');
});

const variant: VariantSnapshot = {
  variantKey: '2-166000000-C-T',
  chrom: '2',
  pos: 166000000,
  ref: 'C',
  alt: 'T',
  gene: 'SCN1A',
  consequence: 'stop_gained',
  hgvs_c: 'NM_001165963.4:c.2134C>T',
  hgvs_p: 'NP_001159435.1:p.Arg712Ter',
  gt: '0/1',
  modes: ['de_novo'],
  pop_af: null,
  clinvar_sig: null,
};
type Criterion = EvidenceSheet['criteria'][number];
const suggested = (code: Criterion['code']): Criterion => ({
  code,
  strength: 'moderate',
  status: 'suggested',
  reason: 'r',
  source: 's',
  suggested: true,
});
const sheet = (n: number): EvidenceSheet => ({
  criteria: (['PM2', 'PM6', 'PS2'] as const).slice(0, n).map(suggested),
  confirmed: null,
});

/** The refusal applyWork (the code main runs for case:work) throws for these changes. */
function refusal(changes: WorkChange[], start: CaseWork = emptyWork('new')): WorkRefused {
  let w = start;
  try {
    for (const c of changes) w = applyWorkChange(w, c, 'dr.lee', '2026-12-07T10:00:00Z').work;
  } catch (error: unknown) {
    if (error instanceof WorkRefused) return error;
    throw error;
  }
  throw new Error('the change was not refused');
}

const text = (e: { message: string; said?: ErrorWords | undefined }): string =>
  appErrorText({ message: e.message, key: e.said?.key, params: e.said?.params });

describe('issue 22: main’s refusals in the user’s language', () => {
  it('issue 22: every code main sends has English words, and no words lack a code', () => {
    const worded = Object.keys(en.appError).map((k) => k.replace(/_(one|other)$/, ''));
    expect(new Set(worded)).toEqual(new Set(APP_ERROR_KEYS));
  });

  it('issue 22: confirming a sheet with pending criteria is refused in German, Finnish and French, with plural forms', async () => {
    const pending = (n: number) =>
      refusal([
        { kind: 'addVariant', variant, sheet: sheet(n) },
        { kind: 'confirm', variantKey: variant.variantKey },
      ]);
    expect(pending(2).said).toEqual(
      words('pendingCriteria', { count: 2, variant: '2-166000000-C-T' }),
    );
    await setLanguage('de');
    expect(text(pending(2))).toBe(
      '2 vorgeschlagene Kriterien von 2-166000000-C-T sind noch offen: Nehmen Sie sie an oder lehnen Sie sie ab, bevor Sie die Klasse bestätigen.',
    );
    await setLanguage('fi');
    expect(text(pending(1))).toBe(
      'Variantilla 2-166000000-C-T on 1 ehdotettu kriteeri ratkaisematta: hyväksy tai hylkää se ennen luokan vahvistamista.',
    );
    await setLanguage('fr');
    expect(text(pending(3))).toBe(
      '3 critères suggérés de 2-166000000-C-T sont encore en attente : acceptez-les ou rejetez-les avant de confirmer sa classe.',
    );
    // English reads as main wrote it.
    await setLanguage('en');
    expect(text(pending(2))).toBe(pending(2).message);
  });

  it('issue 22: the other case-work refusals, in German, Finnish and French', async () => {
    const twice = refusal([
      { kind: 'addVariant', variant, sheet: sheet(0) },
      { kind: 'addVariant', variant, sheet: sheet(0) },
    ]);
    const notSigned = refusal([{ kind: 'withdrawSignOff' }]);
    const unknown = refusal([{ kind: 'confirm', variantKey: '1-1-A-G' }]);
    await setLanguage('de');
    expect(text(twice)).toBe('2-166000000-C-T wird bereits beurteilt.');
    expect(text(notSigned)).toBe('Der Befund ist nicht freigegeben.');
    await setLanguage('fi');
    expect(text(unknown)).toBe(
      '1-1-A-G ei ole tapauksen arvioitujen varianttien joukossa; lisää se ensin.',
    );
    await setLanguage('fr');
    expect(text(notSigned)).toBe('Le compte rendu n’est pas validé.');
    await setLanguage('en');
    for (const e of [twice, notSigned, unknown]) expect(text(e)).toBe(e.message);
  });

  it('issue 22: handler refusals with names and numbers, in German, Finnish and French', async () => {
    await setLanguage('de');
    expect(appErrorText(err('noCase', { caseId: 'CASE-7' }))).toBe('Es gibt keinen Fall „CASE-7“.');
    expect(appErrorText(err('parquetTooLarge', { mb: 512.5, maxMb: 256 }))).toBe(
      'Die Parquet-Datei wäre 512,5 MB groß; Cohort Desk übergibt höchstens 256 MB auf einmal. Grenzen Sie die Kohorte ein oder exportieren Sie CSV.',
    );
    await setLanguage('fi');
    expect(appErrorText(err('wrongPassphrase'))).toBe('Tämä tunnuslause ei avaa tätä holvia.');
    expect(appErrorText(err('invalidRequest', { channel: 'search:run', field: 'query' }))).toBe(
      'Pyyntö ”search:run” ei ollut kelvollinen (arvo kohdassa query). Tarkista syöttämäsi tiedot ja yritä uudelleen; lokitiedostossa on yksityiskohdat.',
    );
    await setLanguage('fr');
    expect(appErrorText(err('lockedByPolicy', { settings: 'language' }))).toBe(
      'language est géré par votre organisation et ne peut pas être modifié ici.',
    );
    // The same error without a code (an older main) is shown as main wrote it.
    expect(appErrorText({ message: 'The vault is locked: unlock it first.' })).toBe(
      'The vault is locked: unlock it first.',
    );
    await setLanguage('en');
  });

  it('issue 22: the client keeps only codes the catalogue words, and bounded parameters', () => {
    const base = { code: 'NOT_ALLOWED', message: 'English.' };
    expect(readError({ ...base, key: 'noCase', params: { caseId: 'C1' } })).toEqual({
      ...base,
      key: 'noCase',
      params: { caseId: 'C1' },
    });
    // An unknown key, a parameter name that is not a plain identifier, a value too long, an
    // object where text belongs, an extra field: the code is dropped and main's English kept.
    for (const bad of [
      { ...base, key: 'toString' },
      { ...base, key: 'noCase', params: { __proto__x: 'a' } },
      { ...base, key: 'noCase', params: { caseId: 'x'.repeat(4001) } },
      { ...base, key: 'noCase', params: { caseId: { nested: true } } },
      { ...base, key: 'noCase', html: '<b>' },
    ]) {
      expect(AppErrorSchema.safeParse(bad).success).toBe(false);
      expect(readError(bad)).toEqual(base);
    }
    expect(
      AppErrorSchema.safeParse({
        ...base,
        key: 'noCase',
        params: Object.fromEntries('abcdefghijklm'.split('').map((k) => [k, 1])),
      }).success,
    ).toBe(false);
    // An error that is not one at all reads as an answer not understood.
    expect(readError('boom')).toMatchObject({ code: 'INTERNAL', key: 'notUnderstood' });
    expect(i18n.t('appError.notUnderstood')).toBe(
      'Cohort Desk received an answer it did not understand.',
    );
  });
});

function err(key: ErrorWords['key'], params?: ErrorWords['params']) {
  return { message: 'main’s English', ...words(key, params) };
}

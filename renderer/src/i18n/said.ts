import type { TFunction } from 'i18next';
import i18n from '.';
import { appErrorText, type Wordable } from './appErrorText';
import { codedValues } from './codedText';

/**
 * What the renderer itself says when something it does fails (issue 22, decision 0071): a key of
 * the catalogues' `said` block and its values. The English `message` of a `SaidError` is for the
 * developer console only; a person reads the catalogue's words in the language shown.
 */
export const SAID_KEYS = [
  // A case's or a dataset's database (db/cases.ts, db/datasets.ts, db/legacyArrow.ts, db/engine.ts).
  'caseBadName',
  'caseNotServed',
  'caseNewer',
  'caseTooOld',
  'datasetNotServed',
  // The vault route's coded refusal (decision 0076): its `refusal` worded as `reason`.
  'datasetRefused',
  'datasetNewer',
  'cacheNewer',
  // The New-case dialog's files (CaseFiles.tsx, api/caseUpload.ts).
  'fileTooLarge',
  'uploadNotSent',
  'uploadLocked',
  'uploadIncomplete',
  'uploadHttp',
  'uploadNotUnderstood',
  // Ranking (ranking/rankClient.ts), the cancer tier panel.
  'rankStopped',
  'rankCancelled',
  'rankOtherAnswer',
  'noCaseOpen',
  // Gene lists, BED files and preset files (features/caseReview/filterFiles.ts).
  'bedLine',
  'bedEmpty',
  'bedTooMany',
  'bedPastEnd',
  'notGeneSymbol',
  'genesTooMany',
  'presetNotJson',
  'presetNotJsonAt',
  'presetDuplicateKey',
  'presetNotPreset',
  'presetInvalid',
  'presetIsGermline',
  'presetIsSomatic',
  'presetNameHidden',
  // The genome browser (igv/locus.ts, igv/session.ts, syncTracks.ts, SessionButtons.tsx).
  'locusEmpty',
  'geneNotInTable',
  'sessionNotJson',
  'sessionNotSession',
  'sessionInvalid',
  'pngFailed',
  'pngNoCanvas',
  'pngEmpty',
  'trackFailed',
  'geneTableHttp',
  'exonTableHttp',
  // A failure whose only words are another program's (DuckDB, the browser engine).
  'unexpected',
] as const;
export type SaidKey = (typeof SAID_KEYS)[number];

/** A key and its values: names, ids, file names and numbers (the locale formats numbers). */
export interface Said {
  readonly key: SaidKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The worded sentence of a `Said`, in the language shown. */
export const saidText = (said: Said, t: TFunction = i18n.t): string =>
  t(`said.${said.key}`, codedValues(t, said.params));

/** An error the renderer raises with its words as a key (the English stays for the console). */
export class SaidError extends Error {
  constructor(
    readonly said: Said,
    english: string,
  ) {
    super(english);
    this.name = 'SaidError';
  }
}

/** Another program's own message (DuckDB, the browser engine, a worker): a technical detail. */
export const errorDetail = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Any caught error as a person reads it: the renderer's own (`SaidError`), main's coded refusal
 * (`appErrorText`), else another program's message shown as its technical detail inside a worded
 * sentence, so the sentence is in the reader's language even when the detail cannot be.
 */
export function errorText(error: unknown, t: TFunction = i18n.t): string {
  if (error instanceof SaidError) return saidText(error.said, t);
  if (isWordable(error) && error.key !== undefined) return appErrorText(error, t);
  return saidText({ key: 'unexpected', params: { detail: errorDetail(error) } }, t);
}

const isWordable = (e: unknown): e is Wordable =>
  typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';

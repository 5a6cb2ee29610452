import { z } from 'zod';

/**
 * The words of a refusal main sends, as a code the renderer's catalogue words (`appError.<key>`)
 * and its parameters (issue 22; decision 0063). Main keeps its English `message` beside them for
 * the logs and the command line; a reader without the key (an older window, an unknown key)
 * shows that English. Names and ids stay as data; numbers stay numbers, so the locale formats them.
 */
export const APP_ERROR_KEYS = [
  // The router and the client (electron/main/ipc/router.ts, renderer/src/api/client.ts).
  'forbiddenSender',
  'unknownChannel',
  'invalidRequest',
  'internal',
  'notUnderstood',
  'notConnected',
  // Browser mode's transport (renderer/src/api/wsTransport.ts).
  'serviceStopped',
  'serviceUnreachable',
  // Cases.
  'unlockForCases',
  'unlockToOpenCases',
  'noCase',
  'vcfGone',
  'fileGone',
  'badCaseId',
  'caseExists',
  'caseTooOld',
  'caseUnreadable',
  'notCancerCase',
  'notCancerForGermline',
  'germlineGone',
  'germlineUnreadable',
  'germlineSample',
  // A refused case file, its problem's code as the value `fileProblem` (decision 0100).
  'caseFileRefused',
  'caseFileRefusedAtLine',
  'germlineRefused',
  'germlineRefusedAtLine',
  'pdfFailed',
  'chooseInPage',
  'pathsFromCli',
  'pathNotAbsolute',
  'noSuchFile',
  'notAFile',
  'noPreset',
  'somaticPresetOnGermline',
  'builtInPreset',
  'presetsFull',
  'presetNameHidden',
  // Case work refused (shared/cases/applyWork.ts).
  'notReviewed',
  'alreadyReviewed',
  'sheetArrivesConfirmed',
  'pendingCriteria',
  'unconfirmedReported',
  'notSignedOff',
  // Ranking, VCF check, links, federation.
  'rankFromCli',
  'vcfCheckFromCli',
  'linkNotAllowed',
  'federationAddress',
  'notFederationBroker',
  'noBroker',
  'noBrokerWhy',
  // Cohorts and exports.
  'parquetGone',
  'parquetStray',
  'parquetTooManyRows',
  'parquetTooLarge',
  'cohortsInPage',
  // Pulls (electron/main/pull/pull.handlers.ts): the pull's own reasons come with pull:check.
  'pullRefused',
  // Search and seen-before.
  'queryIdInUse',
  // The typed gene, region or variant, or a saved query's file: the parser's code as the value
  // `searchInput`, worded from `coded.searchInput` (decision 0106).
  'searchInputRefused',
  'nodeNotAskable',
  'seenNoCase',
  'notCaseTerm',
  // Vault and settings.
  'wrongPassphrase',
  'vaultLockedRemove',
  'signInToRemove',
  'notInCache',
  'lockedByPolicy',
] as const;
export type AppErrorKey = (typeof APP_ERROR_KEYS)[number];

/** A parameter: a name, an id, a file, a number (formatted by the locale), or a list's text. */
export type AppErrorParam = string | number;
export type AppErrorParams = Readonly<Record<string, AppErrorParam>>;

/** The code and parameters of one refusal. */
export interface ErrorWords {
  readonly key: AppErrorKey;
  readonly params?: AppErrorParams | undefined;
}

/** Shorthand for a site: `words('noCase', { caseId })`. */
export const words = (key: AppErrorKey, params?: AppErrorParams): ErrorWords =>
  params === undefined ? { key } : { key, params };

const MAX_PARAMS = 12;

/** Parameters as they cross IPC: short names, bounded values, at most a dozen. */
export const AppErrorParamsSchema = z
  .record(z.string().regex(/^[a-z][A-Za-z0-9]{0,31}$/), z.union([z.string().max(4000), z.number()]))
  .refine((p) => Object.keys(p).length <= MAX_PARAMS, {
    error: `at most ${String(MAX_PARAMS)} parameters`,
  });

export const ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'INVALID_REQUEST',
  'FORBIDDEN_SENDER',
  'LOCKED_BY_POLICY',
  'NOT_ALLOWED',
  'INTERNAL',
] as const;

/** An error Result's error as the renderer reads it: only keys the catalogue words. */
export const AppErrorSchema = z
  .object({
    code: z.enum(ERROR_CODES),
    message: z.string().max(20_000),
    where: z.string().max(2000).optional(),
    key: z.enum(APP_ERROR_KEYS).optional(),
    params: AppErrorParamsSchema.optional(),
  })
  .strict();

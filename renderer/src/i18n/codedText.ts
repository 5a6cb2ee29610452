import type { TFunction } from 'i18next';
import type { CodedParams } from '../../../shared/i18n/coded';

/** Values that carry an ISO date and time: shown in the reader's format, not as ISO text. */
const DATES = new Set(['until', 'pulled', 'at', 'fetched']);

/**
 * Values that are themselves a code, worded from their own tree with the same values, in this
 * order (a later one may name an earlier one's words): a VCF problem's `origin` (`declared`,
 * `reserved`…: where a key's Number and Type come from, decision 0069) reads "Number=1,
 * Type=Integer (##INFO on line 5)" in the reader's words; the federation directory's cause and
 * problem (decision 0076), the problem given to a vault note as its `why`; the vault route's
 * refusal as `reason`, with the vault's note inside it.
 */
const WORDED: readonly (readonly [param: string, tree: string, as: string])[] = [
  ['origin', 'vcfOrigin', 'origin'],
  ['directoryCause', 'directoryCause', 'directoryCause'],
  ['directory', 'directoryProblem', 'why'],
  // The vault route's refusal (decision 0076) and the vault's own note inside it.
  ['note', 'vaultNote', 'note'],
  ['refusal', 'vaultRefusal', 'reason'],
  // A settings, policy or cache-folder problem inside a notice, as its `detail`.
  ['settingProblem', 'settingProblem', 'detail'],
  // A refused case file's problem (a VCF, PED or mapping code) inside an `appError` (decision 0100).
  ['fileProblem', 'fileProblem', 'problem'],
  // A refused search input (the typed text, a saved query's file) inside an `appError` (0106).
  ['searchInput', 'searchInput', 'problem'],
];

/** Values for t() with the coded ones worded (`appError` keys use it too: decision 0076). */
export function wordedValues(
  t: TFunction,
  params: CodedParams | undefined,
  values: Record<string, unknown> = { ...params },
): Record<string, unknown> {
  const out = { ...values };
  for (const [k, tree, as] of WORDED) {
    const v = params?.[k];
    if (typeof v === 'string') out[as] = t(`coded.${tree}.${v}`, { ...out, defaultValue: v });
  }
  return out;
}

/** A code's values for t(): dates as dates, coded values worded. */
export function codedValues(
  t: TFunction,
  params: CodedParams | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {}))
    out[k] =
      DATES.has(k) && typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : v;
  return wordedValues(t, params, out);
}

/**
 * A code main or shared code sent (issue 22, decision 0064), worded from the `coded.<tree>` block
 * of the catalogue in the reader's language; a code this build does not word shows main's English.
 */
export function codedText(
  t: TFunction,
  tree: string,
  coded: { readonly code?: string | undefined; readonly params?: CodedParams | undefined },
  english: string,
): string {
  if (coded.code === undefined) return english;
  return t(`coded.${tree}.${coded.code}`, {
    ...codedValues(t, coded.params),
    defaultValue: english,
  });
}

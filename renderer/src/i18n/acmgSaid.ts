import type { TFunction } from 'i18next';
import type { Said } from '../../../shared/acmg/said';
import { saidListText, saidText } from '../../../shared/acmg/saidWords';
import { currentLocale } from '.';

/**
 * The ACMG sheet's codes in the app's language (issue 22; decision 0057): the shared wording
 * (shared/acmg/saidWords.ts) over the renderer's i18next, which holds the document catalogue's
 * `acmgText` tree. Without codes (a case stored before, the clinician's own words) the text shows.
 */
const words =
  (t: TFunction) =>
  (key: string, values?: Record<string, string | number>): string =>
    t(key, values ?? {});

export const saidLine = (t: TFunction, s: Said): string => saidText(words(t), currentLocale(), s);

export function saidOrText(t: TFunction, list: readonly Said[] | undefined, text: string): string {
  return list === undefined ? text : saidListText(words(t), currentLocale(), list);
}

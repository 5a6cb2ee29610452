import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { withData } from './dataValues';
import type { MarkData } from './dataValues';
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

export function saidOrText(
  t: TFunction,
  list: readonly Said[] | undefined,
  text: string,
  data?: MarkData,
): string {
  return list === undefined ? text : saidListText(words(t), currentLocale(), list, data);
}

/**
 * The same on screen: values that are data (dataset titles, HPO labels, node names) marked as
 * such (decision 0075); the clinician's own text and a case stored before codes show as written.
 */
export function saidOrNodes(
  t: TFunction,
  list: readonly Said[] | undefined,
  text: string,
): ReactNode {
  return list === undefined ? text : withData((data) => saidOrText(t, list, text, data));
}

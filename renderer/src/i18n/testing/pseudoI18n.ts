import { createInstance, type i18n as I18n } from 'i18next';
import { DOCUMENT_CATALOGUES } from '../../../../shared/i18n/documents';
import {
  PSEUDO_CLOSE,
  PSEUDO_LOCALE,
  PSEUDO_OPEN,
  pseudoLocalize,
} from '../../../../shared/i18n/pseudo';
import en from '../en.json';
import { localeFormatter } from '..';

/**
 * An i18next of its own in the pseudo-locale (the app admits it only under an e2e flag), with the
 * document catalogue merged as the app merges it, for a test to render a view in (issue 22).
 * `format`: with the app's locale formatter, as the app formats dates and numbers in sentences.
 */
export async function pseudoI18n(options: { format?: boolean } = {}): Promise<I18n> {
  const pseudo = createInstance();
  if (options.format === true) pseudo.use(localeFormatter);
  await pseudo.init({
    lng: PSEUDO_LOCALE,
    resources: {
      [PSEUDO_LOCALE]: { translation: pseudoLocalize({ ...en, ...DOCUMENT_CATALOGUES.en }) },
    },
    interpolation: { escapeValue: false, alwaysFormat: options.format === true },
  });
  return pseudo;
}

/** Words outside the pseudo-locale's brackets that hold two letters: English left over. */
export function unbracketed(
  text: string,
  isData: (word: string) => boolean = () => false,
): string[] {
  let depth = 0;
  let rest = '';
  for (const ch of text) {
    if (ch === PSEUDO_OPEN) depth += 1;
    else if (ch === PSEUDO_CLOSE) depth = Math.max(0, depth - 1);
    rest += depth === 0 && ch !== PSEUDO_CLOSE ? ch : ' ';
  }
  return rest.split(/[\s,;:()"=]+/).filter((w) => /[a-z]{2}/i.test(w) && !isData(w));
}

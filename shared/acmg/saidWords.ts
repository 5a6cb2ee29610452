import { clinvarReviewWords, clinvarSignificanceWords } from '../i18n/clinvarWords';
import { formatDateTime, formatNumber } from '../i18n/format';
import type { Said, SaidValue } from './said';

/**
 * The ACMG sheet's sentences in the reader's language (issue 22; decision 0057), one function for
 * the screen (the renderer's i18next, which merges the document catalogue) and the report (the
 * document catalogue in main). Values are formatted here by what their name says they are:
 * `…Af` an allele frequency (two significant digits), `…Pct` a fraction shown as a percentage,
 * `at` a time, `cls` an ACMG class, `granularity` a Beacon granularity, `review` and
 * `significance` ClinVar's words; other numbers as numbers
 * (`count` is left a number so the catalogue picks the plural form).
 */

/** A translate function: i18next's `t` or the document catalogue's. */
export type WordsT = (key: string, values?: Record<string, string | number>) => string;

/**
 * Marks a value shown as the data wrote it (a dataset's title, an HPO label, a node's name): the
 * screen shows it as data (decision 0075); the identity for a document.
 */
export type MarkData = (value: string) => string;
const plain: MarkData = (v) => v;

const formats = new Map<string, Intl.NumberFormat>();
function significant(
  locale: string,
  digits: number,
  style: 'decimal' | 'percent',
): Intl.NumberFormat {
  const key = `${locale}|${String(digits)}|${style}`;
  let f = formats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, { maximumSignificantDigits: digits, style });
    formats.set(key, f);
  }
  return f;
}

function value(
  t: WordsT,
  lang: string,
  name: string,
  v: SaidValue,
  data: MarkData,
): string | number {
  if (typeof v === 'number') {
    if (name === 'count') return v;
    if (name.endsWith('Af')) return significant(lang, 2, 'decimal').format(v);
    if (name.endsWith('Pct')) return significant(lang, 3, 'percent').format(v);
    return Number.isInteger(v)
      ? formatNumber(v, lang, 0)
      : significant(lang, 3, 'decimal').format(v);
  }
  if (typeof v === 'string') {
    if (name === 'at') return formatDateTime(v, lang);
    if (name === 'cls') return t(`terms.acmgClass.${v}`);
    if (name === 'granularity') return t(`terms.granularity.${v}`);
    // ClinVar's own words (the PS1 note, PM3's partner): worded where the catalogue knows them.
    if (name === 'review') return clinvarReviewWords(t, v);
    if (name === 'significance') return clinvarSignificanceWords(t, v);
    return data(v);
  }
  if (isList(v)) return v.map((s) => saidText(t, lang, s, data)).join('; ');
  return saidText(t, lang, v, data);
}

const isList = (v: Said | readonly Said[]): v is readonly Said[] => Array.isArray(v);

/** One sentence in words; `data` marks the values that are data (names, labels, titles). */
export function saidText(t: WordsT, lang: string, s: Said, data: MarkData = plain): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(s.params ?? {}))
    values[name] = value(t, lang, name, v, data);
  return t(`acmgText.${s.key}`, values);
}

/** Sentences read one after the other. */
export const saidListText = (
  t: WordsT,
  lang: string,
  list: readonly Said[],
  data: MarkData = plain,
): string => list.map((s) => saidText(t, lang, s, data)).join(' ');

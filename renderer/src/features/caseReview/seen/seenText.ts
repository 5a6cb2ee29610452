import type { TFunction } from 'i18next';
import { countRange, formatCount, formatRange } from '../../../../../shared/search/aggregate';
import { formatDateTime, pluralCount } from '../../../../../shared/i18n/format';
import { currentLocale } from '../../../i18n';
import type { SeenAnswer } from '../../../../../shared/seen/channels';

type DatasetAnswer = NonNullable<SeenAnswer['datasets']>[number];

/**
 * One dataset's answer in words, at the granularity the node gave (issue 18): yes/no, an exact
 * count, a rounded count said to be rounded with the interval it stands for, "<N" as the range
 * 1…N-1, or the carriers it listed. Never a bare number for a count that is not exact.
 */
export function datasetText(ds: DatasetAnswer, t: TFunction): string {
  const c = ds.count;
  if (ds.granularity === 'boolean' || c === undefined)
    return ds.exists ? t('caseReview.seen.answer.yes') : t('caseReview.seen.answer.no');
  if (!ds.exists && c.value === 0) return t('caseReview.seen.answer.no');
  const locale = currentLocale();
  const range = formatRange(countRange(c), locale);
  const count = pluralCount(countRange(c));
  if (c.precision === 'rounded')
    return t('caseReview.seen.answer.rounded', {
      shown: formatCount(c, locale),
      count,
      step: c.adjustedTo ?? 1,
      range,
    });
  if (c.precision === 'range')
    return t('caseReview.seen.answer.range', { shown: formatCount(c, locale), range, count });
  return ds.granularity === 'record'
    ? t('caseReview.seen.answer.records', { count: c.value })
    : t('caseReview.seen.answer.exact', { count: c.value });
}

/** The answers by allele, then by node. */
export function answersByKey(answers: readonly SeenAnswer[]): Map<string, Map<string, SeenAnswer>> {
  const out = new Map<string, Map<string, SeenAnswer>>();
  for (const a of answers) {
    const row = out.get(a.key) ?? new Map<string, SeenAnswer>();
    row.set(a.nodeId, a);
    out.set(a.key, row);
  }
  return out;
}

/** "6 Dec 2026, 09:31" in the user's locale: when a stored answer was given. */
export const asOf = (iso: string): string =>
  formatDateTime(iso, currentLocale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

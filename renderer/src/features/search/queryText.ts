import type { TFunction } from 'i18next';
import type { SearchQuery } from '../../../../shared/search/query';

/**
 * A query in one line, in the app's language (issue 22: main's `describeQuery` is English, for
 * file names and the CLI): what it looks for, then the gene or region as typed, the terms by id
 * and the sex in words.
 */
export function queryText(t: TFunction, q: SearchQuery): string {
  const parts: string[] = [];
  if (q.genomic !== '') parts.push(q.genomic);
  for (const f of q.filters)
    parts.push(f.includeDescendantTerms ? f.id : t('search.recent.exact', { id: f.id }));
  if (q.sex !== undefined) parts.push(t(`terms.sex.${q.sex}`));
  return t('search.recent.label', {
    target: t(q.target === 'g_variants' ? 'search.recent.variants' : 'search.recent.individuals'),
    what: parts.length === 0 ? t('search.recent.everything') : parts.join(' · '),
  });
}

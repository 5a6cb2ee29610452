import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { currentLocale } from '../../i18n';
import { formatDateTime } from '../../../../shared/i18n/format';
import { queryText } from './queryText';

/** The last queries run (kept by main), each one click from the builder. */
export function RecentQueries() {
  const { t } = useTranslation();
  const recent = useStore((s) => s.searchRecent);
  const load = useStore((s) => s.loadRecentSearches);
  const replace = useStore((s) => s.replaceSearchDraft);
  useEffect(() => {
    void load();
  }, [load]);
  if (recent.length === 0) return null;
  return (
    <nav className="recent-queries" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('search.recent.heading')}</h2>
      <ul data-testid="search-recent">
        {recent.map((r) => (
          <li key={`${r.ranAt}-${r.description}`}>
            <button type="button" className="link" onClick={() => replace(r.query)}>
              {queryText(t, r.query)}
            </button>{' '}
            <time className="muted" dateTime={r.ranAt}>
              {formatDateTime(r.ranAt, currentLocale())}
            </time>
          </li>
        ))}
      </ul>
    </nav>
  );
}

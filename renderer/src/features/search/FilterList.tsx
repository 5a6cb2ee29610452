import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { useHpoLabel } from '../../i18n/useHpoLabel';

/** The ontology filters of the draft: each with its descendants switch and a remove button. */
export function FilterList() {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  const filters = useStore((s) => s.searchDraft.filters);
  const setDraft = useStore((s) => s.setSearchDraft);
  if (filters.length === 0) return null;
  return (
    <ul
      className="filter-list"
      aria-label={t('search.builder.filters')}
      data-testid="search-filters"
    >
      {filters.map((f, i) => (
        <li key={f.id}>
          <span className="filter-term">
            {f.label === undefined && !f.id.startsWith('HP:')
              ? f.id
              : `${hpo.term(f.id, f.label)} (${f.id})`}
          </span>
          <label className="inline">
            <input
              type="checkbox"
              checked={f.includeDescendantTerms}
              onChange={(e) =>
                setDraft({
                  filters: filters.map((g, j) =>
                    j === i ? { ...g, includeDescendantTerms: e.target.checked } : g,
                  ),
                })
              }
            />
            {t('search.builder.descendants')}
          </label>
          <button
            type="button"
            aria-label={t('search.builder.removeFilter', { term: hpo.term(f.id, f.label) })}
            onClick={() => setDraft({ filters: filters.filter((_, j) => j !== i) })}
          >
            {t('search.builder.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}

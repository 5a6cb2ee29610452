import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchQuery, Sex } from '../../../../shared/search/query';
import { useStore } from '../../store';
import { Autocomplete } from './Autocomplete';
import { FilterList } from './FilterList';
import { genomicInputText } from './inputProblem';

function withoutSex(q: SearchQuery): SearchQuery {
  const copy = { ...q };
  delete copy.sex;
  return copy;
}

/** The query builder: what to look for (gene, region, variant, phenotype, sex) and in which entry type. */
export function QueryBuilder() {
  const { t } = useTranslation();
  const draft = useStore((s) => s.searchDraft);
  const setDraft = useStore((s) => s.setSearchDraft);
  const replaceDraft = useStore((s) => s.replaceSearchDraft);
  const suggest = useStore((s) => s.suggest);
  const runSearch = useStore((s) => s.runSearch);
  const error = useStore((s) => s.searchError);
  const [filterText, setFilterText] = useState('');
  const genes = useCallback((text: string) => suggest('gene', text), [suggest]);
  const terms = useCallback((text: string) => suggest('filter', text), [suggest]);
  const genomicError =
    error?.where === 'genomic' ? genomicInputText(t, draft.genomic, error.message) : undefined;

  return (
    <form
      className="query-builder"
      aria-label={t('search.builder.label')}
      onSubmit={(e) => {
        e.preventDefault();
        void runSearch();
      }}
    >
      <fieldset className="target">
        <legend>{t('search.builder.target')}</legend>
        {(['individuals', 'g_variants'] as const).map((target) => (
          <label key={target} className="inline">
            <input
              type="radio"
              name="target"
              value={target}
              checked={draft.target === target}
              data-testid={`search-target-${target}`}
              onChange={() => setDraft({ target })}
            />
            {t(`search.builder.targets.${target}`)}
          </label>
        ))}
      </fieldset>
      <Autocomplete
        id="search-genomic"
        label={t('search.builder.genomic')}
        placeholder={t('search.builder.genomicPlaceholder')}
        describedBy={
          genomicError === undefined
            ? 'search-genomic-help'
            : 'search-genomic-help search-genomic-error'
        }
        value={draft.genomic}
        onChange={(genomic) => setDraft({ genomic })}
        onPick={(s) => setDraft({ genomic: s.id })}
        onEnter={() => void runSearch()}
        fetchSuggestions={genes}
        testId="search-genomic"
      />
      <small id="search-genomic-help">{t('search.builder.genomicHelp')}</small>
      {genomicError === undefined ? null : (
        <p id="search-genomic-error" className="field-error" role="alert">
          {genomicError}
        </p>
      )}
      <Autocomplete
        id="search-filter"
        label={t('search.builder.filter')}
        placeholder={t('search.builder.filterPlaceholder')}
        value={filterText}
        onChange={setFilterText}
        onPick={(s) => {
          if (!draft.filters.some((f) => f.id === s.id)) {
            setDraft({
              filters: [
                ...draft.filters,
                { id: s.id, label: s.label, includeDescendantTerms: true },
              ],
            });
          }
          setFilterText('');
        }}
        fetchSuggestions={terms}
        testId="search-filter"
      />
      <FilterList />
      <div className="field">
        <label htmlFor="search-sex">{t('search.builder.sex')}</label>
        <select
          id="search-sex"
          data-testid="search-sex"
          value={draft.sex ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            if (v !== '') {
              setDraft({ sex: v as Sex });
              return;
            }
            replaceDraft(withoutSex(draft));
          }}
        >
          <option value="">{t('search.builder.sexAny')}</option>
          <option value="female">{t('search.builder.sexFemale')}</option>
          <option value="male">{t('search.builder.sexMale')}</option>
          <option value="unknown">{t('search.builder.sexUnknown')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-granularity">{t('search.builder.granularity')}</label>
        <select
          id="search-granularity"
          data-testid="search-granularity"
          aria-describedby="search-granularity-help"
          value={draft.granularity}
          onChange={(e) => setDraft({ granularity: e.target.value as SearchQuery['granularity'] })}
        >
          <option value="record">{t('search.builder.granularityRecord')}</option>
          <option value="count">{t('search.builder.granularityCount')}</option>
          <option value="boolean">{t('search.builder.granularityBoolean')}</option>
        </select>
        <small id="search-granularity-help">{t('search.builder.granularityHelp')}</small>
      </div>
      <div className="actions">
        <button type="submit" className="primary" data-testid="search-run">
          {t('search.builder.run')}
        </button>
      </div>
    </form>
  );
}

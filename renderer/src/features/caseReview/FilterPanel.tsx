import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/channels';
import { useStore } from '../../store';
import { CallFilters } from './CallFilters';
import type { FilterPatch } from './filterPatch';
import { applyPatch } from './filterPatch';
import { FilterFunnel } from './FilterFunnel';
import { GeneFilters } from './GeneFilters';
import { InheritanceFilter } from './InheritanceFilter';
import { PresetBar } from './PresetBar';

/**
 * The case's filters (issue 16), combinable, each showing what it removes from what the steps
 * before it kept; every change runs at once (and re-ranks).
 */
export function FilterPanel({ detail }: { readonly detail: CaseDetail }) {
  const { t } = useTranslation();
  const filter = useStore((s) => s.caseFilter);
  const setFilter = useStore((s) => s.setCaseFilter);
  const rows = useStore((s) => s.caseRows);
  const change = (patch: FilterPatch): void => void setFilter(applyPatch(filter, patch));
  return (
    <section
      className="case-filters"
      aria-labelledby="case-filters-heading"
      data-testid="case-filters"
    >
      <h3 id="case-filters-heading">{t('caseReview.filters.heading')}</h3>
      <PresetBar />
      {rows === undefined ? null : (
        <p role="status" data-testid="case-kept" data-kept={rows.kept} data-total={rows.total}>
          {t('caseReview.filters.kept', {
            kept: rows.kept,
            count: rows.total,
          })}
        </p>
      )}
      <FilterFunnel />
      <GeneFilters filter={filter} onChange={change} />
      <CallFilters filter={filter} onChange={change} />
      <InheritanceFilter filter={filter} members={detail.members} onChange={change} />
      <button type="button" onClick={() => void setFilter({})} data-testid="filter-clear">
        {t('caseReview.filters.clear')}
      </button>
    </section>
  );
}

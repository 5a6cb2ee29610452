import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { emptyAuditFilter } from '../../store/auditSlice';
import { typeLabel } from './auditFormat';

/** Type, date range and text filters of the audit log; each change asks main again. */
export function AuditFilters(props: { readonly types: readonly string[] }) {
  const { t } = useTranslation();
  const filter = useStore((s) => s.auditFilter);
  const setFilter = useStore((s) => s.setAuditFilter);
  const types =
    filter.type === '' || props.types.includes(filter.type)
      ? props.types
      : [...props.types, filter.type];
  return (
    <form
      role="search"
      aria-label={t('audit.filters')}
      className="audit-filters"
      onSubmit={(e) => e.preventDefault()}
      data-testid="audit-filters"
    >
      <label>
        {t('audit.type')}
        <select
          value={filter.type}
          onChange={(e) => void setFilter({ type: e.target.value })}
          data-testid="audit-filter-type"
        >
          <option value="">{t('audit.allTypes')}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type, t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('audit.from')}
        <input
          type="date"
          value={filter.from}
          onChange={(e) => void setFilter({ from: e.target.value })}
          data-testid="audit-filter-from"
        />
      </label>
      <label>
        {t('audit.to')}
        <input
          type="date"
          value={filter.to}
          onChange={(e) => void setFilter({ to: e.target.value })}
          data-testid="audit-filter-to"
        />
      </label>
      <label>
        {t('audit.text')}
        <input
          type="search"
          value={filter.text}
          placeholder={t('audit.textPlaceholder')}
          onChange={(e) => void setFilter({ text: e.target.value })}
          data-testid="audit-filter-text"
        />
      </label>
      <button
        type="button"
        onClick={() => void setFilter(emptyAuditFilter)}
        data-testid="audit-filter-clear"
      >
        {t('audit.clear')}
      </button>
    </form>
  );
}

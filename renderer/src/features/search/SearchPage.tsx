import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import '../../styles/search.css';
import { CountryPlot } from './CountryPlot';
import { NodeResults } from './NodeResults';
import { QueryBuilder } from './QueryBuilder';
import { QueryFiles } from './QueryFiles';
import { RecentQueries } from './RecentQueries';
import { RecordTable } from './RecordTable';
import { SearchSummary } from './SearchSummary';

/** Federated search: build a query, watch each node answer, read the aggregate and the records. */
export function SearchPage() {
  const { t } = useTranslation();
  const error = useStore((s) => s.searchError);
  const running = useStore((s) => s.searchRun !== undefined);
  const otherError = error !== undefined && error.where === undefined ? error.message : undefined;
  return (
    <div className="search-page">
      <div className="search-side">
        <QueryBuilder />
        <QueryFiles />
        <RecentQueries />
      </div>
      <div className="search-results">
        {otherError === undefined ? null : (
          <p className="field-error" role="alert">
            {otherError}
          </p>
        )}
        {running ? null : <p className="hint">{t('search.intro')}</p>}
        <SearchSummary />
        <NodeResults />
        <CountryPlot />
        <RecordTable />
      </div>
    </div>
  );
}

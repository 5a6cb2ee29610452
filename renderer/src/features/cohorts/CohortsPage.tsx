import { useTranslation } from 'react-i18next';
import '../../styles/cohorts.css';
import { CacheList } from './CacheList';
import { CohortBuilder } from './CohortBuilder';
import { CohortResults } from './CohortResults';
import { ExportPanel } from './ExportPanel';
import { PullPanel } from './PullPanel';
import { SavedCohorts } from './SavedCohorts';
import { SqlConsole } from './SqlConsole';
import { useCohortsData } from './useCohortsData';

/** The cohorts page: the local cache, pulls into it, and the offline cohort builder over it. */
export function CohortsPage() {
  const { t } = useTranslation();
  useCohortsData();
  return (
    <div className="cohorts-page" data-testid="cohorts-page">
      <p className="hint">{t('cohorts.intro')}</p>
      <CacheList />
      <PullPanel />
      <CohortBuilder />
      <CohortResults />
      <SavedCohorts />
      <ExportPanel />
      <SqlConsole />
    </div>
  );
}

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { FederationPage } from './features/federation/FederationPage';
import { SearchPage } from './features/search/SearchPage';
import { SettingsPage } from './features/settings/SettingsPage';
import type { PageId } from './routes';

// The heavy pages load on first visit: the cohort builder carries the whole HPO table and the
// duckdb-wasm client, the case review and genome browser their parsers and igv glue. The shell,
// sign-in and search paint without them.
const CohortsPage = lazy(async () => ({
  default: (await import('./features/cohorts/CohortsPage')).CohortsPage,
}));
const CaseReviewPage = lazy(async () => ({
  default: (await import('./features/caseReview/CaseReviewPage')).CaseReviewPage,
}));
const GenomeBrowserPage = lazy(async () => ({
  default: (await import('./features/genomeBrowser/GenomeBrowserPage')).GenomeBrowserPage,
}));

function Page(props: { readonly page: PageId }) {
  switch (props.page) {
    case 'federation':
      return <FederationPage />;
    case 'search':
      return <SearchPage />;
    case 'cohorts':
      return <CohortsPage />;
    case 'case-review':
      return <CaseReviewPage />;
    case 'browser':
      return <GenomeBrowserPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** The page component for a route; a lazily loaded page says so while its code arrives. */
export function PageContent(props: { readonly page: PageId }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('app.loadingPage')}</p>}>
      <Page page={props.page} />
    </Suspense>
  );
}

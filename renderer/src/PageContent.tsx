import { BrowserPage } from './features/browser/BrowserPage';
import { CaseReviewPage } from './features/caseReview/CaseReviewPage';
import { CohortsPage } from './features/cohorts/CohortsPage';
import { FederationPage } from './features/access/FederationPage';
import { SearchPage } from './features/search/SearchPage';
import { SettingsPage } from './features/settings/SettingsPage';
import type { PageId } from './routes';

/** The page component for a route. */
export function PageContent(props: { readonly page: PageId }) {
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
      return <BrowserPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

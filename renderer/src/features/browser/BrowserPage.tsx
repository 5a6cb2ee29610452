import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** The browser page. */
export function BrowserPage() {
  const { t } = useTranslation();
  return <EmptyState text={t('pages.browser.empty')} hint={t('pages.browser.next')} />;
}

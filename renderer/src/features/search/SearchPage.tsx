import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** The search page. */
export function SearchPage() {
  const { t } = useTranslation();
  return <EmptyState text={t('pages.search.empty')} hint={t('pages.search.next')} />;
}

import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** The cohorts page. */
export function CohortsPage() {
  const { t } = useTranslation();
  return <EmptyState text={t('pages.cohorts.empty')} hint={t('pages.cohorts.next')} />;
}

import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** The case-review page. */
export function CaseReviewPage() {
  const { t } = useTranslation();
  return <EmptyState text={t('pages.case-review.empty')} hint={t('pages.case-review.next')} />;
}

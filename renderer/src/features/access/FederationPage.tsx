import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';

/** The federation page. */
export function FederationPage() {
  const { t } = useTranslation();
  return <EmptyState text={t('pages.federation.empty')} hint={t('pages.federation.next')} />;
}

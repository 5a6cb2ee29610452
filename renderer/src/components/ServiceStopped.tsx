import { useTranslation } from 'react-i18next';

/**
 * The local service went away under an open tab (issue 13): the app is gone from the page, the
 * decrypted data is being (or has been) removed, and the way back is a new start.
 */
export function ServiceStopped(props: { readonly cleared: boolean }) {
  const { t } = useTranslation();
  return (
    <main className="service-notice" data-testid="service-stopped" role="alert">
      <h1>{t('service.stoppedTitle')}</h1>
      <p>{t('service.stoppedBody')}</p>
      <p data-testid={props.cleared ? 'service-stopped-cleared' : 'service-stopped-clearing'}>
        {props.cleared ? t('service.cleared') : t('service.clearing')}
      </p>
      <p>{t('service.stoppedHow')}</p>
    </main>
  );
}

import { useTranslation } from 'react-i18next';
import type { LaunchProblem } from '../api/serviceState';

/**
 * Browser mode opened without this run's launch link (a bookmark, a used link, an earlier run's
 * tab): why the app cannot open here, and how to open it (issue 13).
 */
export function LaunchRequired(props: { readonly problem: LaunchProblem }) {
  const { t } = useTranslation();
  return (
    <main className="service-notice" data-testid="launch-required">
      <h1>{t('service.launchTitle')}</h1>
      <p data-testid="launch-problem">{t(`service.problem.${props.problem}`)}</p>
      <h2>{t('service.howTitle')}</h2>
      <ol>
        <li>{t('service.howStart')}</li>
        <li>{t('service.howWindow')}</li>
        <li>{t('service.howRunning')}</li>
      </ol>
    </main>
  );
}

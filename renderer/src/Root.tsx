import { useTranslation } from 'react-i18next';
import { App } from './App';
import { LaunchRequired } from './components/LaunchRequired';
import { ServiceStopped } from './components/ServiceStopped';
import { useClearWhenStopped } from './hooks/useClearWhenStopped';
import { useServiceState } from './hooks/useServiceState';

/** The app once the page is connected to main; otherwise what keeps it from being (issue 13). */
export function Root() {
  const { t } = useTranslation();
  const state = useServiceState();
  const cleared = useClearWhenStopped(state.kind === 'stopped');
  switch (state.kind) {
    case 'starting':
      return (
        <p className="service-notice" data-testid="service-starting">
          {t('service.starting')}
        </p>
      );
    case 'launch-required':
      return <LaunchRequired problem={state.problem} />;
    case 'stopped':
      return <ServiceStopped cleared={cleared} />;
    case 'ready':
      return <App />;
  }
}

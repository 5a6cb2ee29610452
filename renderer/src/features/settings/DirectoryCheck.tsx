import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/**
 * Checks the federation directory address (issue 13): what it lists (brokers, nodes) or why it
 * cannot be used. Settings runs the same check before it keeps a new address.
 */
export function DirectoryCheck(props: { readonly url: string; readonly locked: boolean }) {
  const { t } = useTranslation();
  const check = useStore((s) => s.directoryCheck);
  const checkDirectory = useStore((s) => s.checkDirectory);
  const shown = check.state === 'found' ? check.found.url : check.state === 'idle' ? '' : check.url;
  return (
    <div className="form-actions" data-testid="directory-check">
      {props.locked || props.url === '' ? null : (
        <button
          type="button"
          className="secondary"
          data-testid="directory-check-run"
          disabled={check.state === 'checking'}
          onClick={() => void checkDirectory(props.url)}
        >
          {t('settings.directoryCheck')}
        </button>
      )}
      {shown !== props.url ? null : check.state === 'checking' ? (
        <span role="status">{t('settings.directoryChecking', { url: check.url })}</span>
      ) : check.state === 'found' ? (
        <span role="status" data-testid="directory-found">
          {t('settings.directoryFound', {
            url: check.found.url,
            brokers: t('settings.directoryBrokers', { count: check.found.brokers.length }),
            brokerNames: check.found.brokers.map((b) => b.name).join(', '),
            nodes: t('settings.directoryNodes', { count: check.found.nodes.length }),
            nodeIds: check.found.nodes.map((n) => n.id).join(', '),
          })}
        </span>
      ) : check.state === 'failed' ? (
        <span role="alert" className="form-error" data-testid="directory-failed">
          {t('settings.directoryFailed', { message: check.message })}
        </span>
      ) : null}
    </div>
  );
}

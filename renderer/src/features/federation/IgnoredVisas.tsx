import { useTranslation } from 'react-i18next';
import type { IgnoredVisa } from '../../../../shared/auth/session';

/** Visas the app did not use, each with its reason (PASS-02: never silently dropped). */
export function IgnoredVisas(props: { readonly visas: readonly IgnoredVisa[] }) {
  const { t } = useTranslation();
  if (props.visas.length === 0) return null;
  return (
    <details className="panel" data-testid="ignored-visas">
      <summary>{t('access.ignoredVisas', { count: props.visas.length })}</summary>
      <ul>
        {props.visas.map((visa, index) => (
          <li key={`${visa.type}-${String(index)}`}>
            <strong>{visa.type}</strong> {visa.value ?? ''}{' '}
            <span className="hint">({visa.issuer})</span>: {visa.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

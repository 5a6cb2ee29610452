import { useTranslation } from 'react-i18next';
import type { IgnoredVisa } from '../../../../shared/auth/session';
import { AsWritten } from '../../components/AsWritten';
import { codedText } from '../../i18n/codedText';

/**
 * Visas the app did not use, each with its reason (PASS-02: never silently dropped), worded from
 * main's code in the reader's language (issue 22, decision 0071).
 */
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
            <span className="hint">({visa.issuer})</span>:{' '}
            {visa.said === undefined ? (
              // A reason main sent without a code (an earlier version): its English as written.
              <AsWritten text={visa.reason} from="reported" />
            ) : (
              codedText(t, 'visa', visa.said, visa.reason)
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

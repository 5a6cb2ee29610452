import { useTranslation } from 'react-i18next';
import type { AuditList } from '../../../../shared/audit/auditLog';
import { timeText } from './auditFormat';
import { auditBreakText } from '../../i18n/auditBreakText';

/**
 * The result of verifying the audit chain, recomputed by main each time the page lists it (issue 12
 * item 10): intact and sealed, intact with entries not sealed yet, or where it breaks.
 */
export function AuditVerdictBanner(props: {
  readonly audit: AuditList;
  readonly onShowLine: (line: number) => void;
}) {
  const { t } = useTranslation();
  const { verdict, breaks } = props.audit;
  return (
    <div className="audit-verdict" data-testid="audit-verdict" data-ok={String(verdict.ok)}>
      {verdict.ok ? (
        <p role="status" className="audit-ok">
          {verdict.entries === 0
            ? t('audit.verdict.empty')
            : !verdict.keyChecked
              ? t('audit.verdict.unchecked', { count: verdict.entries })
              : verdict.sealedThrough < verdict.entries
                ? t('audit.verdict.partly', {
                    count: verdict.entries,
                    from: verdict.sealedThrough + 1,
                    to: verdict.entries,
                  })
                : t('audit.verdict.sealed', { count: verdict.entries })}
        </p>
      ) : (
        <div role="alert" className="audit-broken">
          <p data-testid="audit-break">
            {t('audit.verdict.broken', { line: verdict.line, message: auditBreakText(t, verdict) })}
          </p>
          <button
            type="button"
            onClick={() => props.onShowLine(verdict.line)}
            data-testid="audit-show-break"
          >
            {t('audit.verdict.showLine', { line: verdict.line })}
          </button>
        </div>
      )}
      {breaks.length === 0 ? null : (
        <div className="audit-recorded" data-testid="audit-recorded-breaks">
          <p>{t('audit.verdict.recorded')}</p>
          <ul>
            {breaks.map((b) => {
              // The recorded reason is a code (issue 22, decision 0077): a code this window does
              // not know is shown as recorded.
              const reason = t(`audit.verdict.reason.${b.reason}`, { defaultValue: b.reason });
              return (
                <li key={b.seq} data-reason={b.reason}>
                  {b.line === undefined
                    ? t('audit.verdict.recordedItem', { when: timeText(b.t), reason })
                    : t('audit.verdict.recordedLine', {
                        when: timeText(b.t),
                        line: b.line,
                        reason,
                      })}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

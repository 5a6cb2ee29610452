import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { emptyAuditFilter } from '../../store/auditSlice';
import '../../styles/audit.css';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AuditVerdictBanner } from './AuditVerdictBanner';

/**
 * The audit log on the Settings & audit page (issue 13): its verification, filters and entries.
 * Listed again whenever the signed-in user changes, because sealed fields are shown only to their
 * owner.
 */
export function AuditLogPanel() {
  const { t } = useTranslation();
  const audit = useStore((s) => s.audit);
  const error = useStore((s) => s.auditError);
  const load = useStore((s) => s.loadAudit);
  const setFilter = useStore((s) => s.setAuditFilter);
  const viewer = useStore((s) =>
    s.session?.state === 'signed-in' ? s.session.user?.sub : undefined,
  );
  const [jump, setJump] = useState<{ line: number; at: number }>();
  useEffect(() => {
    void load();
  }, [load, viewer]);

  const showLine = (line: number): void => {
    void setFilter(emptyAuditFilter).then(() => setJump({ line, at: Date.now() }));
  };
  return (
    <section aria-labelledby="audit-heading" className="audit-panel" data-testid="audit-panel">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <p>{t('audit.intro')}</p>
      {error === undefined ? null : (
        <p role="alert" className="form-error" data-testid="audit-error">
          {t('audit.loadFailed', { message: error })}
        </p>
      )}
      {audit === undefined ? null : (
        <>
          <AuditVerdictBanner audit={audit} onShowLine={showLine} />
          <p className="hint">{t('audit.file', { file: audit.file })}</p>
          <AuditFilters types={audit.types} />
          <div className="form-actions">
            <p role="status" data-testid="audit-count">
              {audit.total === 0
                ? t('audit.empty')
                : audit.matched === 0
                  ? t('audit.noMatch')
                  : t('audit.count', {
                      shown: audit.rows.length,
                      count: audit.matched,
                      total: audit.total,
                    })}
            </p>
            <button type="button" onClick={() => void load()} data-testid="audit-refresh">
              {t('audit.refresh')}
            </button>
          </div>
          {audit.rows.length === 0 ? null : <AuditTable audit={audit} jump={jump} />}
        </>
      )}
    </section>
  );
}

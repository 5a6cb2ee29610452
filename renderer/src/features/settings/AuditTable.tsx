import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditList, AuditRow } from '../../../../shared/audit/auditLog';
import { fieldsText, privateText, timeText, typeLabel } from './auditFormat';

const ESTIMATED_ROW = 44;
const GRID = '4rem 12rem 10rem minmax(0, 1fr) 7rem';

/**
 * Audit entries, newest first, virtualised (a long log keeps only the visible rows in the DOM;
 * rows wrap, so each is measured). The line where the chain breaks is marked, and `jump` scrolls it
 * into view.
 */
export function AuditTable(props: {
  readonly audit: AuditList;
  readonly jump: { line: number; at: number } | undefined;
}) {
  const { t } = useTranslation();
  const { rows, verdict } = props.audit;
  const scroller = useRef<HTMLDivElement>(null);
  const breakLine = verdict.ok ? undefined : verdict.line;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component does not use the compiler.
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 8,
  });
  const { jump } = props;
  useEffect(() => {
    if (jump === undefined) return;
    const index = rows.findIndex((r) => r.line === jump.line);
    if (index >= 0) virtual.scrollToIndex(index, { align: 'center' });
  }, [jump, rows, virtual]);

  const seal = (r: AuditRow): string =>
    !verdict.keyChecked ? t('audit.unchecked') : r.sealed ? t('audit.sealed') : t('audit.unsealed');
  return (
    <div
      role="table"
      aria-label={t('audit.heading')}
      aria-rowcount={rows.length + 1}
      className="audit-table"
      data-testid="audit-table"
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className="audit-row header"
          style={{ gridTemplateColumns: GRID }}
        >
          {(['line', 'time', 'type', 'details', 'seal'] as const).map((c) => (
            <div key={c} role="columnheader">
              {t(`audit.columns.${c}`)}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        role="rowgroup"
        className="audit-scroller"
        tabIndex={0}
        aria-label={t('audit.scroll')}
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const r = rows[item.index] as AuditRow;
            const broken = r.line === breakLine;
            const secret = privateText(r, t);
            return (
              <div
                key={r.line}
                ref={virtual.measureElement}
                data-index={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className={broken ? 'audit-row break' : 'audit-row'}
                data-testid="audit-row"
                data-line={r.line}
                data-type={r.type}
                style={{ gridTemplateColumns: GRID, transform: `translateY(${item.start}px)` }}
              >
                <div role="cell">{r.line}</div>
                <div role="cell">{timeText(r.t)}</div>
                <div role="cell">{typeLabel(r.type, t)}</div>
                <div role="cell" className="audit-details">
                  {broken ? (
                    <strong className="audit-break-mark">{t('audit.breakHere')} </strong>
                  ) : null}
                  <span>{fieldsText(r.fields)}</span>
                  {secret === undefined ? null : (
                    <span
                      className="audit-private"
                      data-testid="audit-private"
                      data-state={r.private?.state}
                    >
                      {secret}
                    </span>
                  )}
                </div>
                <div role="cell">{seal(r)}</div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

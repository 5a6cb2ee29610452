import { useCallback, useMemo, useState } from 'react';
import { download } from '../../components/download';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/channels';
import { useStore } from '../../store';
import { EXPORT_ROWS, TABLE_ROWS, TABLE_WINDOW } from './caseQueries';
import { variantsTsv } from './exportRows';
import { FilterPanel } from './FilterPanel';
import { openVariantInBrowser } from './openInBrowser';
import { RankView } from './RankView';
import { SeenView } from './seen/SeenView';
import { VariantTable } from './VariantTable';
import { CaseWorkView } from './work/CaseWorkView';

import { GermlineView } from '../cancer/GermlineView';
import { SomaticView } from '../cancer/SomaticView';

const TABS = ['somatic', 'germline', 'variants', 'rank', 'work', 'seen'] as const;
type Tab = (typeof TABS)[number];
/**
 * A cancer case opens on its somatic calls, its germline tab beside them (issue 19); a germline
 * case has neither tab.
 */
const tabsOf = (d: CaseDetail): readonly Tab[] =>
  d.cancer === undefined ? TABS.filter((x) => x !== 'somatic' && x !== 'germline') : TABS;

/** The kept variants under the filters, with the counts and what the table shows of them. */
function Variants({ detail }: { readonly detail: CaseDetail }) {
  const { t } = useTranslation();
  const rows = useStore((s) => s.caseRows);
  const busy = useStore((s) => s.caseBusy);
  const error = useStore((s) => s.caseQueryError);
  const sort = useStore((s) => s.caseSort);
  const setSort = useStore((s) => s.setCaseSort);
  const summary = useStore((s) => s.rank.summary);
  const recordExport = useStore((s) => s.recordCaseExport);
  const windows = useStore((s) => s.caseRowWindows);
  const loadCaseRows = useStore((s) => s.loadCaseRows);
  // A new filter result (rows) asks again for the rows in view, even when the view did not move.
  const loadRows = useCallback(
    (first: number, last: number) => {
      if (rows !== undefined) void loadCaseRows(first, last);
    },
    [loadCaseRows, rows],
  );
  const exportRows = useStore((s) => s.caseExportRows);
  const [exportError, setExportError] = useState<string | undefined>();
  const ranks = useMemo(
    () => new Map((summary?.genes ?? []).map((g) => [g.symbol, g.rank])),
    [summary],
  );
  return (
    <div className="case-variants">
      <FilterPanel detail={detail} />
      <section className="case-results" aria-label={t('caseReview.table.label')}>
        {error === undefined ? null : (
          <p role="alert" className="form-error" data-testid="case-query-error">
            {t('caseReview.table.failed', { error })}
          </p>
        )}
        <p className="hint" data-testid="case-table-note" data-busy={busy ? 'true' : 'false'}>
          {busy
            ? t('caseReview.table.busy')
            : rows === undefined
              ? ''
              : rows.truncated
                ? t('caseReview.table.truncated', {
                    shown: TABLE_ROWS,
                    count: rows.kept,
                  })
                : t('caseReview.table.shown', {
                    count: rows.kept,
                    ms: Math.round(rows.ms),
                  })}
        </p>
        {rows === undefined || rows.kept === 0 ? null : (
          <button
            type="button"
            onClick={() =>
              // Audited first (case.export): a file the audit log does not know never leaves.
              void recordExport(detail.caseId, Math.min(rows.kept, EXPORT_ROWS))
                .then(async (error) => {
                  setExportError(error);
                  if (error !== undefined) return;
                  download(
                    `${detail.caseId}-variants.tsv`,
                    variantsTsv(await exportRows(), ranks),
                    'text/tab-separated-values',
                  );
                })
                .catch((e: unknown) => setExportError(e instanceof Error ? e.message : String(e)))
            }
            data-testid="case-export"
          >
            {t('caseReview.table.export', { count: Math.min(rows.kept, EXPORT_ROWS) })}
          </button>
        )}
        {exportError === undefined ? null : (
          <p role="alert" className="form-error">
            {exportError}
          </p>
        )}
        {rows === undefined ? null : (
          <VariantTable
            count={Math.min(rows.kept, TABLE_ROWS)}
            rowAt={(i) => windows.get(Math.floor(i / TABLE_WINDOW))?.[i % TABLE_WINDOW]}
            onRange={loadRows}
            ranks={ranks}
            sort={sort}
            onSort={(s) => void setSort(s)}
            onOpen={(r) => openVariantInBrowser(detail, r, t)}
            busy={busy}
          />
        )}
      </section>
    </div>
  );
}

/** The open case: who, what was imported, and its views (variants, rank, review and report). */
export function CaseView({ detail }: { readonly detail: CaseDetail }) {
  const { t } = useTranslation();
  const close = useStore((s) => s.closeCase);
  const tabs = tabsOf(detail);
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'variants');
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    // Left goes back, Right goes on (WAI-ARIA tabs).
    const step = e.key === 'ArrowRight' ? 1 : tabs.length - 1;
    const next = tabs[(tabs.indexOf(tab) + step) % tabs.length] ?? 'variants';
    setTab(next);
    document.getElementById(`case-tab-${next}`)?.focus();
  };
  const members = detail.members
    .map((m) => `${m.member} (${t(`caseReview.role.${m.role}`)})`)
    .join(', ');
  return (
    <section className="case-view" aria-labelledby="case-view-heading" data-testid="case-view">
      <div className="case-view-header">
        <h2 id="case-view-heading">
          {t('caseReview.view.heading', { caseId: detail.caseId, patient: detail.patientId })}
        </h2>
        <button type="button" onClick={close} data-testid="case-close">
          {t('caseReview.view.close')}
        </button>
      </div>
      <p className="hint" data-testid="case-facts">
        {t('caseReview.view.facts', {
          sex: t(`cohorts.sex.${detail.sex}`),
          members,
          vcf: detail.vcf.name,
          version: detail.vcf.version,
          variants: t('caseReview.view.imported', { count: detail.variants }),
          skipped: t('caseReview.view.skipped', { count: detail.vcf.skipped }),
          ped: detail.pedName ?? t('caseReview.view.noPed'),
        })}
      </p>
      {detail.note === '' ? null : <p className="case-note">{detail.note}</p>}
      <div role="tablist" aria-label={t('caseReview.view.tabs')} onKeyDown={onTabKey}>
        {tabs.map((x) => (
          <button
            key={x}
            id={`case-tab-${x}`}
            type="button"
            role="tab"
            aria-selected={tab === x}
            aria-controls={`case-panel-${x}`}
            tabIndex={tab === x ? 0 : -1}
            onClick={() => setTab(x)}
            data-testid={`case-tab-${x}`}
          >
            {t(`caseReview.view.tab.${x}`)}
          </button>
        ))}
      </div>
      {tabs.map((x) => (
        <div
          key={x}
          id={`case-panel-${x}`}
          role="tabpanel"
          aria-labelledby={`case-tab-${x}`}
          hidden={tab !== x}
        >
          {tab !== x ? null : x === 'somatic' ? (
            <SomaticView detail={detail} />
          ) : x === 'germline' ? (
            <GermlineView detail={detail} />
          ) : x === 'variants' ? (
            <Variants detail={detail} />
          ) : x === 'seen' ? (
            <SeenView detail={detail} />
          ) : x === 'rank' ? (
            <RankView detail={detail} />
          ) : (
            <CaseWorkView detail={detail} />
          )}
        </div>
      ))}
    </section>
  );
}

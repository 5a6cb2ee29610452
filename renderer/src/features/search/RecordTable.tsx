import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordRow } from '../../../../shared/search/results';
import { useStore } from '../../store';
import { recordCoverage } from './recordCoverage';
import { RecordDetails } from './RecordDetails';
import { INDIVIDUAL_COLUMNS, VARIANT_COLUMNS, sortRows, type Column } from './recordColumns';

const ROW_HEIGHT = 36;

const rowKey = (r: RecordRow): string => `${r.nodeId}/${r.datasetId}/${r.id}`;

/**
 * Record-level rows from every node that returned records, each with its provenance (node,
 * dataset). Virtualised (only visible rows are in the DOM) and sortable by any column. It says
 * what the rows are (the first page of each dataset) and a row opens its detail view (issue 13).
 */
export function RecordTable() {
  const { t } = useTranslation();
  const nodes = useStore((s) => s.searchNodes);
  const target = useStore((s) => s.searchRun?.query.target);
  const [sort, setSort] = useState<{ key: string; dir: 'ascending' | 'descending' } | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const scroller = useRef<HTMLDivElement>(null);
  const columns = target === 'g_variants' ? VARIANT_COLUMNS : INDIVIDUAL_COLUMNS;
  const all = useMemo(() => nodes.flatMap((n) => n.records ?? []), [nodes]);
  const rows = useMemo(
    () =>
      sortRows(
        all,
        columns.find((c) => c.key === sort?.key),
        sort?.dir ?? 'ascending',
      ),
    [all, columns, sort],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component does not use the compiler.
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  if (rows.length === 0) return null;
  const grid = columns.map((c) => c.width).join(' ');
  const truncated = nodes.some((n) => n.recordsTruncated === true);
  const coverage = recordCoverage(nodes);
  const selected = rows.find((r) => rowKey(r) === open);
  const onSort = (c: Column): void =>
    setSort((s) => ({
      key: c.key,
      dir: s?.key === c.key && s.dir === 'ascending' ? 'descending' : 'ascending',
    }));
  return (
    <section className="record-table" aria-labelledby="record-table-heading">
      <h2 id="record-table-heading">{t('search.records.heading', { count: rows.length })}</h2>
      <div className="hint" data-testid="search-records-coverage">
        <p>{t('search.records.coverage')}</p>
        <ul>
          {coverage.map((c) => (
            <li key={`${c.nodeId}/${c.datasetId}`}>
              {t(
                c.all
                  ? 'search.records.coverageAll'
                  : c.total === undefined
                    ? 'search.records.coverageUnknown'
                    : 'search.records.coverageItem',
                { dataset: c.datasetId, node: c.nodeId, received: c.received, total: c.total },
              )}
            </li>
          ))}
        </ul>
      </div>
      {truncated ? <p className="hint">{t('search.records.truncated')}</p> : null}
      <div
        role="table"
        aria-labelledby="record-table-heading"
        aria-rowcount={rows.length + 1}
        data-testid="search-records"
      >
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className="record-row header"
            style={{ gridTemplateColumns: grid }}
          >
            {columns.map((c) => (
              <div
                key={c.key}
                role="columnheader"
                aria-sort={sort?.key === c.key ? sort.dir : 'none'}
              >
                <button
                  type="button"
                  onClick={() => onSort(c)}
                  data-testid={`search-sort-${c.key}`}
                >
                  {t(c.header)}
                </button>
              </div>
            ))}
          </div>
        </div>
        <div
          ref={scroller}
          role="rowgroup"
          className="record-scroller"
          tabIndex={0}
          aria-label={t('search.records.scroll')}
        >
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const r = rows[item.index] as RecordRow;
              return (
                <div
                  key={rowKey(r)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={open === rowKey(r)}
                  className="record-row"
                  data-testid="search-record-row"
                  onClick={() => setOpen(rowKey(r))}
                  style={{
                    gridTemplateColumns: grid,
                    transform: `translateY(${item.start}px)`,
                    height: ROW_HEIGHT,
                  }}
                >
                  {columns.map((c, i) => (
                    <div
                      key={c.key}
                      role="cell"
                      title={display(c, r)}
                      translate={c.data === true ? 'no' : undefined}
                    >
                      {i === 0 ? (
                        <button
                          type="button"
                          className="link"
                          aria-label={t('search.records.open', { id: r.id })}
                          data-testid="search-record-open"
                          onClick={(e) => {
                            e.stopPropagation();
                            setOpen(rowKey(r));
                          }}
                        >
                          {display(c, r) === '' ? r.id : display(c, r)}
                        </button>
                      ) : (
                        display(c, r)
                      )}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {selected === undefined ? null : (
        <RecordDetails row={selected} onClose={() => setOpen(undefined)} />
      )}
    </section>
  );
}

function display(c: Column, r: RecordRow): string {
  if (c.text !== undefined) return c.text(r);
  const v = c.value(r);
  if (c.key === 'frequency') return typeof v === 'number' && v >= 0 ? v.toPrecision(3) : '';
  return String(v);
}

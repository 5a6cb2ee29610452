import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortRow } from '../../../../shared/cohorts/exportFormats';

const ROW_HEIGHT = 34;
type Key = keyof CohortRow;
const COLUMNS: { key: Key; width: string }[] = [
  { key: 'individual_id', width: '12rem' },
  { key: 'sex', width: '6rem' },
  { key: 'country', width: '5rem' },
  { key: 'age_band', width: '6rem' },
  { key: 'phenotypes', width: '1fr' },
  { key: 'diseases', width: '10rem' },
  { key: 'dataset_id', width: '8rem' },
  { key: 'node_id', width: '5rem' },
];
const cell = (v: CohortRow[Key]): string => (Array.isArray(v) ? v.join('; ') : (v ?? ''));

/** The cohort's individuals with provenance: virtualised (only visible rows in the DOM), sortable. */
export function CohortTable(props: { readonly rows: readonly CohortRow[] }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: Key; dir: 'ascending' | 'descending' }>();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    if (sort === undefined) return props.rows;
    const sign = sort.dir === 'ascending' ? 1 : -1;
    return [...props.rows].sort(
      (a, b) => sign * cell(a[sort.key]).localeCompare(cell(b[sort.key])),
    );
  }, [props.rows, sort]);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component does not use the compiler.
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  if (rows.length === 0) return null;
  const grid = COLUMNS.map((c) => c.width).join(' ');
  return (
    <div
      role="table"
      aria-label={t('cohorts.table.label')}
      aria-rowcount={rows.length + 1}
      data-testid="cohort-rows"
      className="cohort-table"
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className="record-row header"
          style={{ gridTemplateColumns: grid }}
        >
          {COLUMNS.map((c) => (
            <div
              role="columnheader"
              key={c.key}
              aria-sort={sort?.key === c.key ? sort.dir : 'none'}
            >
              <button
                type="button"
                onClick={() =>
                  setSort((s) => ({
                    key: c.key,
                    dir: s?.key === c.key && s.dir === 'ascending' ? 'descending' : 'ascending',
                  }))
                }
              >
                {t(`cohorts.table.${c.key}`)}
              </button>
            </div>
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        ref={scroller}
        className="record-scroller"
        style={{ height: '24rem', overflow: 'auto' }}
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((v) => {
            const r = rows[v.index];
            if (r === undefined) return null;
            return (
              <div
                role="row"
                key={`${r.dataset_id}/${r.individual_id}`}
                aria-rowindex={v.index + 2}
                className="record-row"
                style={{
                  gridTemplateColumns: grid,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${String(v.start)}px)`,
                }}
              >
                {COLUMNS.map((c) => (
                  <div role="cell" key={c.key}>
                    {cell(r[c.key])}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

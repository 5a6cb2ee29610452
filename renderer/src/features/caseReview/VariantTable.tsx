import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseVariantRow } from '../../../../shared/cases/channels';
import type { RowSort } from '../../../../shared/cases/reviewSql';
import { useGridKeys } from './useGridKeys';
import { VARIANT_COLUMNS } from './variantColumns';

const ROW_HEIGHT = 32;
const VIEW_ROWS = 14;

/**
 * The case's kept variants (issue 16): a WAI-ARIA grid, virtualised (only the rows in view are in
 * the DOM) over every kept row, whose data is loaded a window at a time as rows come into view
 * (`rowAt` is undefined until then; `onRange` asks for them); sorted in SQL over every kept allele
 * by any column, one tab stop with arrow-key movement; Enter (or a double click) opens the variant
 * in the Browser.
 */
export function VariantTable(props: {
  /** Rows in the table (kept rows, up to TABLE_ROWS). */
  readonly count: number;
  readonly rowAt: (index: number) => CaseVariantRow | undefined;
  /** The rows `first`..`last` are in view (or about to be): load them. */
  readonly onRange: (first: number, last: number) => void;
  readonly ranks: ReadonlyMap<string, number>;
  readonly sort: RowSort;
  readonly onSort: (sort: RowSort) => void;
  readonly onOpen: (row: CaseVariantRow) => void;
  readonly busy: boolean;
}) {
  const { t } = useTranslation();
  const { count, rowAt, onRange, sort } = props;
  const cols = VARIANT_COLUMNS.length;
  const sortBy = (col: number): void => {
    const key = VARIANT_COLUMNS[col]?.sort;
    if (key === undefined) return;
    const dir = sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc';
    props.onSort({ key, dir });
  };
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component does not use the compiler.
  const virtual = useVirtualizer({
    count,
    // The grid itself scrolls (its header row sticks), so the scroll region holds the grid's tab
    // stop and is keyboard-reachable (axe: scrollable-region-focusable).
    getScrollElement: () => keys.grid.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const keys = useGridKeys({
    rows: count,
    cols,
    pageRows: VIEW_ROWS - 1,
    reveal: (row) => virtual.scrollToIndex(row, { align: 'auto' }),
    activate: ({ row, col }) => {
      if (row < 0) sortBy(col);
      else {
        const r = rowAt(row);
        if (r !== undefined) props.onOpen(r);
      }
    },
  });
  const items = virtual.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) onRange(first, last);
  }, [first, last, onRange]);
  const template = VARIANT_COLUMNS.map((c) => c.width).join(' ');
  // The active cell's row may be scrolled out of the rendered window: the grid itself is then the
  // tab stop, so the scroll region stays keyboard-reachable (axe: scrollable-region-focusable).
  const activeShown = keys.active.row < 0 || items.some((v) => v.index === keys.active.row);
  return (
    <div className="variant-table">
      <div
        ref={keys.grid}
        role="grid"
        aria-label={t('caseReview.table.label')}
        aria-rowcount={count + 1}
        aria-colcount={cols}
        aria-busy={props.busy}
        aria-describedby="case-variants-keys"
        tabIndex={activeShown ? undefined : 0}
        className="variant-grid"
        style={{ height: `${String((VIEW_ROWS + 1) * ROW_HEIGHT)}px`, overflow: 'auto' }}
        onKeyDown={keys.onKeyDown}
        data-testid="case-variants"
      >
        <div role="rowgroup" className="variant-head">
          <div
            role="row"
            aria-rowindex={1}
            className="variant-row header"
            style={{ gridTemplateColumns: template }}
          >
            {VARIANT_COLUMNS.map((c, col) => (
              <div
                role="columnheader"
                key={c.id}
                aria-colindex={col + 1}
                aria-sort={
                  c.sort !== undefined && sort.key === c.sort
                    ? sort.dir === 'asc'
                      ? 'ascending'
                      : 'descending'
                    : undefined
                }
                {...keys.cellProps(-1, col)}
                onClick={() => sortBy(col)}
                className={c.sort === undefined ? undefined : 'sortable'}
                // The full title: a fixed-width column may cut a longer language's word (issue 22).
                title={
                  c.sort === undefined
                    ? t(`caseReview.table.col.${c.id}`)
                    : `${t(`caseReview.table.col.${c.id}`)}: ${t('caseReview.table.sortHint')}`
                }
              >
                {t(`caseReview.table.col.${c.id}`)}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup">
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((v) => {
              const r = rowAt(v.index);
              const rank = r?.gene == null ? undefined : props.ranks.get(r.gene);
              return (
                <div
                  role="row"
                  key={v.index}
                  aria-rowindex={v.index + 2}
                  aria-busy={r === undefined ? true : undefined}
                  className={keys.active.row === v.index ? 'variant-row active' : 'variant-row'}
                  data-testid="case-variant-row"
                  data-variant={r?.variant_key ?? ''}
                  onDoubleClick={() => {
                    if (r !== undefined) props.onOpen(r);
                  }}
                  style={{
                    gridTemplateColumns: template,
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${String(v.start)}px)`,
                  }}
                >
                  {VARIANT_COLUMNS.map((c, col) => (
                    <div
                      role="gridcell"
                      key={c.id}
                      aria-colindex={col + 1}
                      // A value cut by its fixed-width column is shown whole on hover (issue 22).
                      title={r === undefined ? undefined : (c.title?.(r) ?? c.text(r, rank, t))}
                      {...keys.cellProps(v.index, col)}
                    >
                      {r === undefined
                        ? col === 0
                          ? t('caseReview.table.loadingRow')
                          : ''
                        : c.text(r, rank, t)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <p className="hint" id="case-variants-keys">
        {t('caseReview.table.keys')}
      </p>
    </div>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import type { TFunction } from 'i18next';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitAgeBand } from '../../../../shared/cohorts/ageBand';
import type { CohortRow } from '../../../../shared/cohorts/exportFormats';
import { codeLabel } from '../../../../shared/i18n/hpoLabel';
import { currentLocale } from '../../i18n';

const ROW_HEIGHT = 34;
type Key = keyof CohortRow;

/** A birth-year band is shown as such, an age band as an age: never "Age" for a birth decade. */
const bornOrAged = (v: string | null, t: TFunction): string => {
  const { birthYears, ageBand } = splitAgeBand(v);
  if (birthYears !== null) return t('cohorts.table.born', { years: birthYears });
  return ageBand === null ? '' : t('cohorts.table.aged', { band: ageBand });
};

/** Per column: what a person reads (labels, not raw codes; issue 13) and, for codes, the ids. */
const COLUMNS: {
  key: Key;
  width: string;
  text: (r: CohortRow, t: TFunction) => string;
  ids?: (r: CohortRow) => string;
}[] = [
  { key: 'individual_id', width: '12rem', text: (r) => r.individual_id },
  { key: 'sex', width: '6rem', text: (r, t) => t(`cohorts.sex.${r.sex}`, r.sex) },
  { key: 'country', width: '5rem', text: (r) => r.country },
  { key: 'age_band', width: '8rem', text: (r, t) => bornOrAged(r.age_band, t) },
  {
    key: 'phenotypes',
    width: '1fr',
    text: (r) => r.phenotypes.map((id) => codeLabel(id, currentLocale())).join('; '),
    ids: (r) => r.phenotypes.join('; '),
  },
  {
    key: 'diseases',
    width: '12rem',
    text: (r) => r.diseases.map((id) => codeLabel(id, currentLocale())).join('; '),
    ids: (r) => r.diseases.join('; '),
  },
  { key: 'dataset_id', width: '8rem', text: (r) => r.dataset_id },
  { key: 'node_id', width: '5rem', text: (r) => r.node_id },
];

/** The cohort's individuals with provenance: virtualised (only visible rows in the DOM), sortable. */
export function CohortTable(props: { readonly rows: readonly CohortRow[] }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: Key; dir: 'ascending' | 'descending' }>();
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    if (sort === undefined) return props.rows;
    const sign = sort.dir === 'ascending' ? 1 : -1;
    const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[0];
    const text = (r: CohortRow): string => column?.text(r, t) ?? '';
    return [...props.rows].sort((a, b) => sign * text(a).localeCompare(text(b)));
  }, [props.rows, sort, t]);
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
        // Keyboard users scroll the rows too (axe scrollable-region-focusable).
        tabIndex={0}
        aria-label={t('cohorts.table.scroll')}
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
                  // The whole value on hover, as a fixed-width column may cut it (issue 22);
                  // ontology labels (with ids) are data and stay in the ontology's language.
                  <div
                    role="cell"
                    key={c.key}
                    title={c.ids === undefined ? c.text(r, t) : `${c.text(r, t)} (${c.ids(r)})`}
                    translate={c.ids === undefined ? undefined : 'no'}
                  >
                    {c.text(r, t)}
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

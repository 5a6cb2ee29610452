import '../styles/plot.css';

/** One bar: its label, value, the text written beside it and, for a range, its whiskers. */
export interface PlotBar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** The interval a rounded value stands for (whiskers); omitted for exact values. */
  readonly min?: number;
  readonly max?: number;
  /** The value as written beside the bar and in the table. */
  readonly text: string;
}

const ROW = 28;
const PLOT_W = 360;
const GAP = 8;
/** Generous glyph widths at the plot's 12px font (user units), so labels fit in any UI font. */
const CHAR_W = 7.4;
const WIDE_W = 9.5;
const WIDE = /[A-Z0-9mw%]/g;
/** Longer labels are shortened with an ellipsis; the full label is in its tooltip and the table. */
const MAX_LABEL_W = 360;

const widthOf = (text: string): number =>
  Math.ceil(text.length * CHAR_W + (text.match(WIDE)?.length ?? 0) * (WIDE_W - CHAR_W));

/** The label, or as much of it as fits followed by an ellipsis. */
function fit(label: string, width: number): string {
  if (widthOf(label) <= width) return label;
  let n = label.length;
  while (n > 1 && widthOf(`${label.slice(0, n)}…`) > width) n -= 1;
  return `${label.slice(0, n)}…`;
}

/**
 * The app's horizontal bar plot (Search and Cohorts pages): theme colours in light and dark mode,
 * label and value columns sized to their text, and the same numbers as a table, either for screen
 * readers only or behind a disclosure anyone can open (`tableSummary`).
 */
export function BarPlot(props: {
  /** Prefix of the caption's and table's element ids. */
  readonly id: string;
  readonly testId: string;
  readonly title: string;
  readonly keyHeader: string;
  readonly valueHeader: string;
  readonly bars: readonly PlotBar[];
  readonly tableSummary?: string;
  /** The labels are data (country names, ontology labels), not wording: never translated (issue 22). */
  readonly dataLabels?: boolean;
}) {
  const { id, bars, title } = props;
  if (bars.length === 0) return null;
  const labelW = Math.min(MAX_LABEL_W, Math.max(...bars.map((b) => widthOf(b.label)))) + GAP;
  const textW = Math.max(...bars.map((b) => widthOf(b.text))) + 2 * GAP;
  const top = Math.max(...bars.map((b) => b.max ?? b.value)) || 1;
  const x = (v: number): number => labelW + (v / top) * PLOT_W;
  const width = labelW + PLOT_W + textW;
  const height = bars.length * ROW + 8;
  const table = (
    <table
      id={`${id}-table`}
      className={props.tableSummary === undefined ? 'visually-hidden' : 'data-table'}
      data-testid={`${props.testId}-table`}
    >
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{props.keyHeader}</th>
          <th scope="col">{props.valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b) => (
          <tr key={b.key}>
            <th scope="row" translate={props.dataLabels === true ? 'no' : undefined}>
              {b.label}
            </th>
            <td>{b.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <figure className="bar-plot" data-testid={props.testId}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-caption`}
        aria-describedby={`${id}-table`}
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        // Drawn at its own size so the text stays 12px; CSS shrinks it to a narrower column.
        width={width}
        height={height}
      >
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          const lo = b.min ?? b.value;
          const hi = b.max ?? b.value;
          const shown = fit(b.label, labelW - GAP);
          return (
            <g key={b.key}>
              <text
                x={labelW - GAP}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="middle"
                // React's SVG types lack the global translate attribute; HTML's meaning applies.
                {...(props.dataLabels === true ? { translate: 'no' } : {})}
              >
                {shown}
                {shown === b.label ? null : <title>{b.label}</title>}
              </text>
              <rect
                x={labelW}
                y={y + 4}
                width={Math.max(1, x(b.value) - labelW)}
                height={ROW - 8}
                className="bar"
              />
              {lo === hi ? null : (
                <line x1={x(lo)} x2={x(hi)} y1={y + ROW / 2} y2={y + ROW / 2} className="whisker" />
              )}
              <text x={x(hi) + 6} y={y + ROW / 2} dominantBaseline="middle">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
      {props.tableSummary === undefined ? (
        table
      ) : (
        <details>
          <summary>{props.tableSummary}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}

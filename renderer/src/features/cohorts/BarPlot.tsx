import type { KeyCount } from './runCohort';

const ROW = 26;
const LABEL_W = 230;
const PLOT_W = 300;
const TEXT_W = 60;

/**
 * An accessible horizontal bar plot: the SVG is an image described by the table next to it, which
 * screen readers read instead (and anyone can open to copy the numbers).
 */
export function BarPlot(props: {
  readonly id: string;
  readonly title: string;
  readonly keyHeader: string;
  readonly countHeader: string;
  readonly bars: readonly KeyCount[];
  readonly label?: (key: string) => string;
}) {
  const { id, title, bars } = props;
  if (bars.length === 0) return null;
  const top = Math.max(1, ...bars.map((b) => b.n));
  const label = props.label ?? ((k: string) => k);
  return (
    <figure className="cohort-plot" data-testid={`cohort-plot-${id}`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-caption`}
        aria-describedby={`${id}-table`}
        viewBox={`0 0 ${String(LABEL_W + PLOT_W + TEXT_W)} ${String(bars.length * ROW + 8)}`}
        width="100%"
      >
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          const w = Math.max(1, (b.n / top) * PLOT_W);
          return (
            <g key={b.key}>
              <text x={LABEL_W - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                {label(b.key)}
              </text>
              <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 8} className="bar" />
              <text x={LABEL_W + w + 6} y={y + ROW / 2} dominantBaseline="middle">
                {b.n}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{props.countHeader}</summary>
        <table id={`${id}-table`} data-testid={`cohort-table-${id}`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.keyHeader}</th>
              <th scope="col">{props.countHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{label(b.key)}</th>
                <td>{b.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

import { useTranslation } from 'react-i18next';
import { parseGenomic } from '../../../../shared/search/parseGenomic';
import { useStore } from '../../store';
import { countBars, frequencyBars, type Bar } from './plotData';

const ROW = 28;
const LABEL_W = 190;
const PLOT_W = 360;
const TEXT_W = 150;

/**
 * Horizontal bar plot per country: counts (whiskers span the interval behind a rounded count), or
 * allele frequency for a single-variant query. The same numbers are in a table for screen readers.
 */
export function CountryPlot() {
  const { t } = useTranslation();
  const nodes = useStore((s) => s.searchNodes);
  const run = useStore((s) => s.searchRun);
  if (run === undefined) return null;
  const parsed = parseGenomic(run.query.genomic);
  const afBars = parsed.ok && parsed.query.kind === 'variant' ? frequencyBars(nodes) : [];
  const frequency = afBars.length > 0;
  const bars: Bar[] = frequency ? afBars : countBars(nodes);
  if (bars.length === 0) return null;
  const top = Math.max(...bars.map((b) => b.max), frequency ? 0 : 1) || 1;
  const x = (v: number): number => LABEL_W + (v / top) * PLOT_W;
  const title = frequency ? t('search.plot.frequencyTitle') : t('search.plot.countTitle');
  return (
    <figure className="country-plot" data-testid="search-plot">
      <figcaption id="search-plot-caption">{title}</figcaption>
      <svg
        role="img"
        aria-labelledby="search-plot-caption"
        aria-describedby="search-plot-table"
        viewBox={`0 0 ${LABEL_W + PLOT_W + TEXT_W} ${bars.length * ROW + 8}`}
        width="100%"
      >
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          return (
            <g key={b.key}>
              <text x={LABEL_W - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                {b.label}
              </text>
              <rect
                x={LABEL_W}
                y={y + 4}
                width={Math.max(1, x(b.value) - LABEL_W)}
                height={ROW - 8}
                className="bar"
              />
              {b.min === b.max ? null : (
                <line
                  x1={x(b.min)}
                  x2={x(b.max)}
                  y1={y + ROW / 2}
                  y2={y + ROW / 2}
                  className="whisker"
                />
              )}
              <text x={x(b.max) + 6} y={y + ROW / 2} dominantBaseline="middle">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
      <table id="search-plot-table" className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('search.plot.where')}</th>
            <th scope="col">{frequency ? t('search.plot.frequency') : t('search.plot.count')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">{b.label}</th>
              <td>{b.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

import { useTranslation } from 'react-i18next';
import { parseGenomic } from '../../../../shared/search/parseGenomic';
import { BarPlot } from '../../components/BarPlot';
import { useStore } from '../../store';
import { countBars, frequencyBars, type Bar } from './plotData';

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
  return (
    <BarPlot
      id="search-plot"
      testId="search-plot"
      title={frequency ? t('search.plot.frequencyTitle') : t('search.plot.countTitle')}
      keyHeader={t('search.plot.where')}
      valueHeader={frequency ? t('search.plot.frequency') : t('search.plot.count')}
      bars={bars}
      dataLabels
    />
  );
}

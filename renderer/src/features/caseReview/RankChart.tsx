import { useTranslation } from 'react-i18next';
import { BarPlot } from '../../components/BarPlot';
import type { RankSummary } from '../../ranking/protocol';
import { currentLocale } from '../../i18n';
import { formatFixed } from '../../../../shared/i18n/format';

const SHOWN = 12;

/**
 * The top genes' scores as bars (issue 17): a clear winner stands out, a close race shows as bars
 * of nearly equal length. Scores are log10 ratios and may be below zero, so a bar is the distance
 * above the lowest score shown; the number beside it is the score itself.
 */
export function RankChart({ summary }: { readonly summary: RankSummary }) {
  const { t } = useTranslation();
  const genes = summary.genes.slice(0, SHOWN);
  if (genes.length === 0) return null;
  const floor = Math.min(...genes.map((g) => g.score));
  return (
    <div className="rank-chart">
      <BarPlot
        id="rank-chart"
        testId="rank-chart"
        title={t('caseReview.rank.chart')}
        keyHeader={t('caseReview.table.col.gene')}
        valueHeader={t('caseReview.rank.score', { score: '' }).trim()}
        bars={genes.map((g) => ({
          key: g.symbol,
          label: `${String(g.rank)}. ${g.symbol}`,
          value: g.score - floor,
          text: formatFixed(g.score, currentLocale(), 2),
        }))}
      />
      <p className="hint">{t('caseReview.rank.chartNote')}</p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { BarPlot } from '../../components/BarPlot';
import { useStore } from '../../store';
import { currentLocale } from '../../i18n';
import { formatNumber } from '../../../../shared/i18n/format';

/**
 * The filters as a funnel (issue 16): how many alleles remain after each active step, so a glance
 * shows which filter removes the most. The same numbers are in a table behind a disclosure.
 */
export function FilterFunnel() {
  const { t } = useTranslation();
  const rows = useStore((s) => s.caseRows);
  if (rows === undefined || rows.steps.length === 0) return null;
  const n = (x: number): string => formatNumber(x, currentLocale());
  const bars = [
    {
      key: 'total',
      label: t('caseReview.filters.funnelTotal'),
      value: rows.total,
      text: n(rows.total),
    },
    ...rows.steps.map((s) => ({
      key: s.step,
      label: t(`caseReview.filters.step.${s.step}`),
      value: s.remaining,
      text: `${n(s.remaining)} (−${n(s.removes)})`,
    })),
  ];
  return (
    <BarPlot
      id="case-funnel"
      testId="case-funnel"
      title={t('caseReview.filters.funnel')}
      keyHeader={t('caseReview.filters.heading')}
      valueHeader={t('caseReview.table.label')}
      bars={bars}
      tableSummary={t('caseReview.filters.funnel')}
    />
  );
}

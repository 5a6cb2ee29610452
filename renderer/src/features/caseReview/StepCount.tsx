import { useTranslation } from 'react-i18next';
import type { FilterStep } from '../../../../shared/cases/filters';
import { useStore } from '../../store';

/** What one filter step removes from what the steps before it kept (issue 16), when it is on. */
export function StepCount({ step }: { readonly step: FilterStep }) {
  const { t } = useTranslation();
  const s = useStore((st) => st.caseRows?.steps.find((x) => x.step === step));
  if (s === undefined) return null;
  return (
    <span className="step-count" data-testid={`step-${step}`} data-removes={s.removes}>
      {t('caseReview.filters.removes', {
        removes: s.removes,
        remaining: s.remaining,
      })}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import { CONSEQUENCE_ORDER } from '../../../../shared/cases/consequences';
import { consequenceText } from '../../i18n/terms';

/** A set as a filter part: an empty choice is "no filter", not "keep nothing". */
export const toggled = <T,>(
  list: readonly T[] | undefined,
  item: T,
  on: boolean,
): T[] | undefined => {
  const next = on
    ? [...(list ?? []).filter((x) => x !== item), item]
    : (list ?? []).filter((x) => x !== item);
  return next.length === 0 ? undefined : next;
};

/**
 * The consequences (Sequence Ontology terms, in their words) a filter keeps, folded under how
 * many are chosen: the germline table's filter and the Somatic tab's (issue 19, decision 0079).
 */
export function ConsequenceChoices(props: {
  readonly chosen: readonly string[] | undefined;
  readonly onChange: (consequences: string[] | undefined) => void;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <details data-testid={props.testId}>
      <summary>
        {t('caseReview.filters.consequences', { count: props.chosen?.length ?? 0 })}
      </summary>
      <div className="consequence-list">
        {CONSEQUENCE_ORDER.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              checked={props.chosen?.includes(c) ?? false}
              onChange={(e) => props.onChange(toggled(props.chosen, c, e.target.checked))}
              data-consequence={c}
            />
            <span title={c}>{consequenceText(t, c)}</span>
          </label>
        ))}
      </div>
    </details>
  );
}

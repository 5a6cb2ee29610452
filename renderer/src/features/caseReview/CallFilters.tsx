import { useTranslation } from 'react-i18next';
import type { CaseFilter, Impact } from '../../../../shared/cases/filters';
import { NumberField } from './NumberField';
import type { FilterPatch } from './filterPatch';
import { StepCount } from './StepCount';
import { ConsequenceChoices, toggled } from './ConsequenceChoices';

const IMPACTS: readonly Impact[] = ['HIGH', 'MODERATE', 'LOW', 'MODIFIER'];

/** Consequence and impact, FILTER=PASS, the proband's call quality, and allele frequencies. */
export function CallFilters(props: {
  readonly filter: CaseFilter;
  readonly onChange: (patch: FilterPatch) => void;
}) {
  const { t } = useTranslation();
  const { filter: f, onChange } = props;
  const cohort = f.maxCohortFrequency;
  return (
    <>
      <fieldset className="filter-group" data-testid="filter-consequence">
        <legend>
          {t('caseReview.filters.consequence')} <StepCount step="consequence" />
        </legend>
        {IMPACTS.map((i) => (
          <label key={i}>
            <input
              type="checkbox"
              checked={f.impacts?.includes(i) ?? false}
              onChange={(e) => onChange({ impacts: toggled(f.impacts, i, e.target.checked) })}
              data-testid={`filter-impact-${i}`}
            />
            {t(`caseReview.filters.impact.${i}`)}
          </label>
        ))}
        <ConsequenceChoices
          chosen={f.consequences}
          onChange={(consequences) => onChange({ consequences })}
        />
      </fieldset>
      <fieldset className="filter-group" data-testid="filter-quality">
        <legend>
          {t('caseReview.filters.quality')} <StepCount step="pass" /> <StepCount step="quality" />
        </legend>
        <label>
          <input
            type="checkbox"
            checked={f.passOnly === true}
            onChange={(e) => onChange({ passOnly: e.target.checked ? true : undefined })}
            data-testid="filter-pass"
          />
          {t('caseReview.filters.pass')}
        </label>
        <NumberField
          id="filter-min-gq"
          label={t('caseReview.filters.minGq')}
          value={f.minGq}
          min={0}
          max={10_000}
          step={1}
          onCommit={(v) => onChange({ minGq: v })}
        />
        <NumberField
          id="filter-min-dp"
          label={t('caseReview.filters.minDp')}
          value={f.minDp}
          min={0}
          max={1_000_000}
          step={1}
          onCommit={(v) => onChange({ minDp: v })}
        />
        <NumberField
          id="filter-min-ab"
          label={t('caseReview.filters.minAb')}
          value={f.minAb}
          min={0}
          max={1}
          step={0.05}
          onCommit={(v) => onChange({ minAb: v })}
        />
        <NumberField
          id="filter-max-ab"
          label={t('caseReview.filters.maxAb')}
          value={f.maxAb}
          min={0}
          max={1}
          step={0.05}
          onCommit={(v) => onChange({ maxAb: v })}
        />
      </fieldset>
      <fieldset className="filter-group" data-testid="filter-frequency">
        <legend>
          {t('caseReview.filters.frequency')} <StepCount step="populationFrequency" />{' '}
          <StepCount step="cohortFrequency" />
        </legend>
        <NumberField
          id="filter-max-pop-af"
          label={t('caseReview.filters.maxPopAf')}
          hint={t('caseReview.filters.fractionHint')}
          value={f.maxPopAf}
          min={0}
          max={1}
          step={0.001}
          onCommit={(v) => onChange({ maxPopAf: v })}
        />
        <NumberField
          id="filter-max-cohort"
          label={t('caseReview.filters.maxCohort')}
          hint={t('caseReview.filters.cohortHint')}
          value={cohort?.max}
          min={0}
          max={1}
          step={0.001}
          onCommit={(v) =>
            onChange({ maxCohortFrequency: v === undefined ? undefined : { ...cohort, max: v } })
          }
        />
        <label>
          {t('caseReview.filters.cohortBy')}
          <select
            value={cohort?.by ?? 'dataset'}
            disabled={cohort === undefined}
            onChange={(e) =>
              cohort !== undefined &&
              onChange({
                maxCohortFrequency: {
                  ...cohort,
                  by: e.target.value === 'country' ? 'country' : 'dataset',
                },
              })
            }
          >
            <option value="dataset">{t('caseReview.filters.byDataset')}</option>
            <option value="country">{t('caseReview.filters.byCountry')}</option>
          </select>
        </label>
        <NumberField
          id="filter-cohort-min"
          label={t('caseReview.filters.cohortMin')}
          value={cohort?.minIndividuals}
          min={1}
          max={1_000_000}
          step={1}
          onCommit={(v) =>
            cohort !== undefined &&
            onChange({
              maxCohortFrequency: { ...cohort, ...(v === undefined ? {} : { minIndividuals: v }) },
            })
          }
        />
      </fieldset>
    </>
  );
}

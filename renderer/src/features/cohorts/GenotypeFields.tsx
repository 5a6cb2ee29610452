import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { consequenceText } from '../../i18n/terms';

const CONSEQUENCES = [
  'missense_variant',
  'stop_gained',
  'frameshift_variant',
  'splice_donor_variant',
  'splice_acceptor_variant',
  'synonymous_variant',
];

/** Genotype criterion: carriers of variants in a gene, of a consequence, under a maximum frequency. */
export function GenotypeFields() {
  const { t } = useTranslation();
  const g = useStore((s) => s.cohortFilters.genotype) ?? {};
  const set = useStore((s) => s.setCohortFilters);
  const patch = (p: Partial<typeof g>): void => {
    const next = { ...g, ...p };
    set({
      genotype: {
        ...(next.gene === undefined || next.gene === '' ? {} : { gene: next.gene }),
        ...(next.consequence === undefined || next.consequence === ''
          ? {}
          : { consequence: next.consequence }),
        ...(next.maxAf === undefined ? {} : { maxAf: next.maxAf }),
      },
    });
  };
  return (
    <fieldset className="cohort-genotype-fields">
      <legend>{t('cohorts.builder.genotype')}</legend>
      <label>
        {t('cohorts.builder.gene')}
        <input
          defaultValue={g.gene ?? ''}
          onBlur={(e) => patch({ gene: e.target.value.trim() })}
          data-testid="cohort-gene"
          placeholder="BRCA1"
        />
      </label>
      <label>
        {t('cohorts.builder.consequence')}
        <select
          value={g.consequence ?? ''}
          onChange={(e) => patch({ consequence: e.target.value })}
          data-testid="cohort-consequence"
        >
          <option value="">{t('cohorts.builder.anyConsequence')}</option>
          {CONSEQUENCES.map((c) => (
            <option key={c} value={c}>
              {consequenceText(t, c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('cohorts.builder.maxAf')}
        <input
          type="number"
          min={0}
          max={1}
          step="any"
          defaultValue={g.maxAf ?? ''}
          onBlur={(e) => {
            const v = e.target.value === '' ? undefined : Number(e.target.value);
            patch({
              maxAf:
                v !== undefined && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : undefined,
            });
          }}
          data-testid="cohort-max-af"
        />
      </label>
    </fieldset>
  );
}

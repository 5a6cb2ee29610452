import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hpoLabel, hpoTerms, hpoVersion } from '../../../../shared/cohorts/hpo';
import { useStore } from '../../store';
import { GenotypeFields } from './GenotypeFields';

const TERMS = hpoTerms();
const SEXES = ['female', 'male', 'unknown'] as const;
const list = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The cohort builder: phenotype (with or without descendants), disease, sex, country, genotype. */
export function CohortBuilder() {
  const { t } = useTranslation();
  const f = useStore((s) => s.cohortFilters);
  const set = useStore((s) => s.setCohortFilters);
  const run = useStore((s) => s.runCohortQuery);
  const busy = useStore((s) => s.cohortBusy);
  const [term, setTerm] = useState('');
  const [descendants, setDescendants] = useState(true);
  return (
    <form
      className="cohort-builder"
      aria-labelledby="cohort-builder-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <h2 id="cohort-builder-heading">{t('cohorts.builder.heading')}</h2>
      <fieldset>
        <legend>{t('cohorts.builder.phenotypes', { version: hpoVersion() })}</legend>
        <select
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          data-testid="cohort-hpo"
          aria-label={t('cohorts.builder.term')}
        >
          <option value="">{t('cohorts.builder.chooseTerm')}</option>
          {TERMS.map((x) => (
            <option key={x.id} value={x.id}>{`${x.label} (${x.id})`}</option>
          ))}
        </select>
        <label>
          <input
            type="checkbox"
            checked={descendants}
            onChange={(e) => setDescendants(e.target.checked)}
            data-testid="cohort-descendants"
          />
          {t('cohorts.builder.descendants')}
        </label>
        <button
          type="button"
          disabled={term === ''}
          data-testid="cohort-add-term"
          onClick={() =>
            set({
              phenotypes: [
                ...f.phenotypes.filter((p) => p.id !== term),
                { id: term, includeDescendants: descendants },
              ],
            })
          }
        >
          {t('cohorts.builder.add')}
        </button>
        <ul className="chips" data-testid="cohort-terms">
          {f.phenotypes.map((p) => (
            <li key={p.id}>
              {`${hpoLabel(p.id) ?? p.id}${p.includeDescendants ? ` ${t('cohorts.builder.andDescendants')}` : ''}`}
              <button
                type="button"
                aria-label={t('cohorts.builder.remove', { term: p.id })}
                onClick={() => set({ phenotypes: f.phenotypes.filter((q) => q.id !== p.id) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <label>
          {t('cohorts.builder.match')}
          <select
            value={f.phenotypeMatch}
            onChange={(e) => set({ phenotypeMatch: e.target.value === 'any' ? 'any' : 'all' })}
          >
            <option value="all">{t('cohorts.builder.matchAll')}</option>
            <option value="any">{t('cohorts.builder.matchAny')}</option>
          </select>
        </label>
      </fieldset>
      <label>
        {t('cohorts.builder.diseases')}
        <input
          defaultValue={f.diseases.join(', ')}
          onBlur={(e) => set({ diseases: list(e.target.value) })}
          data-testid="cohort-diseases"
          placeholder="ORPHA:145"
        />
      </label>
      <fieldset>
        <legend>{t('cohorts.builder.sex')}</legend>
        {SEXES.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={f.sexes.includes(s)}
              onChange={(e) =>
                set({ sexes: e.target.checked ? [...f.sexes, s] : f.sexes.filter((x) => x !== s) })
              }
            />
            {t(`cohorts.sex.${s}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('cohorts.builder.countries')}
        <input
          defaultValue={f.countries.join(', ')}
          onBlur={(e) =>
            set({
              countries: list(e.target.value.toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)),
            })
          }
          data-testid="cohort-countries"
          placeholder="FI, SE"
        />
      </label>
      <GenotypeFields />
      <button type="submit" disabled={busy} data-testid="cohort-run">
        {busy ? t('cohorts.builder.running') : t('cohorts.builder.run')}
      </button>
    </form>
  );
}

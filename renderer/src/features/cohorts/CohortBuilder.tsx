import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hpoSearch, hpoVersion } from '../../../../shared/cohorts/hpo';
import { useHpoLabel } from '../../i18n/useHpoLabel';
import type { Suggestion } from '../../../../shared/search/channels';
import { useStore } from '../../store';
import { Autocomplete } from '../search/Autocomplete';
import { GenotypeFields } from './GenotypeFields';
import { useCacheState } from './useCacheState';

/** Picker suggestions from the whole HPO: label, id, and the synonym that matched if any. */
const suggestTerms = (text: string): Promise<Suggestion[]> =>
  Promise.resolve(
    hpoSearch(text, 15).map(({ term, via }) => ({
      id: term.id,
      label: term.label,
      detail: via === undefined ? term.id : `${term.id} · “${via}”`,
    })),
  );
const SEXES = ['female', 'male', 'unknown'] as const;
const list = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The cohort builder: phenotype (with or without descendants), disease, sex, country, genotype. */
export function CohortBuilder() {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  const f = useStore((s) => s.cohortFilters);
  const set = useStore((s) => s.setCohortFilters);
  const run = useStore((s) => s.runCohortQuery);
  const busy = useStore((s) => s.cohortBusy);
  const cache = useCacheState();
  const [term, setTerm] = useState('');
  const [termText, setTermText] = useState('');
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
        <Autocomplete
          id="cohort-hpo"
          label={t('cohorts.builder.term')}
          placeholder={t('cohorts.builder.chooseTerm')}
          value={termText}
          testId="cohort-hpo"
          fetchSuggestions={suggestTerms}
          onChange={(text) => {
            setTermText(text);
            // Typing an id directly (HP:0001250) picks that term when the table knows it.
            const exact = hpoSearch(text, 1)[0];
            setTerm(exact !== undefined && /\d{7}\s*$/.test(text) ? exact.term.id : '');
          }}
          onPick={(sugg) => {
            setTerm(sugg.id);
            setTermText(hpo.text(sugg.id, sugg.label));
          }}
        />
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
          onClick={() => {
            set({
              phenotypes: [
                ...f.phenotypes.filter((p) => p.id !== term),
                { id: term, includeDescendants: descendants },
              ],
            });
            setTerm('');
            setTermText('');
          }}
        >
          {t('cohorts.builder.add')}
        </button>
        <ul className="chips" data-testid="cohort-terms">
          {f.phenotypes.map((p) => (
            <li key={p.id}>
              {`${hpo.label(p.id)}${p.includeDescendants ? ` ${t('cohorts.builder.andDescendants')}` : ''}`}
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
      <button
        type="submit"
        disabled={busy || cache.state !== 'ready'}
        data-testid="cohort-run"
        data-state={busy ? 'counting' : cache.state}
      >
        {/* "Counting…" only while a count runs; loading the cache is said as such (issue 13). */}
        {busy
          ? t('cohorts.builder.running')
          : cache.state === 'loading'
            ? t('cohorts.builder.loadingCache')
            : t('cohorts.builder.run')}
      </button>
    </form>
  );
}

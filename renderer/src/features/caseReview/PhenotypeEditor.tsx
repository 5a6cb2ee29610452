import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HpoTerm, Phenotype } from '../../../../shared/cases/channels';
import { hpoSearch, hpoVersion } from '../../../../shared/cohorts/hpo';
import { hpoOntologyLabel } from '../../../../shared/i18n/hpoLabel';
import { useHpoLabel } from '../../i18n/useHpoLabel';
import type { Suggestion } from '../../../../shared/search/channels';
import { Autocomplete } from '../search/Autocomplete';

/** The whole HPO as picker suggestions (the Cohorts page's picker, same table). */
const suggestTerms = (text: string): Promise<Suggestion[]> =>
  Promise.resolve(
    hpoSearch(text, 15).map(({ term, via }) => ({
      id: term.id,
      label: term.label,
      detail: via === undefined ? term.id : `${term.id} · “${via}”`,
    })),
  );

type Kind = 'observed' | 'excluded';
const other = (k: Kind): Kind => (k === 'observed' ? 'excluded' : 'observed');

/**
 * A patient's phenotype as HPO terms, observed and excluded (issue 16): the ARIA combobox over the
 * app's HPO table; each chosen term can be moved between the two lists or removed.
 */
export function PhenotypeEditor(props: {
  readonly id: string;
  readonly value: Phenotype;
  readonly onChange: (next: Phenotype) => void;
}) {
  const { t } = useTranslation();
  const hpo = useHpoLabel();
  const labelOf = (x: HpoTerm): string => hpo.label(x.id, x.label);
  const { value, onChange } = props;
  const [text, setText] = useState('');
  const [kind, setKind] = useState<Kind>('observed');
  const add = (term: HpoTerm, as: Kind): void => {
    const without = (list: readonly HpoTerm[]): HpoTerm[] => list.filter((x) => x.id !== term.id);
    onChange({
      observed: as === 'observed' ? [...without(value.observed), term] : without(value.observed),
      excluded: as === 'excluded' ? [...without(value.excluded), term] : without(value.excluded),
    });
  };
  const remove = (id: string): void =>
    onChange({
      observed: value.observed.filter((x) => x.id !== id),
      excluded: value.excluded.filter((x) => x.id !== id),
    });
  const list = (k: Kind) => (
    <div className="phenotype-list">
      <h4 id={`${props.id}-${k}`}>{t(`caseReview.phenotype.${k}`, { count: value[k].length })}</h4>
      <ul className="chips" aria-labelledby={`${props.id}-${k}`} data-testid={`${props.id}-${k}`}>
        {value[k].map((term) => (
          <li key={term.id} className={k === 'excluded' ? 'chip-excluded' : undefined}>
            <span title={term.id} translate="no">
              {labelOf(term)}
            </span>
            <button
              type="button"
              aria-label={t(`caseReview.phenotype.move.${k}`, { term: labelOf(term) })}
              onClick={() => add(term, other(k))}
            >
              {k === 'observed' ? '−' : '+'}
            </button>
            <button
              type="button"
              aria-label={t('caseReview.phenotype.remove', { term: labelOf(term) })}
              onClick={() => remove(term.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <fieldset className="phenotype-editor" data-testid={props.id}>
      <legend>{t('caseReview.phenotype.legend', { version: hpoVersion() })}</legend>
      <div className="phenotype-picker">
        <Autocomplete
          id={`${props.id}-term`}
          label={t('caseReview.phenotype.term')}
          placeholder={t('caseReview.phenotype.placeholder')}
          value={text}
          testId={`${props.id}-term`}
          fetchSuggestions={suggestTerms}
          onChange={setText}
          onPick={(s) => {
            add({ id: s.id, label: s.label }, kind);
            setText('');
          }}
          onEnter={() => {
            // An id typed whole (HP:0001250) is added when the table knows it.
            const id = /HP:\d{7}/.exec(text.toUpperCase())?.[0];
            const label = id === undefined ? undefined : hpoOntologyLabel(id);
            if (id === undefined || label === undefined) return;
            add({ id, label }, kind);
            setText('');
          }}
        />
        <label>
          {t('caseReview.phenotype.addAs')}
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value === 'excluded' ? 'excluded' : 'observed')}
            data-testid={`${props.id}-kind`}
          >
            <option value="observed">{t('caseReview.phenotype.asObserved')}</option>
            <option value="excluded">{t('caseReview.phenotype.asExcluded')}</option>
          </select>
        </label>
      </div>
      {list('observed')}
      {list('excluded')}
    </fieldset>
  );
}

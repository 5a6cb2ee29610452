import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/channels';
import type { CaseFilter, InheritanceMode } from '../../../../shared/cases/filters';
import { INHERITANCE_MODES } from '../../../../shared/cases/filters';
import type { FilterPatch } from './filterPatch';
import { StepCount } from './StepCount';

/** Why a mode cannot fit this family, if it cannot (issue 16: singletons get the modes that make sense). */
function unavailable(mode: InheritanceMode, members: CaseDetail['members']): string | undefined {
  const has = (role: string): boolean => members.some((m) => m.role === role);
  if (mode === 'de_novo' && !(has('mother') && has('father'))) return 'needsParents';
  return undefined;
}

/** What a fit of the mode means here (decision 0100): X-linked fits of a proband of unknown sex are possible only. */
function caveat(mode: InheritanceMode, members: CaseDetail['members']): string | undefined {
  const proband = members.find((m) => m.role === 'proband');
  if ((mode === 'x_linked_recessive' || mode === 'x_linked_dominant') && proband?.sex === 'unknown')
    return 'sexUnknownX';
  return undefined;
}

/** Inheritance modes on the pedigree; fits flagged "possible" (a parent missing, phase unknown) optional. */
export function InheritanceFilter(props: {
  readonly filter: CaseFilter;
  readonly members: CaseDetail['members'];
  readonly onChange: (patch: FilterPatch) => void;
}) {
  const { t } = useTranslation();
  const { filter: f, onChange } = props;
  const chosen = new Set(f.inheritance ?? []);
  const set = (mode: InheritanceMode, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(mode);
    else next.delete(mode);
    onChange({
      inheritance: next.size === 0 ? undefined : INHERITANCE_MODES.filter((m) => next.has(m)),
    });
  };
  const family = props.members.map((m) => t(`caseReview.role.${m.role}`)).join(', ');
  return (
    <fieldset className="filter-group" data-testid="filter-inheritance">
      <legend>
        {t('caseReview.filters.inheritance')} <StepCount step="inheritance" />
      </legend>
      <p className="hint">{t('caseReview.filters.family', { family })}</p>
      {INHERITANCE_MODES.map((m) => {
        const why = unavailable(m, props.members);
        const note = caveat(m, props.members);
        return (
          <label key={m}>
            <input
              type="checkbox"
              checked={chosen.has(m)}
              disabled={why !== undefined && !chosen.has(m)}
              onChange={(e) => set(m, e.target.checked)}
              data-testid={`filter-mode-${m}`}
            />
            {t(`caseReview.filters.mode.${m}`)}
            {why === undefined ? null : (
              <span className="hint"> {t(`caseReview.filters.${why}`)}</span>
            )}
            {note === undefined ? null : (
              <span className="hint" data-testid={`filter-mode-note-${m}`}>
                {' '}
                {t(`caseReview.filters.${note}`)}
              </span>
            )}
          </label>
        );
      })}
      <label>
        <input
          type="checkbox"
          checked={f.includePossible !== false}
          disabled={f.inheritance === undefined}
          onChange={(e) => onChange({ includePossible: e.target.checked ? undefined : false })}
          data-testid="filter-possible"
        />
        {t('caseReview.filters.includePossible')}
      </label>
    </fieldset>
  );
}

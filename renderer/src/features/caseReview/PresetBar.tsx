import { useTranslation } from 'react-i18next';
import type { CasePreset } from '../../../../shared/cases/filters';
import { useStore } from '../../store';
import { parsePresetFile } from './filterFiles';
import { PresetFileActions } from './PresetFileActions';

/**
 * The built-in presets' keys in the translation files (issue 22): the English name stays the
 * preset's id (files, CLI, saved state); a user's own presets are shown as they named them.
 */
const BUILT_IN_KEYS: Readonly<Record<string, string>> = {
  'rare disease trio': 'rareDiseaseTrio',
  'epilepsy panel': 'epilepsyPanel',
  'ACMG secondary findings': 'acmgSecondaryFindings',
};

/**
 * Presets (issue 16): apply a built-in or saved one, save the filter in force under a name, share
 * it as a JSON file and import one a colleague shared.
 */
export function PresetBar() {
  const { t } = useTranslation();
  const presets = useStore((s) => s.casePresets);
  const filter = useStore((s) => s.caseFilter);
  const current = useStore((s) => s.casePreset);
  const apply = useStore((s) => s.setCaseFilter);
  const save = useStore((s) => s.saveCasePreset);
  const remove = useStore((s) => s.deleteCasePreset);
  const all = [...presets.builtIn, ...presets.saved];
  const savedNames = new Set(presets.saved.map((p) => p.name));
  const byName = (n: string): CasePreset | undefined => all.find((p) => p.name === n);
  const chosen = current === undefined ? undefined : byName(current);
  const here: CasePreset = {
    kind: 'cohort-desk.case-filter-preset',
    version: 1,
    name: current ?? 'case filter',
    filter,
  };
  const builtInKey = (p: CasePreset): string | undefined =>
    savedNames.has(p.name) ? undefined : BUILT_IN_KEYS[p.name];
  return (
    <div className="preset-bar" data-testid="case-presets">
      <label>
        {t('caseReview.presets.apply')}
        <select
          value={current ?? ''}
          onChange={(e) => {
            const p = byName(e.target.value);
            if (p !== undefined) void apply(p.filter, p.name);
            else void apply({});
          }}
          data-testid="case-preset"
        >
          <option value="">{t('caseReview.presets.none')}</option>
          <optgroup label={t('caseReview.presets.builtIn')}>
            {presets.builtIn.map((p) => {
              const key = builtInKey(p);
              return (
                <option key={p.name} value={p.name}>
                  {key === undefined ? p.name : t(`caseReview.presets.builtInNames.${key}`)}
                </option>
              );
            })}
          </optgroup>
          {presets.saved.length === 0 ? null : (
            <optgroup label={t('caseReview.presets.saved')}>
              {presets.saved.map((p) => (
                <option key={p.name} value={p.name} translate="no">
                  {p.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {chosen === undefined || builtInKey(chosen) === undefined ? (
        chosen?.description === undefined ? null : (
          <p className="hint" translate="no">
            {chosen.description}
          </p>
        )
      ) : (
        <p className="hint">{t(`caseReview.presets.builtInDescriptions.${builtInKey(chosen)}`)}</p>
      )}
      <PresetFileActions
        prefix="case"
        here={here}
        existing={all}
        deletable={current !== undefined && savedNames.has(current) ? current : undefined}
        fileSuffix="case-filter"
        parse={parsePresetFile}
        save={save}
        remove={remove}
        onSaved={(p) => void apply(p.filter, p.name)}
        onDeleted={() => void apply(filter)}
      />
    </div>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePreset } from '../../../../shared/cases/filters';
import { saidText } from '../../i18n/said';
import { useStore } from '../../store';
import { download } from '../../components/download';
import { parsePresetFile, presetFileText } from './filterFiles';

const fileName = (name: string): string =>
  `${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '') || 'preset'}.case-filter.json`;

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
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>();
  const input = useRef<HTMLInputElement>(null);
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
  const say = (error: boolean, text: string): void => setMessage({ error, text });
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
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const n = name.trim();
          if (n === '') return;
          void save({ ...here, name: n }).then((error) => {
            if (error === undefined) {
              setName('');
              void apply(filter, n);
              say(false, t('caseReview.presets.savedAs', { name: n }));
            } else say(true, error);
          });
        }}
      >
        <label>
          {t('caseReview.presets.name')}
          <input
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            data-testid="case-preset-name"
          />
        </label>
        <button type="submit" disabled={name.trim() === ''} data-testid="case-preset-save">
          {t('caseReview.presets.save')}
        </button>
      </form>
      <button
        type="button"
        onClick={() => download(fileName(here.name), presetFileText(here), 'application/json')}
        data-testid="case-preset-export"
      >
        {t('caseReview.presets.export')}
      </button>
      <label className="button-like">
        {t('caseReview.presets.import')}
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          data-testid="case-preset-import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (input.current !== null) input.current.value = '';
            if (file === undefined) return;
            void file.text().then(async (text) => {
              const parsed = parsePresetFile(file.name, text);
              if (!parsed.ok) {
                say(true, saidText(parsed.said, t));
                return;
              }
              const error = await save(parsed.value);
              if (error !== undefined) say(true, error);
              else {
                await apply(parsed.value.filter, parsed.value.name);
                say(false, t('caseReview.presets.imported', { name: parsed.value.name }));
              }
            });
          }}
        />
      </label>
      {current !== undefined && savedNames.has(current) ? (
        <button
          type="button"
          onClick={() =>
            void remove(current).then((error) =>
              error === undefined ? void apply(filter) : say(true, error),
            )
          }
        >
          {t('caseReview.presets.delete', { name: current })}
        </button>
      ) : null}
      {message === undefined ? null : (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'form-error' : 'hint'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}

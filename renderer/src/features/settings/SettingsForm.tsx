import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingKey, Settings, SettingsView } from '../../../../shared/domain/settings';
import { useStore } from '../../store';
import { Field } from './Field';

/** The settings form: a draft edited locally and saved as one patch of the changed, unlocked keys. */
export function SettingsForm(props: {
  readonly view: SettingsView;
  /** Kept by the page: a successful save remounts the form with the saved values. */
  readonly saved: boolean;
  readonly onSavedChange: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateSettings);
  const error = useStore((s) => s.settingsError);
  const [draft, setDraft] = useState<Settings>(props.view.values);
  const [origins, setOrigins] = useState(props.view.values.externalLinkOrigins.join('\n'));
  const { saved, onSavedChange: setSaved } = props;
  const locked = new Set<SettingKey>(props.view.locked);
  const edit = <K extends SettingKey>(key: K, value: Settings[K]): void => {
    setSaved(false);
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const next = {
      ...draft,
      externalLinkOrigins: origins
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean),
    };
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(next) as SettingKey[]) {
      if (
        !locked.has(key) &&
        JSON.stringify(next[key]) !== JSON.stringify(props.view.values[key])
      ) {
        patch[key] = next[key];
      }
    }
    setSaved(await update(patch));
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      aria-label={t('pages.settings.title')}
      data-testid="settings-form"
    >
      <Field id="theme" label={t('settings.theme')} locked={locked.has('theme')}>
        {(a) => (
          <select
            {...a}
            value={draft.theme}
            onChange={(e) => edit('theme', e.target.value as Settings['theme'])}
          >
            <option value="system">{t('settings.themeSystem')}</option>
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
          </select>
        )}
      </Field>
      <Field id="language" label={t('settings.language')} locked={locked.has('language')}>
        {(a) => (
          <select
            {...a}
            value={draft.language}
            onChange={(e) => edit('language', e.target.value as 'en')}
          >
            <option value="en">{t('settings.languageEn')}</option>
          </select>
        )}
      </Field>
      <Field
        id="nodeTimeoutMs"
        label={t('settings.nodeTimeoutMs')}
        help={t('settings.nodeTimeoutHelp')}
        locked={locked.has('nodeTimeoutMs')}
      >
        {(a) => (
          <input
            {...a}
            type="number"
            min={500}
            max={60000}
            step={100}
            value={draft.nodeTimeoutMs}
            onChange={(e) => edit('nodeTimeoutMs', Number(e.target.value))}
          />
        )}
      </Field>
      <Field
        id="allowLocalCache"
        label={t('settings.allowLocalCache')}
        locked={locked.has('allowLocalCache')}
        inline
      >
        {(a) => (
          <input
            {...a}
            type="checkbox"
            checked={draft.allowLocalCache}
            onChange={(e) => edit('allowLocalCache', e.target.checked)}
          />
        )}
      </Field>
      <Field
        id="federationConfigUrl"
        label={t('settings.federationConfigUrl')}
        help={t('settings.federationConfigHelp')}
        locked={locked.has('federationConfigUrl')}
      >
        {(a) => (
          <input
            {...a}
            type="url"
            value={draft.federationConfigUrl}
            onChange={(e) => edit('federationConfigUrl', e.target.value)}
          />
        )}
      </Field>
      <Field
        id="externalLinkOrigins"
        label={t('settings.externalLinkOrigins')}
        locked={locked.has('externalLinkOrigins')}
      >
        {(a) => (
          <textarea
            {...a}
            rows={3}
            value={origins}
            onChange={(e) => {
              setSaved(false);
              setOrigins(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" data-testid="settings-save">
          {t('settings.save')}
        </button>
        <span role="status" data-testid="settings-status">
          {saved ? t('settings.saved') : ''}
        </span>
      </div>
      {error === undefined ? null : (
        <p role="alert" className="form-error" data-testid="settings-error">
          {t('settings.saveFailed', { message: error })}
        </p>
      )}
    </form>
  );
}

import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingKey, Settings, SettingsView } from '../../../../shared/settings/settings';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES } from '../../../../shared/i18n/languages';
import { useStore } from '../../store';
import { DirectoryCheck } from './DirectoryCheck';
import { Field } from './Field';
import { ItSettingsFields } from './ItSettingsFields';
import { TrustSettingsFields } from './TrustSettingsFields';
import { AppErrorLine } from '../../components/AppErrorLine';

/**
 * The settings form. Only the fields the user edited are kept locally; every other field shows the
 * current saved value, so a change arriving from elsewhere (another window, a policy update) shows
 * at once without discarding unsaved edits. A key the policy locks always shows the policy's value.
 */
export function SettingsForm(props: {
  readonly view: SettingsView;
  readonly saved: boolean;
  readonly onSavedChange: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const update = useStore((s) => s.updateSettings);
  const error = useStore((s) => s.settingsError);
  const checkDirectory = useStore((s) => s.checkDirectory);
  const [edits, setEdits] = useState<Partial<Settings>>({});
  const [originsEdit, setOriginsEdit] = useState<string>();
  const { saved, onSavedChange: setSaved } = props;
  const locked = new Set<SettingKey>(props.view.locked);
  const value = <K extends SettingKey>(key: K): Settings[K] => {
    const edited = edits[key];
    return locked.has(key) || edited === undefined ? props.view.values[key] : edited;
  };
  const edit = <K extends SettingKey>(key: K, v: Settings[K]): void => {
    setSaved(false);
    setEdits((current) => ({ ...current, [key]: v }));
  };
  const origins =
    originsEdit === undefined || locked.has('externalLinkOrigins')
      ? props.view.values.externalLinkOrigins.join('\n')
      : originsEdit;

  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    const next: Partial<Settings> = { ...edits };
    if (originsEdit !== undefined)
      next.externalLinkOrigins = originsEdit
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(next) as SettingKey[]) {
      if (
        !locked.has(key) &&
        JSON.stringify(next[key]) !== JSON.stringify(props.view.values[key])
      ) {
        patch[key] = next[key];
      }
    }
    // Issue 13: a new directory address is kept only once it answers with a usable directory.
    const url = patch.federationConfigUrl;
    if (typeof url === 'string' && url !== '' && !(await checkDirectory(url))) {
      setSaved(false);
      return;
    }
    const ok = await update(patch);
    if (ok) {
      setEdits({});
      setOriginsEdit(undefined);
    }
    setSaved(ok);
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
            value={value('theme')}
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
            value={value('language')}
            onChange={(e) => edit('language', e.target.value as Settings['language'])}
          >
            <option value="system">{t('settings.languageSystem')}</option>
            {SUPPORTED_LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
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
            value={value('nodeTimeoutMs')}
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
            checked={value('allowLocalCache')}
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
            value={value('federationConfigUrl')}
            onChange={(e) => edit('federationConfigUrl', e.target.value)}
          />
        )}
      </Field>
      <DirectoryCheck
        url={value('federationConfigUrl')}
        locked={locked.has('federationConfigUrl')}
      />
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
              setOriginsEdit(e.target.value);
            }}
          />
        )}
      </Field>
      <ItSettingsFields locked={locked} value={value} edit={edit} />
      <TrustSettingsFields locked={locked} value={value} edit={edit} />
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
          <AppErrorLine sentence="settings.saveFailed" error={error} />
        </p>
      )}
    </form>
  );
}

import { useTranslation } from 'react-i18next';
import type { SettingKey, Settings } from '../../../../shared/settings/settings';
import { Field } from './Field';
import { ListField } from './ListField';

/**
 * The settings hospital IT usually locks (issue 21): allowed brokers and nodes, the cache folder and
 * purge interval and maximum age, updates, and the two that have a single value (no telemetry, no crash upload).
 */
export function ItSettingsFields(props: {
  readonly locked: ReadonlySet<SettingKey>;
  readonly value: <K extends SettingKey>(key: K) => Settings[K];
  readonly edit: <K extends SettingKey>(key: K, v: Settings[K]) => void;
}) {
  const { t } = useTranslation();
  const { locked, value, edit } = props;
  return (
    <fieldset data-testid="settings-it">
      <legend>{t('settings.itLegend')}</legend>
      <Field
        id="allowedBrokers"
        label={t('settings.allowedBrokers')}
        help={t('settings.allowedBrokersHelp')}
        locked={locked.has('allowedBrokers')}
      >
        {(a) => (
          <ListField
            control={a}
            value={value('allowedBrokers')}
            onChange={(l) => edit('allowedBrokers', l)}
          />
        )}
      </Field>
      <Field
        id="allowedNodes"
        label={t('settings.allowedNodes')}
        help={t('settings.allowedNodesHelp')}
        locked={locked.has('allowedNodes')}
      >
        {(a) => (
          <ListField
            control={a}
            value={value('allowedNodes')}
            onChange={(l) => edit('allowedNodes', l)}
          />
        )}
      </Field>
      <Field
        id="cacheLocation"
        label={t('settings.cacheLocation')}
        help={t('settings.cacheLocationHelp')}
        locked={locked.has('cacheLocation')}
      >
        {(a) => (
          <input
            {...a}
            type="text"
            value={value('cacheLocation')}
            onChange={(e) => edit('cacheLocation', e.target.value)}
          />
        )}
      </Field>
      <Field
        id="purgeIntervalMinutes"
        label={t('settings.purgeIntervalMinutes')}
        help={t('settings.purgeIntervalHelp')}
        locked={locked.has('purgeIntervalMinutes')}
      >
        {(a) => (
          <input
            {...a}
            type="number"
            min={5}
            max={1440}
            value={value('purgeIntervalMinutes')}
            onChange={(e) => edit('purgeIntervalMinutes', Number(e.target.value))}
          />
        )}
      </Field>
      <Field
        id="cacheMaxDays"
        label={t('settings.cacheMaxDays')}
        help={t('settings.cacheMaxDaysHelp')}
        locked={locked.has('cacheMaxDays')}
      >
        {(a) => (
          <input
            {...a}
            type="number"
            min={0}
            max={3650}
            value={value('cacheMaxDays')}
            onChange={(e) => edit('cacheMaxDays', Number(e.target.value))}
          />
        )}
      </Field>
      <Field id="updateMode" label={t('settings.updateMode')} locked={locked.has('updateMode')}>
        {(a) => (
          <select
            {...a}
            value={value('updateMode')}
            onChange={(e) => edit('updateMode', e.target.value as Settings['updateMode'])}
          >
            <option value="off">{t('settings.updateOff')}</option>
            <option value="notify">{t('settings.updateNotify')}</option>
            <option value="automatic">{t('settings.updateAutomatic')}</option>
          </select>
        )}
      </Field>
      <Field
        id="updateChannel"
        label={t('settings.updateChannel')}
        locked={locked.has('updateChannel')}
      >
        {(a) => (
          <select
            {...a}
            value={value('updateChannel')}
            onChange={(e) => edit('updateChannel', e.target.value as Settings['updateChannel'])}
          >
            <option value="latest">{t('settings.channelLatest')}</option>
            <option value="beta">{t('settings.channelBeta')}</option>
          </select>
        )}
      </Field>
      <Field
        id="updateFeedUrl"
        label={t('settings.updateFeedUrl')}
        help={t('settings.updateFeedHelp')}
        locked={locked.has('updateFeedUrl')}
      >
        {(a) => (
          <input
            {...a}
            type="url"
            value={value('updateFeedUrl')}
            onChange={(e) => edit('updateFeedUrl', e.target.value)}
          />
        )}
      </Field>
      <Field
        id="telemetry"
        label={t('settings.telemetry')}
        help={t('settings.telemetryHelp')}
        locked={locked.has('telemetry')}
      >
        {(a) => (
          <select {...a} disabled value={value('telemetry')}>
            <option value="none">{t('settings.telemetryNone')}</option>
          </select>
        )}
      </Field>
      <Field
        id="crashReportUpload"
        label={t('settings.crashReportUpload')}
        help={t('settings.crashReportHelp')}
        locked={locked.has('crashReportUpload')}
        inline
      >
        {(a) => (
          <input {...a} type="checkbox" disabled checked={value('crashReportUpload')} readOnly />
        )}
      </Field>
    </fieldset>
  );
}

import { useTranslation } from 'react-i18next';
import type { SettingKey, Settings } from '../../../../shared/settings/settings';
import { Field } from './Field';
import { ListField } from './ListField';

type ListKey = 'trustedVisaIssuers' | 'allowedBeaconHosts' | 'allowedHtsgetHosts';
const LISTS: readonly ListKey[] = [
  'trustedVisaIssuers',
  'allowedBeaconHosts',
  'allowedHtsgetHosts',
];

/**
 * Whom the app trusts and which hosts it may contact, beyond the federation directory (STANDARDS
 * 5.6 TrustedVisaIssuers, AllowedBeaconHosts, AllowedHtsgetHosts; issue 21). Usually locked by IT.
 */
export function TrustSettingsFields(props: {
  readonly locked: ReadonlySet<SettingKey>;
  readonly value: <K extends SettingKey>(key: K) => Settings[K];
  readonly edit: <K extends SettingKey>(key: K, v: Settings[K]) => void;
}) {
  const { t } = useTranslation();
  const { locked, value, edit } = props;
  return (
    <fieldset data-testid="settings-trust">
      <legend>{t('settings.trustLegend')}</legend>
      {LISTS.map((key) => (
        <Field
          key={key}
          id={key}
          label={t(`settings.${key}`)}
          help={t(`settings.${key}Help`)}
          locked={locked.has(key)}
        >
          {(a) => <ListField control={a} value={value(key)} onChange={(l) => edit(key, l)} />}
        </Field>
      ))}
    </fieldset>
  );
}

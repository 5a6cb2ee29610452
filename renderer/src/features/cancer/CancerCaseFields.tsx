import { useTranslation } from 'react-i18next';
import { TUMOUR_TYPES } from '../../../../shared/cancer/tumourTypes';
import type { CancerDraft } from './cancerDraft';
import { GermlineVcfField } from './GermlineVcfField';

/**
 * The cancer part of New case (issue 19): tumour and normal sample columns (none for a tumour-only
 * VCF), the tumour type as an OncoTree code, purity if known, and an optional germline VCF. The caller the file shows is
 * named so the person can check it read the file they meant.
 */
export function CancerCaseFields(props: {
  readonly samples: readonly string[];
  readonly caller: string | undefined;
  readonly value: CancerDraft;
  readonly onChange: (p: Partial<CancerDraft>) => void;
}) {
  const { t } = useTranslation();
  const { value: v, onChange } = props;
  return (
    <fieldset className="cancer-fields" data-testid="new-case-cancer">
      <legend>{t('cancer.new.legend')}</legend>
      <p className="hint" data-testid="new-case-caller">
        {props.caller === undefined
          ? t('cancer.new.noCaller')
          : t('cancer.new.caller', { caller: t(`cancer.caller.${props.caller}`) })}
      </p>
      <div className="new-case-grid">
        <div className="field">
          <label htmlFor="new-case-tumour">{t('cancer.new.tumour')}</label>
          <select
            id="new-case-tumour"
            value={v.tumour}
            onChange={(e) => onChange({ tumour: e.target.value })}
            data-testid="new-case-tumour"
          >
            {props.samples.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-case-normal">{t('cancer.new.normal')}</label>
          <select
            id="new-case-normal"
            value={v.normal}
            onChange={(e) => onChange({ normal: e.target.value })}
            aria-describedby="new-case-normal-help"
            data-testid="new-case-normal"
          >
            <option value="">{t('cancer.new.tumourOnly')}</option>
            {props.samples.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <small id="new-case-normal-help" data-testid="new-case-germline-help">
            {v.germline !== undefined && v.germline.sample !== ''
              ? t('cancer.new.germlineFromFile', {
                  sample: v.germline.sample,
                  name: v.germline.file.name,
                })
              : v.normal === ''
                ? t('cancer.new.germlineNone')
                : t('cancer.new.germlineHelp')}
          </small>
        </div>
        <div className="field">
          <label htmlFor="new-case-tumour-type">{t('cancer.new.tumourType')}</label>
          <select
            id="new-case-tumour-type"
            value={v.tumourType}
            aria-describedby="new-case-tumour-type-help"
            onChange={(e) => onChange({ tumourType: e.target.value })}
            data-testid="new-case-tumour-type"
          >
            <option value="">{t('cancer.new.tumourTypeUnknown')}</option>
            {TUMOUR_TYPES.map((x) => (
              <option key={x.code} value={x.code} translate="no">
                {`${x.name} (${x.code})`}
              </option>
            ))}
          </select>
          <small id="new-case-tumour-type-help">{t('cancer.new.tumourTypeHelp')}</small>
        </div>
        <div className="field">
          <label htmlFor="new-case-purity">{t('cancer.new.purity')}</label>
          <input
            id="new-case-purity"
            inputMode="decimal"
            value={v.purity}
            onChange={(e) => onChange({ purity: e.target.value })}
            data-testid="new-case-purity"
          />
        </div>
      </div>
      <GermlineVcfField value={v.germline} onChange={(germline) => onChange({ germline })} />
    </fieldset>
  );
}

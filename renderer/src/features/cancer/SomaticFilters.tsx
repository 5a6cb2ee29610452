import { useTranslation } from 'react-i18next';
import { ConsequenceChoices } from '../caseReview/ConsequenceChoices';
import type { SomaticFilter } from '../../../../shared/cancer/somaticFilter';
import { SomaticFilterSchema } from '../../../../shared/cancer/somaticFilter';
import type { SomaticPresetFile } from '../../../../shared/cancer/somaticPresets';
import {
  SOMATIC_PRESETS,
  somaticPreset,
  somaticPresetNamed,
} from '../../../../shared/cancer/somaticPresets';

const TIERS = ['I', 'II', 'III', 'IV'] as const;

/** A number field that writes `undefined` when emptied (the step is then not used). */
function NumberInput(props: {
  readonly id: string;
  readonly label: string;
  readonly value: number | undefined;
  readonly step: number;
  readonly max: number;
  readonly onChange: (v: number | undefined) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={0}
        max={props.max}
        step={props.step}
        value={props.value ?? ''}
        onChange={(e) => {
          const n = e.target.value === '' ? undefined : Number(e.target.value);
          if (n === undefined || (Number.isFinite(n) && n >= 0 && n <= props.max))
            props.onChange(n);
        }}
        data-testid={props.id}
      />
    </div>
  );
}

/**
 * The somatic filters (issue 19); each change runs the filter again. The preset list offers the
 * built-in presets by their translated names and the user's own (`saved`, decision 0079) as named.
 */
export function SomaticFilters(props: {
  readonly filter: SomaticFilter;
  readonly saved?: readonly SomaticPresetFile[];
  readonly onChange: (f: SomaticFilter) => void;
}) {
  const { t } = useTranslation();
  const f = props.filter;
  const saved = props.saved ?? [];
  // The preset the filter is, if any (the same presets as `case variants --preset`, issue 19).
  const preset = somaticPresetNamed(f, saved);
  const set = (p: Partial<SomaticFilter>): void => {
    // exactOptionalPropertyTypes: an emptied field leaves the filter, it is not set to undefined.
    const next = Object.fromEntries(
      Object.entries({ ...f, ...p }).filter(([, v]) => v !== undefined),
    );
    props.onChange(SomaticFilterSchema.parse(next));
  };
  const pct = (v: number | undefined): number | undefined =>
    v === undefined ? undefined : Math.round(v * 1000) / 10;
  const frac = (v: number | undefined): number | undefined =>
    v === undefined ? undefined : v / 100;
  return (
    <form
      className="somatic-filters"
      aria-label={t('cancer.filter.label')}
      onSubmit={(e) => e.preventDefault()}
      data-testid="somatic-filters"
    >
      <div className="field">
        <label htmlFor="somatic-preset">{t('cancer.preset.label')}</label>
        <select
          id="somatic-preset"
          value={preset ?? ''}
          onChange={(e) => {
            const name = e.target.value;
            const p = somaticPreset(name) ?? saved.find((x) => x.name === name);
            if (p !== undefined) props.onChange(p.filter);
          }}
          data-testid="somatic-preset"
        >
          <option value="" disabled>
            {t('cancer.preset.own')}
          </option>
          {SOMATIC_PRESETS.map((p) => (
            <option key={p.name} value={p.name}>
              {t(`cancer.preset.${p.key}`)}
            </option>
          ))}
          {saved.length === 0 ? null : (
            <optgroup label={t('caseReview.presets.saved')}>
              {saved.map((p) => (
                <option key={p.name} value={p.name} translate="no">
                  {p.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={f.passOnly === true}
          onChange={(e) => set({ passOnly: e.target.checked || undefined })}
          data-testid="somatic-pass"
        />
        {t('cancer.filter.pass')}
      </label>
      <NumberInput
        id="somatic-min-vaf"
        label={t('cancer.filter.minVaf')}
        value={pct(f.minTumourVaf)}
        step={1}
        max={100}
        onChange={(v) => set({ minTumourVaf: frac(v) })}
      />
      <NumberInput
        id="somatic-min-depth"
        label={t('cancer.filter.minDepth')}
        value={f.minTumourDepth}
        step={1}
        max={100_000}
        onChange={(v) => set({ minTumourDepth: v })}
      />
      <NumberInput
        id="somatic-min-normal-depth"
        label={t('cancer.filter.minNormalDepth')}
        value={f.minNormalDepth}
        step={1}
        max={100_000}
        onChange={(v) => set({ minNormalDepth: v })}
      />
      <NumberInput
        id="somatic-max-normal-vaf"
        label={t('cancer.filter.maxNormalVaf')}
        value={pct(f.maxNormalVaf)}
        step={1}
        max={100}
        onChange={(v) => set({ maxNormalVaf: frac(v) })}
      />
      <fieldset className="somatic-consequences">
        <legend>{t('caseReview.filters.consequence')}</legend>
        <ConsequenceChoices
          chosen={f.consequences}
          onChange={(consequences) => set({ consequences })}
          testId="somatic-consequences"
        />
      </fieldset>
      <label className="check">
        <input
          type="checkbox"
          checked={f.hotspotOnly === true}
          onChange={(e) => set({ hotspotOnly: e.target.checked || undefined })}
          data-testid="somatic-hotspot"
        />
        {t('cancer.filter.hotspot')}
      </label>
      <div className="field">
        <label htmlFor="somatic-gene-set">{t('cancer.filter.geneSet')}</label>
        <select
          id="somatic-gene-set"
          value={f.geneSet ?? ''}
          onChange={(e) =>
            set({
              geneSet:
                e.target.value === 'driver' || e.target.value === 'predisposition'
                  ? e.target.value
                  : undefined,
            })
          }
          data-testid="somatic-gene-set"
        >
          <option value="">{t('cancer.filter.allGenes')}</option>
          <option value="driver">{t('cancer.filter.driver')}</option>
          <option value="predisposition">{t('cancer.filter.predisposition')}</option>
        </select>
      </div>
      <fieldset className="somatic-tiers">
        <legend>{t('cancer.filter.tiers')}</legend>
        {TIERS.map((x) => (
          <label key={x} className="check">
            <input
              type="checkbox"
              checked={f.tiers?.includes(x) === true}
              onChange={(e) => {
                const tiers = TIERS.filter((y) =>
                  y === x ? e.target.checked : f.tiers?.includes(y) === true,
                );
                set({ tiers: tiers.length === 0 ? undefined : tiers });
              }}
              data-testid={`somatic-tier-${x}`}
            />
            {t('cancer.tier', { tier: x })}
          </label>
        ))}
      </fieldset>
    </form>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bs1Assumptions as Assumptions } from '../../../../../shared/acmg/bs1';
import { Bs1AssumptionsSchema, DEFAULT_BS1_ASSUMPTIONS } from '../../../../../shared/acmg/bs1';
import type { Diagnosis } from '../../../../../shared/cases/workChannels';

const FIELDS = ['prevalence', 'allelic', 'genetic', 'penetrance'] as const;

/**
 * The clinician's assumptions behind BS1's threshold for the named disease (issue 18): prevalence
 * as "1 in N", the other three as fractions 0..1. Saved with the diagnosis; the sheets then offer
 * to update their suggestions.
 */
export function Bs1AssumptionsForm(props: {
  readonly diagnosis: Diagnosis;
  readonly onSave: (d: Diagnosis) => void;
}) {
  const { t } = useTranslation();
  const a = props.diagnosis.bs1 ?? DEFAULT_BS1_ASSUMPTIONS;
  const [text, setText] = useState<Record<(typeof FIELDS)[number], string>>({
    prevalence: String(Math.round(1 / a.prevalence)),
    allelic: String(a.allelic),
    genetic: String(a.genetic),
    penetrance: String(a.penetrance),
  });
  const [error, setError] = useState<string | undefined>(undefined);
  const save = (): void => {
    const parsed = Bs1AssumptionsSchema.safeParse({
      prevalence: 1 / Number(text.prevalence),
      allelic: Number(text.allelic),
      genetic: Number(text.genetic),
      penetrance: Number(text.penetrance),
    } satisfies Assumptions);
    if (!parsed.success) {
      setError(t('caseWork.bs1.invalid'));
      return;
    }
    setError(undefined);
    props.onSave({ ...props.diagnosis, bs1: parsed.data });
  };
  return (
    <fieldset className="inline-fieldset" data-testid="bs1-assumptions">
      <legend>{t('caseWork.bs1.legend')}</legend>
      {FIELDS.map((f) => (
        <label key={f}>
          {t(`caseWork.bs1.${f}`)}{' '}
          <input
            type="number"
            min={f === 'prevalence' ? 1 : 0}
            max={f === 'prevalence' ? undefined : 1}
            step={f === 'prevalence' ? 1 : 0.01}
            value={text[f]}
            onChange={(e) => setText({ ...text, [f]: e.target.value })}
            data-testid={`bs1-${f}`}
          />
        </label>
      ))}
      <button type="button" onClick={save} data-testid="bs1-save">
        {t('caseWork.bs1.save')}
      </button>
      {error === undefined ? null : (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

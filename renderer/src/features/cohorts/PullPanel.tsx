import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hpoOntologyLabel } from '../../../../shared/i18n/hpoLabel';
import type { Purpose, PurposeDisease } from '../../../../shared/vault/vault';
import { useStore } from '../../store';
import { PullJobs } from './PullJobs';
import { pullReasonText } from '../../i18n/pullText';

const NO_ACCESS: readonly never[] = [];

/**
 * "Pull to my cache": pick a dataset the session may access and a purpose, ask main whether the
 * pull is allowed, show every reason when it is not (and the counts-only fallback), then start.
 */
export function PullPanel() {
  const { t } = useTranslation();
  const access = useStore((s) => s.session?.access) ?? NO_ACCESS;
  const pending = useStore((s) => s.pullCheck);
  const checkPull = useStore((s) => s.checkPull);
  const startPull = useStore((s) => s.startPull);
  const [choice, setChoice] = useState('');
  const [purpose, setPurpose] = useState<Purpose>('clinical-care');
  const [diseaseText, setDiseaseText] = useState('');
  const chosen = access.find((a) => `${a.nodeId}/${a.datasetId}` === choice);
  const diseaseId = diseaseText.trim().toUpperCase();
  const disease: PurposeDisease | undefined =
    purpose === 'research' && /^[A-Z0-9]+:[A-Z0-9._-]+$/.test(diseaseId)
      ? {
          id: diseaseId,
          ...(hpoOntologyLabel(diseaseId) === undefined
            ? {}
            : { label: hpoOntologyLabel(diseaseId) }),
        }
      : undefined;
  return (
    <section aria-labelledby="cohort-pull-heading" data-testid="cohort-pull">
      <h2 id="cohort-pull-heading">{t('cohorts.pull.heading')}</h2>
      {access.length === 0 ? <p className="hint">{t('cohorts.pull.signIn')}</p> : null}
      <form
        className="cohort-pull-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen)
            void checkPull({
              nodeId: chosen.nodeId,
              datasetId: chosen.datasetId,
              purpose,
              ...(disease === undefined ? {} : { disease }),
            });
        }}
      >
        <label>
          {t('cohorts.pull.dataset')}
          <select
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            data-testid="pull-dataset"
          >
            <option value="">{t('cohorts.pull.choose')}</option>
            {access.map((a) => (
              <option
                key={`${a.nodeId}/${a.datasetId}`}
                value={`${a.nodeId}/${a.datasetId}`}
                translate="no"
              >
                {`${a.datasetId} · ${a.title} (${a.nodeName})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('cohorts.pull.purpose')}
          <select
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as Purpose)}
            data-testid="pull-purpose"
          >
            <option value="clinical-care">{t('cohorts.purpose.clinical-care')}</option>
            <option value="research">{t('cohorts.purpose.research')}</option>
          </select>
        </label>
        {purpose === 'research' ? (
          <label>
            {t('interop.pull.disease')}
            <input
              value={diseaseText}
              onChange={(e) => setDiseaseText(e.target.value)}
              placeholder="HP:0003002"
              aria-describedby="pull-disease-help"
              data-testid="pull-disease"
            />
            {/* An HPO label is the ontology's own (English, issue 22): marked as such. */}
            {disease?.label === undefined ? (
              <span id="pull-disease-help" className="hint">
                {t('interop.pull.diseaseHelp')}
              </span>
            ) : (
              <span id="pull-disease-help" className="hint" lang="en">
                {disease.label}
              </span>
            )}
          </label>
        ) : null}
        <button type="submit" disabled={chosen === undefined} data-testid="pull-check">
          {t('cohorts.pull.check')}
        </button>
      </form>
      {pending === undefined ? null : pending.check.allowed ? (
        <div role="status" data-testid="pull-allowed">
          <p>{t('cohorts.pull.allowed', { dataset: pending.target.datasetId })}</p>
          <button type="button" onClick={() => void startPull()} data-testid="pull-start">
            {t('cohorts.pull.start')}
          </button>
        </div>
      ) : (
        <div role="alert" data-testid="pull-refused">
          <p>{t('cohorts.pull.refused', { dataset: pending.target.datasetId })}</p>
          <ul data-testid="pull-reasons">
            {pending.check.reasons.map((r, i) => (
              <li key={r}>{pullReasonText(t, pending.check.said?.[i], r)}</li>
            ))}
          </ul>
          {pending.check.offer === 'counts-only' ? <p>{t('cohorts.pull.countsOnly')}</p> : null}
          {pending.check.offer === 'yes-no-only' ? <p>{t('interop.pull.yesNoOnly')}</p> : null}
        </div>
      )}
      <PullJobs />
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { CaseFiles } from './CaseFiles';
import { ImportJobView } from './ImportJobView';
import { PhenotypeEditor } from './PhenotypeEditor';
import { PhenotypePreview } from './PhenotypePreview';
import { ProblemList } from './ProblemList';
import { SampleLinks } from './SampleLinks';
import { blockingProblems, useNewCase } from './useNewCase';
import { CaseKind } from '../cancer/CaseKind';

const SEXES = ['female', 'male', 'unknown'] as const;

/**
 * "New case" (issue 16): patient id, sex, note, phenotype (picked or read from a Phenopacket), one
 * VCF and an optional PED with its sample mapping; then the import's progress, cancellable. A
 * modal <dialog>: focus stays inside, Escape closes it.
 */
export function NewCaseDialog(props: { readonly open: boolean; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const form = useNewCase();
  const { draft, patch } = form;
  const [jobId, setJobId] = useState<string | undefined>();
  const job = useStore((s) => s.caseJobs.find((j) => j.jobId === jobId));
  const openCase = useStore((s) => s.openCase);
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  const close = (): void => {
    form.reset();
    setJobId(undefined);
    props.onClose();
  };
  const blocking = blockingProblems(draft);
  // Issue 16: Import stayed greyed out with no word when the patient id or the VCF was missing
  // (a disabled button is not focusable, so a keyboard user never even reached it): say what.
  const needed = [
    ...(draft.patientId.trim() === '' ? [t('caseReview.new.needPatientId')] : []),
    ...(draft.vcf === undefined ? [t('caseReview.new.needVcf')] : []),
  ];
  const ready =
    draft.vcf !== undefined &&
    draft.inspection !== undefined &&
    draft.patientId.trim() !== '' &&
    blocking.length === 0 &&
    draft.busy === undefined;
  return (
    <dialog
      ref={ref}
      className="new-case-dialog"
      aria-labelledby="new-case-heading"
      onClose={close}
      data-testid="new-case-dialog"
    >
      <h2 id="new-case-heading">{t('caseReview.new.heading')}</h2>
      {job !== undefined ? (
        <ImportJobView
          job={job}
          onOpen={() => {
            void openCase(job.caseId);
            close();
          }}
          onClose={close}
        />
      ) : (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            if (!ready) return;
            void form.submit().then((started) => setJobId(started?.jobId));
          }}
        >
          <div className="new-case-grid">
            <div className="field">
              <label htmlFor="new-case-patient">{t('caseReview.new.patientId')}</label>
              <input
                id="new-case-patient"
                required
                maxLength={100}
                value={draft.patientId}
                aria-describedby="new-case-patient-help"
                onChange={(e) => patch({ patientId: e.target.value })}
                data-testid="new-case-patient"
              />
              <small id="new-case-patient-help">{t('caseReview.new.patientHelp')}</small>
            </div>
            <div className="field">
              <label htmlFor="new-case-id">{t('caseReview.new.caseId')}</label>
              <input
                id="new-case-id"
                maxLength={64}
                pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}"
                value={draft.caseId}
                placeholder={t('caseReview.new.caseIdPlaceholder')}
                onChange={(e) => patch({ caseId: e.target.value })}
                data-testid="new-case-id"
              />
            </div>
            <div className="field">
              <label htmlFor="new-case-sex">{t('caseReview.new.sex')}</label>
              <select
                id="new-case-sex"
                value={draft.sex}
                onChange={(e) =>
                  patch({ sex: SEXES.find((s) => s === e.target.value) ?? 'unknown' })
                }
                data-testid="new-case-sex"
              >
                {SEXES.map((s) => (
                  <option key={s} value={s}>
                    {t(`cohorts.sex.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="new-case-note">{t('caseReview.new.note')}</label>
            <textarea
              id="new-case-note"
              rows={2}
              maxLength={20_000}
              value={draft.note}
              onChange={(e) => patch({ note: e.target.value })}
              data-testid="new-case-note"
            />
          </div>
          <PhenotypeEditor
            id="new-case-phenotype"
            value={draft.phenotype}
            onChange={(phenotype) => patch({ phenotype })}
          />
          <PhenotypePreview phenotype={draft.phenotype} sex={draft.sex} />
          <CaseFiles
            draft={draft}
            chooseVcf={form.chooseVcf}
            cancelUpload={form.cancelUpload}
            setPed={form.setPed}
            setPhenopacket={form.setPhenopacket}
            onError={(error) => patch({ error })}
          />
          {draft.inspection === undefined ? null : (
            <CaseKind
              draft={draft}
              inspection={draft.inspection}
              onKind={(cancer) => patch({ cancer })}
              onPatch={form.patchCancer}
            />
          )}
          {draft.cancer === undefined ? (
            <SampleLinks draft={draft} onChange={(p) => patch({ ...p, linksEdited: true })} />
          ) : null}
          <ProblemList
            problems={[
              ...(draft.error === undefined ? [] : [{ message: draft.error }]),
              ...blocking.filter((p) => p.file === undefined),
            ]}
            label={t('caseReview.new.cannotImport')}
            testId="new-case-errors"
            tone="error"
          />
          {needed.length === 0 ? null : (
            <p id="new-case-needed" className="hint" data-testid="new-case-needed">
              {needed.join(' ')}
            </p>
          )}
          <div className="dialog-actions">
            <button
              type="submit"
              disabled={!ready}
              {...(needed.length === 0 ? {} : { 'aria-describedby': 'new-case-needed' })}
              data-testid="new-case-import"
            >
              {draft.busy === 'starting'
                ? t('caseReview.new.starting')
                : t('caseReview.new.import')}
            </button>
            <button type="button" onClick={close}>
              {t('caseReview.new.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mainPicksCaseFiles } from '../../store/caseSlice';
import { useStore } from '../../store';
import { ProblemList } from '../caseReview/ProblemList';
import type { GermlineFileDraft } from './cancerDraft';
import { germlineFileDraft } from './cancerDraft';
import { appErrorText } from '../../i18n/appErrorText';
import { UploadStatus } from '../caseReview/CaseFiles';
import { useCaseUpload, type CaseUpload } from '../caseReview/useCaseUpload';

/**
 * The optional germline VCF of a cancer case (decision 0059): a germline caller's output for the
 * same patient, chosen beside the tumour VCF (main's dialog in Electron, an upload in browser mode),
 * checked by main's header reader, with its sample picker. Browser mode shows the upload's bytes
 * and time left, as for the tumour VCF, and the person can cancel it (issue 19; one upload path for
 * both, decision 0079). Its refusals and errors are listed with file and line, and block the import until the file is fixed or removed. A pick answered after
 * another pick or a removal is dropped (issue 19: a slow upload must not bring back an old file).
 */
export function GermlineVcfField(props: {
  readonly value: GermlineFileDraft | undefined;
  readonly onChange: (germline: GermlineFileDraft | undefined) => void;
}) {
  const { t } = useTranslation();
  const inspect = useStore((s) => s.inspectCaseFiles);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [upload, setUpload] = useState<CaseUpload | undefined>();
  // A new file input after a removal or a cancelled upload, so choosing the same file again is seen.
  const [inputs, setInputs] = useState(0);
  const electron = mainPicksCaseFiles();
  // The tumour VCF's pick (decision 0079): progress, cancel, and a newer pick or closing stops it.
  const sender = useCaseUpload(setUpload);
  const g = props.value;
  /** Drops the pick in flight: its upload is stopped, its answers are ignored. */
  const drop = (): void => {
    sender.drop();
    setBusy(false);
  };
  const pick = async (file?: File): Promise<void> => {
    setBusy(true);
    setError(undefined);
    const sent = await sender.send(file);
    if (sent === undefined) return;
    const chosen = sent.result;
    if (!chosen.ok || chosen.value === null) {
      setBusy(false);
      if (!chosen.ok) setError(appErrorText(chosen.error));
      return;
    }
    const found = await inspect({ vcf: chosen.value.handle });
    if (!sent.live()) return;
    setBusy(false);
    if (found.ok) props.onChange(germlineFileDraft(chosen.value, found.value));
    else setError(appErrorText(found.error));
  };
  const remove = (): void => {
    drop();
    setInputs((n) => n + 1);
    props.onChange(undefined);
  };
  const cancel = (): void => {
    drop();
    setInputs((n) => n + 1);
  };
  return (
    <div className="field" data-testid="new-case-germline">
      {electron ? (
        <button
          type="button"
          onClick={() => void pick()}
          aria-describedby="new-case-germline-vcf-help"
          data-testid="new-case-germline-vcf-pick"
        >
          {t('cancer.new.germlineVcfPick')}
        </button>
      ) : (
        <>
          <label htmlFor="new-case-germline-vcf">{t('cancer.new.germlineVcf')}</label>
          <input
            // A new input once the file is removed, so choosing the same file again is seen.
            key={`${g?.file.handle ?? 'none'}-${String(inputs)}`}
            id="new-case-germline-vcf"
            type="file"
            accept=".vcf,.gz,.bgz"
            aria-describedby="new-case-germline-vcf-help"
            onChange={(e) => void pick(e.target.files?.[0])}
            data-testid="new-case-germline-vcf"
          />
        </>
      )}
      <small id="new-case-germline-vcf-help">{t('cancer.new.germlineVcfHelp')}</small>
      {upload === undefined ? null : (
        <UploadStatus upload={upload} onCancel={cancel} testId="new-case-germline-upload" />
      )}
      {busy && upload === undefined ? <p role="status">{t('cancer.new.germlineReading')}</p> : null}
      {g === undefined ? null : (
        <>
          <p data-testid="new-case-germline-summary">
            {t('cancer.new.germlineSummary', { name: g.file.name, samples: g.samples.join(', ') })}
          </p>
          <label htmlFor="new-case-germline-sample">{t('cancer.new.germlineSample')}</label>
          <select
            id="new-case-germline-sample"
            value={g.sample}
            onChange={(e) => props.onChange({ ...g, sample: e.target.value })}
            data-testid="new-case-germline-sample"
          >
            {g.samples.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <button type="button" onClick={remove} data-testid="new-case-germline-remove">
            {t('cancer.new.germlineRemove')}
          </button>
        </>
      )}
      <ProblemList
        problems={[...(error === undefined ? [] : [{ message: error }]), ...(g?.problems ?? [])]}
        label={t('cancer.new.germlineProblems')}
        testId="new-case-germline-problems"
        tone="error"
      />
    </div>
  );
}

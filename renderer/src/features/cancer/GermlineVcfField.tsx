import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mainPicksCaseFiles } from '../../store/caseSlice';
import { useStore } from '../../store';
import { ProblemList } from '../caseReview/ProblemList';
import type { GermlineFileDraft } from './cancerDraft';
import { germlineFileDraft } from './cancerDraft';
import { appErrorText } from '../../i18n/appErrorText';
import { UploadStatus } from '../caseReview/CaseFiles';
import type { CaseDraft } from '../caseReview/useNewCase';

type Upload = NonNullable<CaseDraft['upload']>;

/**
 * The optional germline VCF of a cancer case (decision 0059): a germline caller's output for the
 * same patient, chosen beside the tumour VCF (main's dialog in Electron, an upload in browser mode),
 * checked by main's header reader, with its sample picker. Browser mode shows the upload's bytes
 * and time left, as for the tumour VCF, and the person can cancel it (issue 19). Its refusals and errors are listed with
 * file and line, and block the import until the file is fixed or removed. A pick answered after
 * another pick or a removal is dropped (issue 19: a slow upload must not bring back an old file).
 */
export function GermlineVcfField(props: {
  readonly value: GermlineFileDraft | undefined;
  readonly onChange: (germline: GermlineFileDraft | undefined) => void;
}) {
  const { t } = useTranslation();
  const choose = useStore((s) => s.chooseCaseVcf);
  const inspect = useStore((s) => s.inspectCaseFiles);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [upload, setUpload] = useState<Upload | undefined>();
  // A new file input after a removal or a cancelled upload, so choosing the same file again is seen.
  const [inputs, setInputs] = useState(0);
  const electron = mainPicksCaseFiles();
  const picks = useRef(0);
  const sending = useRef<AbortController | undefined>(undefined);
  // Closing the dialog stops an upload still running.
  useEffect(() => () => sending.current?.abort(), []);
  const g = props.value;
  /** Drops the pick in flight: its upload is stopped, its answers are ignored. */
  const drop = (): void => {
    picks.current++;
    sending.current?.abort();
    sending.current = undefined;
    setBusy(false);
    setUpload(undefined);
  };
  const pick = async (file?: File): Promise<void> => {
    drop();
    const token = picks.current;
    const controller = new AbortController();
    sending.current = controller;
    setBusy(true);
    setError(undefined);
    // Browser mode sends the file to main: its bytes are shown from the start, as the tumour VCF's.
    const started = Date.now();
    if (file !== undefined) setUpload({ sent: 0, reported: 0, size: file.size, elapsedMs: 0 });
    const chosen = await choose(
      file,
      (sent, reported) => {
        if (token === picks.current)
          setUpload({ sent, reported, size: file?.size ?? 0, elapsedMs: Date.now() - started });
      },
      controller.signal,
    );
    if (token !== picks.current) return;
    sending.current = undefined;
    setUpload(undefined);
    if (!chosen.ok || chosen.value === null) {
      setBusy(false);
      if (!chosen.ok) setError(appErrorText(chosen.error));
      return;
    }
    const found = await inspect({ vcf: chosen.value.handle });
    if (token !== picks.current) return;
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
        <div className="upload-cancel">
          <UploadStatus upload={upload} testId="new-case-germline-upload" />
          <button type="button" onClick={cancel} data-testid="new-case-germline-cancel">
            {t('cancer.new.germlineUploadCancel')}
          </button>
        </div>
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

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../../shared/i18n/format';
import { currentLocale } from '../../i18n';
import { errorText, SaidError } from '../../i18n/said';
import { useFormat } from '../../i18n/useFormat';
import type { TextFile } from '../../../../shared/cases/channels';
import { MAX_TEXT_FILE } from '../../../../shared/cases/fileRef';
import { ProblemList } from './ProblemList';
import { transferStatus } from './transferStatus';
import type { CaseUpload } from './useCaseUpload';
import type { CaseDraft } from './useNewCase';
import { mainPicksCaseFiles } from '../../store/caseSlice';

/** PED and Phenopacket files are small: the page reads them as text (at most 4 MB). */
async function readText(file: File | undefined): Promise<TextFile | undefined> {
  if (file === undefined) return undefined;
  if (file.size > MAX_TEXT_FILE)
    throw new SaidError(
      {
        key: 'fileTooLarge',
        params: { file: file.name, size: formatBytes(MAX_TEXT_FILE, currentLocale()) },
      },
      `${file.name} is larger than 4 MB; is it the right file?`,
    );
  return { name: file.name, text: await file.text() };
}

/**
 * Browser mode's upload: MB sent of the file's size and the time left, as text and a bar, and the
 * button that cancels it (issue 19, decision 0079: the tumour and the germline VCF alike).
 */
export function UploadStatus({
  upload,
  onCancel,
  testId = 'new-case-upload',
}: {
  readonly upload: CaseUpload;
  readonly onCancel: () => void;
  readonly testId?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const s = transferStatus({
    done: upload.sent,
    reported: upload.reported,
    size: upload.size,
    elapsedMs: upload.elapsedMs,
  });
  const sending = t('caseReview.files.uploading', {
    sent: f.bytes(s.doneBytes),
    total: s.totalBytes === undefined ? '?' : f.bytes(s.totalBytes),
  });
  return (
    <div className="upload-cancel">
      <p className="upload-status" role="status" data-testid={testId}>
        {sending}
        {s.etaMs === undefined
          ? null
          : ` ${t('caseReview.import.left', { time: f.duration(s.etaMs / 1000) })}`}
        <progress max={100} value={s.percent} aria-label={sending} />
      </p>
      <button type="button" onClick={onCancel} data-testid={`${testId}-cancel`}>
        {t('caseReview.files.uploadCancel')}
      </button>
    </div>
  );
}

/** The VCF, PED and Phenopacket of a new case, with what the header check found. */
export function CaseFiles(props: {
  readonly draft: CaseDraft;
  readonly chooseVcf: (file?: File) => Promise<void>;
  readonly cancelUpload: () => void;
  readonly setPed: (file: TextFile | undefined) => Promise<void>;
  readonly setPhenopacket: (file: TextFile | undefined) => Promise<void>;
  readonly onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { draft } = props;
  const electron = mainPicksCaseFiles();
  // A new file input after a cancelled upload, so choosing the same file again is seen.
  const [inputs, setInputs] = useState(0);
  const text = (set: (f: TextFile | undefined) => Promise<void>) => (file: File | undefined) => {
    readText(file).then(set, (e: unknown) => props.onError(errorText(e, t)));
  };
  const vcf = draft.inspection?.vcf;
  return (
    <fieldset className="case-files">
      <legend>{t('caseReview.files.legend')}</legend>
      <div className="field">
        {electron ? (
          <button
            type="button"
            onClick={() => void props.chooseVcf()}
            data-testid="new-case-vcf-pick"
          >
            {t('caseReview.files.chooseVcf')}
          </button>
        ) : (
          <>
            <label htmlFor="new-case-vcf">{t('caseReview.files.vcf')}</label>
            <input
              key={inputs}
              id="new-case-vcf"
              type="file"
              accept=".vcf,.gz,.bgz"
              aria-describedby="new-case-vcf-help"
              onChange={(e) => void props.chooseVcf(e.target.files?.[0])}
              data-testid="new-case-vcf"
            />
          </>
        )}
        <small id="new-case-vcf-help">{t('caseReview.files.vcfHelp')}</small>
        {draft.upload === undefined ? null : (
          <UploadStatus
            upload={draft.upload}
            onCancel={() => {
              props.cancelUpload();
              setInputs((n) => n + 1);
            }}
          />
        )}
      </div>
      <div className="field">
        <label htmlFor="new-case-ped">{t('caseReview.files.ped')}</label>
        <input
          id="new-case-ped"
          type="file"
          accept=".ped,.fam,.txt"
          onChange={(e) => text(props.setPed)(e.target.files?.[0])}
          data-testid="new-case-ped"
        />
      </div>
      <div className="field">
        <label htmlFor="new-case-phenopacket">{t('caseReview.files.phenopacket')}</label>
        <input
          id="new-case-phenopacket"
          type="file"
          accept=".json"
          onChange={(e) => text(props.setPhenopacket)(e.target.files?.[0])}
          data-testid="new-case-phenopacket"
        />
      </div>
      <ProblemList
        problems={draft.phenopacketProblems}
        label={t('caseReview.files.phenopacketProblems')}
        testId="new-case-phenopacket-problems"
        tone="warning"
      />
      {draft.busy === 'inspecting' ? <p role="status">{t('caseReview.files.inspecting')}</p> : null}
      {vcf === undefined ? null : (
        <p data-testid="new-case-vcf-summary">
          {t('caseReview.files.summary', {
            name: vcf.name,
            version: vcf.version ?? '?',
            container: vcf.container ?? '?',
            count: vcf.samples.length,
            assembly: vcf.assembly.name,
            annotations: vcf.annotations.join(', ') || t('caseReview.files.noAnnotations'),
          })}
        </p>
      )}
      <ProblemList
        problems={[
          // The refusal names its file itself (issue 22: worded from its code).
          ...(vcf?.refusal === undefined ? [] : [{ message: vcf.refusal, ...vcf.refused }]),
          ...(vcf?.problems ?? []),
          ...(draft.inspection?.ped?.problems ?? []),
        ]}
        label={t('caseReview.files.problems')}
        testId="new-case-file-problems"
        tone="error"
      />
    </fieldset>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseWork, ReportMethod } from '../../../../../shared/cases/workChannels';
import type { Language } from '../../../../../shared/i18n/languages';
import { useStore } from '../../../store';
import { appErrorText } from '../../../i18n/appErrorText';

/**
 * The report as it will be saved, inside the app (issue 18; decision 0046): the HTML main built,
 * in a frame with `sandbox=""` fed by `srcdoc`. The empty sandbox gives the frame an opaque origin
 * and no scripts, forms, popups or top navigation, so nothing in the report (a hostile note, a
 * node's answer) can run, reach the page's session or the preload bridge (Electron checklist 2,
 * 17, 20). The frame inherits the page's CSP (script-src 'self', default-src 'none': no frame,
 * image or fetch can load) and the report adds its own (default-src 'none'); the report's inline
 * style is allowed by the page's style-src. Refreshed whenever the case's work changes.
 */
export function ReportPreview(props: {
  readonly caseId: string;
  readonly work: CaseWork;
  readonly method: ReportMethod;
  /** The language the report will be saved in (issue 22), so the preview shows that report. */
  readonly language: Language;
}) {
  const { t } = useTranslation();
  const report = useStore((s) => s.caseReport);
  const [open, setOpen] = useState(false);
  const [html, setHtml] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const { caseId, work, language } = props;
  // The page makes a fresh `method` object on every render; its content is what matters.
  const methodKey = JSON.stringify(props.method);
  useEffect(() => {
    if (!open) return;
    let current = true;
    void report(caseId, 'preview', JSON.parse(methodKey) as ReportMethod, language).then((r) => {
      if (!current) return;
      setHtml(r.ok ? r.value.body : undefined);
      setError(r.ok ? undefined : appErrorText(r.error));
    });
    return () => {
      current = false;
    };
  }, [open, caseId, work, report, methodKey, language]);
  return (
    <div className="report-preview">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="report-preview"
        onClick={() => setOpen(!open)}
        data-testid="report-preview-toggle"
      >
        {t(open ? 'caseWork.report.previewHide' : 'caseWork.report.preview')}
      </button>
      <div id="report-preview" hidden={!open}>
        {error === undefined ? null : (
          <p role="alert" className="form-error">
            {t('caseWork.report.previewFailed', { error })}
          </p>
        )}
        {open && html !== undefined ? (
          <iframe
            sandbox=""
            srcDoc={html}
            title={t('caseWork.report.previewTitle')}
            className="report-preview-frame"
            data-testid="report-preview-frame"
          />
        ) : null}
      </div>
    </div>
  );
}

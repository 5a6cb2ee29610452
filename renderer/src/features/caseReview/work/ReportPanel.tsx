import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseWork, ReportMethod, WorkChange } from '../../../../../shared/cases/workChannels';
import { useStore } from '../../../store';
import { download } from '../../../components/download';
import { ReportPreview } from './ReportPreview';
import { DiagnosisPicker } from './DiagnosisPicker';
import { Bs1AssumptionsForm } from './Bs1Assumptions';
import { currentLocale } from '../../../i18n';
import { languageOf, LANGUAGE_NAMES } from '../../../../../shared/i18n/languages';
import { appErrorText } from '../../../i18n/appErrorText';
import { authorWords } from '../../../i18n/authorWords';
import { useFormat } from '../../../i18n/useFormat';

/**
 * The report of the case (issue 18): the diagnosis, the sign-off, and the files: HTML and PDF
 * (rendered in main, offline) and the Phenopacket. Every file is audited by main before it is given.
 */
export function ReportPanel(props: {
  readonly caseId: string;
  readonly work: CaseWork;
  readonly method: ReportMethod;
  readonly suggestedDiagnosis: { id: string; label: string } | undefined;
  readonly change: (c: WorkChange) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { work, caseId } = props;
  const [dxId, setDxId] = useState(work.diagnosis?.id ?? props.suggestedDiagnosis?.id ?? '');
  const [dxLabel, setDxLabel] = useState(
    work.diagnosis?.label ?? props.suggestedDiagnosis?.label ?? '',
  );
  const [statement, setStatement] = useState('');
  const [status, setStatus] = useState<string>('');
  // The report is written in the app's language, or in English to share abroad (issue 22).
  const appLanguage = languageOf(currentLocale()) ?? 'en';
  const [reportLanguage, setReportLanguage] = useState<'app' | 'en'>('app');
  const language = reportLanguage === 'en' ? 'en' : appLanguage;
  const report = useStore((s) => s.caseReport);
  const phenopacket = useStore((s) => s.casePhenopacket);
  const reported = work.variants.filter((v) => v.reported).length;
  const file = async (what: 'html' | 'pdf' | 'phenopacket'): Promise<void> => {
    setStatus(t('caseWork.report.making'));
    if (what === 'phenopacket') {
      const r = await phenopacket(caseId);
      if (r.ok) download(r.value.fileName, r.value.json, 'application/json');
      setStatus(
        r.ok ? t('caseWork.report.saved', { name: r.value.fileName }) : appErrorText(r.error),
      );
      return;
    }
    const r = await report(caseId, what, props.method, language);
    if (!r.ok) {
      setStatus(appErrorText(r.error));
      return;
    }
    const body =
      what === 'pdf' ? Uint8Array.from(atob(r.value.body), (c) => c.charCodeAt(0)) : r.value.body;
    download(r.value.fileName, body, r.value.mime);
    setStatus(
      r.value.pages === undefined
        ? t('caseWork.report.saved', { name: r.value.fileName })
        : t('caseWork.report.savedPages', { name: r.value.fileName, count: r.value.pages }),
    );
  };
  return (
    <section aria-labelledby="report-heading" data-testid="work-report">
      <h4 id="report-heading">{t('caseWork.report.heading')}</h4>
      <fieldset>
        <legend>{t('caseWork.report.diagnosis')}</legend>
        <DiagnosisPicker
          current={work.diagnosis}
          onPick={(d) => {
            setDxId(d.id);
            setDxLabel(d.label);
            void props.change({ kind: 'diagnosis', diagnosis: d });
          }}
        />
        <label>
          {t('caseWork.report.diagnosisId')}{' '}
          <input
            value={dxId}
            onChange={(e) => setDxId(e.target.value)}
            data-testid="diagnosis-id"
          />
        </label>{' '}
        <label>
          {t('caseWork.report.diagnosisLabel')}{' '}
          <input
            value={dxLabel}
            onChange={(e) => setDxLabel(e.target.value)}
            data-testid="diagnosis-label"
          />
        </label>{' '}
        <button
          type="button"
          onClick={() =>
            void props.change({
              kind: 'diagnosis',
              diagnosis:
                dxId.trim() === ''
                  ? null
                  : {
                      // The same disease keeps its inheritance and BS1 assumptions.
                      ...(work.diagnosis?.id === dxId.trim() ? work.diagnosis : {}),
                      id: dxId.trim(),
                      label: dxLabel.trim() || dxId.trim(),
                    },
            })
          }
          data-testid="diagnosis-save"
        >
          {t('caseWork.report.saveDiagnosis')}
        </button>
        {work.diagnosis === null ? null : (
          <Bs1AssumptionsForm
            key={`${work.diagnosis.id}-${JSON.stringify(work.diagnosis.bs1 ?? {})}`}
            diagnosis={work.diagnosis}
            onSave={(d) => void props.change({ kind: 'diagnosis', diagnosis: d })}
          />
        )}
      </fieldset>
      {work.signOff === null ? (
        <fieldset>
          <legend>{t('caseWork.report.signOff')}</legend>
          <p className="hint">{t('caseWork.report.signOffHint', { count: reported })}</p>
          <label htmlFor="signoff-statement">{t('caseWork.report.statement')}</label>
          <textarea
            id="signoff-statement"
            rows={2}
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
            data-testid="signoff-statement"
          />
          <button
            type="button"
            onClick={() => void props.change({ kind: 'signOff', statement, method: props.method })}
            data-testid="signoff"
          >
            {t('caseWork.report.sign')}
          </button>
        </fieldset>
      ) : (
        <p data-testid="signed-off">
          {t('caseWork.report.signed', {
            by: authorWords(t, work.signOff),
            at: f.dateTime(work.signOff.at),
          })}{' '}
          <button type="button" onClick={() => void props.change({ kind: 'withdrawSignOff' })}>
            {t('caseWork.report.withdraw')}
          </button>
        </p>
      )}
      <label>
        {t('caseWork.report.language')}{' '}
        <select
          value={reportLanguage}
          onChange={(e) => setReportLanguage(e.target.value === 'en' ? 'en' : 'app')}
          data-testid="report-language"
        >
          {/* A language's name in that language (as the Settings menu writes it; issue 22). */}
          <option value="app" lang={appLanguage} translate="no">
            {LANGUAGE_NAMES[appLanguage]}
          </option>
          {appLanguage === 'en' ? null : (
            <option value="en">{t('caseWork.report.languageEnglish')}</option>
          )}
        </select>
      </label>
      <div className="inline-fieldset">
        <button type="button" onClick={() => void file('html')} data-testid="report-html">
          {t('caseWork.report.html')}
        </button>
        <button type="button" onClick={() => void file('pdf')} data-testid="report-pdf">
          {t('caseWork.report.pdf')}
        </button>
        <button
          type="button"
          onClick={() => void file('phenopacket')}
          data-testid="report-phenopacket"
        >
          {t('caseWork.report.phenopacket')}
        </button>
      </div>
      <p role="status" data-testid="report-status">
        {status}
      </p>
      <ReportPreview caseId={caseId} work={work} method={props.method} language={language} />
    </section>
  );
}

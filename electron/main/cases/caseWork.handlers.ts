import type { AuditLog } from '../audit/auditLog';
import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import type { Logger } from '../logging/logger';
import type { Platform } from '../platform/platform';
import { casePhenopacket } from '../../../shared/report/casePhenopacket';
import { reportHtml } from '../../../shared/report/reportHtml';
import { pdfPageCount } from '../platform/chromiumPdf';
import { reportData } from './caseReport';
import type { CaseWorkService } from './caseWork';
import { clinvarTable } from './clinvarTable';
import { loadPanels } from './genomeAssets';
import { readSeen } from '../seen/seenStore';
import { toFederated } from '../../../shared/seen/toFederated';
import type { SeenAnswer } from '../../../shared/seen/channels';
import type { VariantWork } from '../../../shared/cases/workChannels';
import type { Language } from '../../../shared/i18n/languages';
import { words } from '../../../shared/appError';

type WorkChannels =
  'case:work' | 'case:updateWork' | 'case:clinvar' | 'case:report' | 'case:phenopacket';

/** Handlers for case work, ClinVar look-ups, the report and the Phenopacket (issue 18). */
export function caseWorkHandlers(opts: {
  work: CaseWorkService;
  audit: AuditLog;
  logger: Logger;
  platform: Pick<Platform, 'printToPdf'>;
  app: string;
  now?: () => Date;
  /** A cancer case's tumour-board section (issue 19), appended to its report. */
  board?: (
    caseId: string,
    answers: readonly SeenAnswer[],
    opts: { language: Language; reviewed: readonly VariantWork[] },
  ) => Promise<string | undefined>;
}): Pick<Handlers, WorkChannels> {
  const now = opts.now ?? (() => new Date());
  const panels = loadPanels();
  return {
    'case:work': ({ caseId }) => opts.work.get(caseId),
    'case:updateWork': ({ caseId, change }) => opts.work.update(caseId, change),
    'case:clinvar': ({ variantKeys, genes }) => clinvarTable().lookup(variantKeys, genes),
    'case:report': async ({ caseId, format, method, federated, language }) => {
      const { c, work, user } = opts.work.open(caseId);
      // The answers sealed with the case are the report's federated evidence unless the page
      // names its own (issue 18): "not looked up" only when no lookup was ever stored.
      const stored = readSeen({ dir: c.dir, folder: c.folder, dataKey: c.dataKey, user });
      const evidence = federated ?? (stored.length === 0 ? undefined : toFederated(stored));
      const board = await opts.board?.(caseId, stored, {
        language: language ?? 'en',
        reviewed: work.variants,
      });
      const html = withSection(
        reportHtml(
          reportData({ c, work, method, federated: evidence, panels, app: opts.app, now: now() }),
          language ?? 'en',
        ),
        board,
      );
      const signed = work.signOff === null ? 'draft' : 'signed';
      const base = `${caseId}-report-${signed}`;
      if (format !== 'pdf') {
        // A preview is the same HTML shown in the app (a sandboxed frame), audited as its own format.
        opts.audit.append('case.report', { caseId, format, type: signed });
        return { fileName: `${base}.html`, mime: 'text/html', body: html };
      }
      let pdf: Buffer;
      try {
        pdf = await opts.platform.printToPdf(html);
      } catch (error: unknown) {
        opts.logger.warn('case.report_pdf_failed', { error });
        throw new HandlerError(
          'NOT_ALLOWED',
          `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}`,
          undefined,
          words('pdfFailed', { detail: error instanceof Error ? error.message : String(error) }),
        );
      }
      opts.audit.append('case.report', { caseId, format, type: signed });
      return {
        fileName: `${base}.pdf`,
        mime: 'application/pdf',
        body: pdf.toString('base64'),
        pages: Math.max(1, pdfPageCount(pdf)),
      };
    },
    'case:phenopacket': ({ caseId }) => {
      const { c, work } = opts.work.open(caseId);
      const packet = casePhenopacket(
        reportData({
          c,
          work,
          method: { filter: {} },
          federated: undefined,
          panels,
          app: opts.app,
          now: now(),
        }),
      );
      opts.audit.append('case.export', {
        caseId,
        format: 'phenopacket',
        rows: work.variants.filter((v) => v.reported).length,
      });
      return { fileName: `${caseId}.phenopacket.json`, json: JSON.stringify(packet, null, 2) };
    },
  };
}

/** The report with a section added at the end of its body (the tumour board: issue 19). */
const withSection = (html: string, section: string | undefined): string =>
  section === undefined ? html : html.replace(/<\/body>(?![\s\S]*<\/body>)/, `${section}\n</body>`);

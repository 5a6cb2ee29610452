import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { KNOWLEDGE_VERSIONS } from '../../../../shared/cancer/knowledge';
import { tumourBoardHtml } from '../../../../shared/report/tumourBoardHtml';
import type { SeenAnswer } from '../../../../shared/seen/channels';
import { HandlerError } from '../../ipc/router';
import { casesRoot, STAGING_DIR } from '../caseFolder';
import type { CaseService } from '../caseService';
import { querySomaticBytes } from './somaticQuery';
import type { Panel } from '../../../../shared/cases/channels';
import type { VariantWork } from '../../../../shared/cases/workChannels';
import type { Language } from '../../../../shared/i18n/languages';
import { loadPanels } from '../genomeAssets';
import { germlineFindings } from './germlineQuery';

/** Most somatic calls the tumour-board report lists (a tumour's filtered calls are few). */
const MAX_ROWS = 500;

/**
 * The tumour-board section of a cancer case's report (issue 19), or undefined for a germline case:
 * every somatic call of the case (unfiltered, as imported), its tier proposal and the
 * oncologist's tier, the federation's answers stored with the case, and the germline findings
 * (the predisposition superpanel on the normal, with the reviewed variants' ACMG classes), in the
 * report's language.
 */
export async function tumourBoardSection(
  cases: CaseService,
  caseId: string,
  answers: readonly SeenAnswer[],
  opts: { language?: Language; reviewed?: readonly VariantWork[]; panels?: readonly Panel[] } = {},
): Promise<string | undefined> {
  const c = cases.find(caseId);
  const cancer = c?.manifest.cancer;
  if (cancer === undefined) return undefined;
  const read = await cases.openDatabase(caseId);
  if (!read.ok) throw new HandlerError('NOT_ALLOWED', read.message, caseId);
  const somatic = await querySomaticBytes({
    bytes: read.bytes,
    scratchDir: join(
      casesRoot(cases.owner().userDir),
      STAGING_DIR,
      `query-${randomBytes(6).toString('hex')}`,
    ),
    filter: {},
    page: { limit: MAX_ROWS, offset: 0 },
  });
  const panel = (opts.panels ?? loadPanels()).find((p) => p.id === 'cancer');
  const germline =
    panel === undefined
      ? undefined
      : { result: await germlineFindings(cases, caseId, panel), reviewed: opts.reviewed ?? [] };
  return tumourBoardHtml(
    {
      cancer,
      rows: somatic.rows,
      answers,
      knowledge: KNOWLEDGE_VERSIONS,
      ...(germline && { germline }),
    },
    opts.language ?? 'en',
  );
}

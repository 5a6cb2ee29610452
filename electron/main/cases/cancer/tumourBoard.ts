import { KNOWLEDGE_VERSIONS } from '../../../../shared/cancer/knowledge';
import { tumourBoardHtml } from '../../../../shared/report/tumourBoardHtml';
import type { SeenAnswer } from '../../../../shared/seen/channels';
import type { CaseService } from '../caseService';
import { runSomaticQuery, somaticRowsOf } from './somaticQuery';
import type { Panel } from '../../../../shared/cases/channels';
import type { VariantWork } from '../../../../shared/cases/workChannels';
import type { Language } from '../../../../shared/i18n/languages';
import { loadPanels } from '../genomeAssets';
import { readGermline, withCancerSession } from './germlineQuery';

/** Most somatic calls the tumour-board report lists (a tumour's filtered calls are few). */
const MAX_ROWS = 500;

/**
 * The tumour-board section of a cancer case's report (issue 19), or undefined for a germline case:
 * every somatic call of the case (unfiltered, as imported; past MAX_ROWS the first in tier order,
 * every call the oncologist tiered, and a line saying how many of how many), its tier proposal
 * and the oncologist's tier, the federation's answers stored with the case, and the germline findings
 * (the predisposition superpanel on the germline sample, with the reviewed variants' ACMG
 * classes), in the report's language. The case is opened once for both reads (decision 0059).
 */
export async function tumourBoardSection(
  cases: CaseService,
  caseId: string,
  answers: readonly SeenAnswer[],
  opts: { language?: Language; reviewed?: readonly VariantWork[]; panels?: readonly Panel[] } = {},
): Promise<string | undefined> {
  if (cases.find(caseId)?.manifest.cancer === undefined) return undefined;
  const panel = (opts.panels ?? loadPanels()).find((p) => p.id === 'cancer');
  const read = await withCancerSession(cases, caseId, async (s) => {
    const somatic = await runSomaticQuery(s.conn, s.somatic, {}, { limit: MAX_ROWS, offset: 0 });
    // A call the oncologist tiered is reported even beyond the first MAX_ROWS (issue 19).
    const listed = new Set(somatic.rows.map((r) => r.variant_key));
    const tiered = (s.cancer.reviews ?? []).map((r) => r.variantKey).filter((k) => !listed.has(k));
    return {
      cancer: s.cancer,
      somatic: {
        ...somatic,
        rows: [...somatic.rows, ...(await somaticRowsOf(s.conn, s.somatic, tiered))],
      },
      germline: panel === undefined ? undefined : await readGermline(s, panel),
    };
  });
  return tumourBoardHtml(
    {
      cancer: read.cancer,
      rows: read.somatic.rows,
      calls: read.somatic.total,
      answers,
      knowledge: KNOWLEDGE_VERSIONS,
      ...(read.germline && {
        germline: { result: read.germline, reviewed: opts.reviewed ?? [] },
      }),
    },
    opts.language ?? 'en',
  );
}

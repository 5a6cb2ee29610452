import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  gene3dResidues,
  geneHotspots,
  geneRole,
  KNOWLEDGE_VERSIONS,
} from '../../../../shared/cancer/knowledge';
import type { Handlers } from '../../ipc/router';
import { HandlerError } from '../../ipc/router';
import type { OpenedCase } from '../caseService';
import { casesRoot, rewriteManifest, STAGING_DIR } from '../caseFolder';
import type { CaseService } from '../caseService';
import type { SomaticPresets } from '../casePresets';
import { querySomaticBytes } from './somaticQuery';
import type { Panel } from '../../../../shared/cases/channels';
import { loadPanels } from '../genomeAssets';
import { germlineFindings } from './germlineQuery';
import { words } from '../../../../shared/appError';
import { caseReadRefusal, noCaseRefusal } from '../caseReadRefusal';

/** Handlers for cancer:* channels (issue 19). */
export function cancerHandlers(
  cases: CaseService,
  now: () => Date = () => new Date(),
  panels: () => readonly Panel[] = () => loadPanels(),
): Pick<Handlers, 'cancer:somatic' | 'cancer:review' | 'cancer:gene' | 'cancer:germline'> {
  const cancerCase = (
    caseId: string,
  ): OpenedCase & { cancer: NonNullable<OpenedCase['manifest']['cancer']> } => {
    const c = cases.find(caseId);
    if (c === undefined) throw noCaseRefusal(cases, caseId);
    if (c.manifest.cancer === undefined)
      throw new HandlerError(
        'INVALID_REQUEST',
        `Case "${caseId}" is not a cancer case: it has no somatic calls. Import the tumour VCF as a cancer case.`,
        'caseId',
        words('notCancerCase', { caseId }),
      );
    return { ...c, cancer: c.manifest.cancer };
  };
  return {
    'cancer:somatic': async ({ caseId, filter, limit, offset }) => {
      cancerCase(caseId);
      const read = await cases.openDatabase(caseId);
      if (!read.ok) throw caseReadRefusal(read, caseId);
      return querySomaticBytes({
        bytes: read.bytes,
        scratchDir: join(
          casesRoot(cases.owner().userDir),
          STAGING_DIR,
          `query-${randomBytes(6).toString('hex')}`,
        ),
        filter: filter ?? {},
        page: { limit: limit ?? 500, offset: offset ?? 0 },
      });
    },
    'cancer:review': ({ caseId, variantKey, tier, level, proposed, note }) => {
      const c = cancerCase(caseId);
      const review = {
        variantKey,
        tier,
        level,
        proposed,
        note: note ?? '',
        at: now().toISOString(),
      };
      const reviews = [
        ...(c.cancer.reviews ?? []).filter((r) => r.variantKey !== variantKey),
        review,
      ];
      rewriteManifest(c.dir, c.folder, cases.owner().user, c.dataKey, {
        ...c.manifest,
        cancer: { ...c.cancer, reviews },
      });
      cases.changed();
      return { reviews };
    },
    'cancer:germline': ({ caseId }) => {
      const panel = panels().find((p) => p.id === 'cancer');
      if (panel === undefined)
        throw new Error('The cancer-predisposition panel is missing from resources/genome.');
      return germlineFindings(cases, caseId, panel);
    },
    'cancer:gene': ({ gene }) => {
      const r = geneRole(gene);
      return {
        gene,
        hotspots: geneHotspots(gene),
        threeD: gene3dResidues(gene),
        role:
          r === null
            ? null
            : [r.oncogene && 'oncogene', r.tumourSuppressor && 'tumour suppressor']
                .filter(Boolean)
                .join(', ') || null,
        source: KNOWLEDGE_VERSIONS.hotspots,
      };
    },
  };
}

/** The somatic filter's presets (decision 0079): the Somatic tab's and `case variants --preset`. */
export function somaticPresetHandlers(
  presets: SomaticPresets,
): Pick<Handlers, 'cancer:presets' | 'cancer:savePreset' | 'cancer:deletePreset'> {
  return {
    'cancer:presets': () => presets.view(),
    'cancer:savePreset': (p) => presets.save(p),
    'cancer:deletePreset': ({ name }) => presets.remove(name),
  };
}

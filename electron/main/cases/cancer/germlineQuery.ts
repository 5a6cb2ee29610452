import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { GermlineResult } from '../../../../shared/cancer/germline';
import { germlineSql, GermlineRowSchema } from '../../../../shared/cancer/germline';
import type { Panel } from '../../../../shared/cases/channels';
import { HandlerError } from '../../ipc/router';
import { withAttachedCase } from '../attachedCase';
import { casesRoot, STAGING_DIR } from '../caseFolder';
import type { CaseService } from '../caseService';

const numOrNull = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

/**
 * The cancer-predisposition superpanel (the shipped `cancer` panel: CPSR, ../shared/data/panels)
 * applied to a cancer case's germline sample, its matched normal (issue 19). A tumour-only case
 * answers with no sample and no rows: predisposition cannot be read from the tumour.
 */
export async function germlineFindings(
  cases: CaseService,
  caseId: string,
  panel: Panel,
): Promise<GermlineResult> {
  const c = cases.find(caseId);
  const cancer = c?.manifest.cancer;
  if (c === undefined || cancer === undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      `Case "${caseId}" is not a cancer case: the predisposition view reads a cancer case's normal sample.`,
      'caseId',
    );
  const info = { label: panel.label, version: panel.version, genes: panel.genes.length };
  if (cancer.normal === null) return { sample: null, panel: info, total: 0, rows: [] };
  const read = await cases.openDatabase(caseId);
  if (!read.ok) throw new HandlerError('NOT_ALLOWED', read.message, caseId);
  return withAttachedCase(
    {
      bytes: read.bytes,
      scratchDir: join(
        casesRoot(cases.owner().userDir),
        STAGING_DIR,
        `query-${randomBytes(6).toString('hex')}`,
      ),
      name: 'germline',
    },
    async (conn, alias) => {
      const q = germlineSql(alias, panel.genes);
      const n = (await conn.runAndReadAll(q.count)).getRowObjectsJS()[0]?.n;
      const rows = (await conn.runAndReadAll(q.rows)).getRowObjectsJS();
      return {
        sample: cancer.normal,
        panel: info,
        total: Number(n ?? 0),
        rows: rows.map((r) =>
          GermlineRowSchema.parse({
            ...r,
            pos: Number(r.pos),
            alt_count: numOrNull(r.alt_count),
            dp: numOrNull(r.dp),
          }),
        ),
      };
    },
  );
}

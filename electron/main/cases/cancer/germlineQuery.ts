import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CancerRecord } from '../../../../shared/cancer/cancerCase';
import type { GermlineResult } from '../../../../shared/cancer/germline';
import { germlineSql, GermlineRowSchema } from '../../../../shared/cancer/germline';
import type { Panel } from '../../../../shared/cases/channels';
import { HandlerError } from '../../ipc/router';
import { withAttachedCases } from '../attachedCase';
import { casesRoot, STAGING_DIR } from '../caseFolder';
import type { CaseService, OpenedCase } from '../caseService';
import { readGermlineDatabase } from './germlineFile';
import { words } from '../../../../shared/appError';
import { caseReadRefusal } from '../caseReadRefusal';

const numOrNull = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

/** One read session over a cancer case: its database, and its germline VCF's when it has one. */
export interface CancerSession {
  readonly conn: DuckDBConnection;
  readonly cancer: CancerRecord;
  /** The case database's alias. */
  readonly somatic: string;
  /** The germline VCF's database alias (decision 0059), when the case has one. */
  readonly germline: string | undefined;
}

/**
 * Opens a cancer case once for everything one answer reads (decision 0059: the tumour-board report
 * reads its somatic rows and its germline findings in the same session): the case database is
 * decrypted once (after its upgrade, caseService.openDatabase) and, when the case has a separate
 * germline VCF, that database too; both are attached read-only to one DuckDB instance.
 */
export async function withCancerSession<T>(
  cases: CaseService,
  caseId: string,
  fn: (s: CancerSession) => Promise<T>,
): Promise<T> {
  const cancer = cancerOf(cases.find(caseId), caseId);
  const read = await cases.openDatabase(caseId);
  if (!read.ok) throw caseReadRefusal(read, caseId);
  // Found again after openDatabase: an upgrade may have swapped the folder.
  const c = cases.find(caseId);
  const databases = [{ bytes: read.bytes, name: 'somatic' }];
  if (c !== undefined && cancer.germline !== undefined) {
    try {
      databases.push({ bytes: readGermlineDatabase(c, cases.owner().user), name: 'germline' });
    } catch {
      throw new HandlerError(
        'NOT_ALLOWED',
        'The case’s germline VCF could not be decrypted or failed its integrity check.',
        caseId,
        words('germlineUnreadable', { caseId }),
      );
    }
  }
  return withAttachedCases(
    {
      scratchDir: join(
        casesRoot(cases.owner().userDir),
        STAGING_DIR,
        `query-${randomBytes(6).toString('hex')}`,
      ),
      databases,
    },
    (conn, [somatic = '', germline]) => fn({ conn, cancer, somatic, germline }),
  );
}

function cancerOf(c: OpenedCase | undefined, caseId: string): CancerRecord {
  const cancer = c?.manifest.cancer;
  if (cancer === undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      `Case "${caseId}" is not a cancer case: the predisposition view reads a cancer case's normal sample.`,
      'caseId',
      words('notCancerForGermline', { caseId }),
    );
  return cancer;
}

const panelInfo = (panel: Panel): GermlineResult['panel'] => ({
  label: panel.label,
  version: panel.version,
  genes: panel.genes.length,
});

const notAssessed = (panel: Panel): GermlineResult => ({
  sample: null,
  file: null,
  panel: panelInfo(panel),
  total: 0,
  rows: [],
});

/**
 * The cancer-predisposition superpanel (the shipped `cancer` panel: CPSR, ../shared/data/panels)
 * applied to a cancer case's germline sample (issue 19): the sample of its separate germline VCF
 * when it has one (decision 0059), else its matched normal. A tumour-only case without a germline
 * VCF answers with no sample and no rows: predisposition cannot be read from the tumour.
 */
export async function readGermline(s: CancerSession, panel: Panel): Promise<GermlineResult> {
  const file = s.cancer.germline;
  const sample = file?.sample ?? s.cancer.normal;
  if (sample === null) return notAssessed(panel);
  const info = panelInfo(panel);
  const q =
    file === undefined || s.germline === undefined
      ? germlineSql(s.somatic, panel.genes, 'normal')
      : germlineSql(s.germline, panel.genes, 'germline-vcf');
  const n = (await s.conn.runAndReadAll(q.count)).getRowObjectsJS()[0]?.n;
  const rows = (await s.conn.runAndReadAll(q.rows)).getRowObjectsJS();
  return {
    sample,
    file: file?.name ?? null,
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
}

/** `cancer:germline`: the predisposition view in a session of its own. */
export async function germlineFindings(
  cases: CaseService,
  caseId: string,
  panel: Panel,
): Promise<GermlineResult> {
  const cancer = cancerOf(cases.find(caseId), caseId);
  // A tumour-only case is answered without decrypting anything.
  if (cancer.normal === null && cancer.germline === undefined) return notAssessed(panel);
  return withCancerSession(cases, caseId, (s) => readGermline(s, panel));
}

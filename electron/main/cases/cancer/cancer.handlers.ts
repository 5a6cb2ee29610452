import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Handlers } from '../../ipc/router';
import { HandlerError } from '../../ipc/router';
import { casesRoot, STAGING_DIR } from '../caseFolder';
import type { CaseService } from '../caseService';
import { querySomaticBytes } from './somaticQuery';

/** Handlers for cancer:* channels (issue 19). */
export function cancerHandlers(cases: CaseService): Pick<Handlers, 'cancer:somatic'> {
  return {
    'cancer:somatic': async ({ caseId, filter, limit, offset }) => {
      const c = cases.find(caseId);
      if (c === undefined)
        throw new HandlerError(
          'INVALID_REQUEST',
          cases.wrapKey(cases.owner()) === undefined
            ? 'Unlock the vault to open cases.'
            : `There is no case "${caseId}".`,
          'caseId',
        );
      if (c.manifest.cancer === undefined)
        throw new HandlerError(
          'INVALID_REQUEST',
          `Case "${caseId}" is not a cancer case: it has no somatic calls. Import the tumour VCF as a cancer case.`,
          'caseId',
        );
      const read = cases.readDatabase(caseId);
      if (!read.ok) throw new HandlerError('NOT_ALLOWED', read.message, caseId);
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
  };
}

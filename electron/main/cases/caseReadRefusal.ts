import { words } from '../../../shared/appError';
import { HandlerError } from '../ipc/router';
import type { CaseRead, CaseService } from './caseService';

/**
 * A case database that could not be read, as the refusal the page shows: locked vault (423), no
 * such case (404), or a file that failed decryption (500), worded by the renderer (decision 0063).
 */
export function caseReadRefusal(
  read: Extract<CaseRead, { ok: false }>,
  caseId: string,
): HandlerError {
  const said =
    read.status === 423
      ? words('unlockToOpenCases')
      : read.status === 404
        ? words('noCase', { caseId })
        : words('caseUnreadable', { caseId });
  return new HandlerError('NOT_ALLOWED', read.message, caseId, said);
}

/** A case the owner does not have: the vault is locked, or there is no such case. */
export function noCaseRefusal(
  cases: { wrapKey: CaseService['wrapKey']; owner: CaseService['owner'] },
  caseId: string,
): HandlerError {
  return cases.wrapKey(cases.owner()) === undefined
    ? new HandlerError(
        'INVALID_REQUEST',
        'Unlock the vault to open cases.',
        'caseId',
        words('unlockToOpenCases'),
      )
    : new HandlerError(
        'INVALID_REQUEST',
        `There is no case "${caseId}".`,
        'caseId',
        words('noCase', { caseId }),
      );
}

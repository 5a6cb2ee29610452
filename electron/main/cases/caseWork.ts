import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseWork, WorkChange } from '../../../shared/cases/workChannels';
import { CaseWorkSchema } from '../../../shared/cases/workChannels';
import { applyWorkChange, emptyWork, WorkRefused } from '../../../shared/cases/applyWork';
import type { WorkAuthor } from '../../../shared/cases/author';
import type { AuditLog } from '../audit/auditLog';
import { HandlerError } from '../ipc/router';
import { writeFileAtomic } from '../settings/atomicWrite';
import { openSmall, sealSmall } from '../vault/chunkedCipher';
import type { VaultUser } from '../vault/datasetFolder';
import { caseFileBinding, rewriteManifest } from './caseFolder';
import type { CaseService, OpenedCase } from './caseService';
import { noCaseRefusal } from './caseReadRefusal';

/**
 * A case's work (issue 18) sealed beside its database: `work.sealed` under the case's data key,
 * bound to owner and folder like the manifest, so it goes wherever the case goes and is shredded
 * with it. The status is mirrored into the manifest, which the case list reads.
 */

const FILE = 'work.sealed';

/** The case's work, or an empty one (status from the manifest) when none was written yet. */
export function readCaseWork(c: OpenedCase, user: VaultUser): CaseWork {
  const file = join(c.dir, FILE);
  if (!existsSync(file)) return emptyWork(c.manifest.status);
  const plain = openSmall(
    c.dataKey,
    readFileSync(file),
    caseFileBinding('case-work', user, c.folder),
  );
  return CaseWorkSchema.parse(JSON.parse(plain.toString('utf8')));
}

export function writeCaseWork(c: OpenedCase, user: VaultUser, work: CaseWork): void {
  writeFileAtomic(
    join(c.dir, FILE),
    sealSmall(
      c.dataKey,
      Buffer.from(JSON.stringify(work)),
      caseFileBinding('case-work', user, c.folder),
    ),
  );
}

export interface CaseWorkService {
  get(caseId: string): CaseWork;
  update(caseId: string, change: WorkChange): CaseWork;
  /** The opened case and its work together (the report, the Phenopacket). */
  open(caseId: string): { c: OpenedCase; work: CaseWork; by: WorkAuthor; user: VaultUser };
}

export function createCaseWorkService(opts: {
  cases: CaseService;
  audit: AuditLog;
  now?: () => Date;
}): CaseWorkService {
  const now = opts.now ?? (() => new Date());
  const open = (caseId: string) => {
    const c = opts.cases.find(caseId);
    if (c === undefined) throw noCaseRefusal(opts.cases, caseId);
    const owner = opts.cases.owner();
    // Who writes: main's English label and, for the reader's words, the kind and account (0077).
    const by: WorkAuthor = { label: owner.label, kind: owner.kind, account: owner.user.sub };
    return { c, work: readCaseWork(c, owner.user), by, user: owner.user };
  };
  return {
    get: (caseId) => open(caseId).work,
    open,
    update(caseId, change) {
      const { c, work, by, user } = open(caseId);
      let next: CaseWork;
      try {
        next = applyWorkChange(work, change, by, now().toISOString()).work;
      } catch (error: unknown) {
        if (error instanceof WorkRefused)
          throw new HandlerError('INVALID_REQUEST', error.message, undefined, error.said);
        throw error;
      }
      writeCaseWork(c, user, next);
      if (next.status !== c.manifest.status) {
        rewriteManifest(c.dir, c.folder, user, c.dataKey, { ...c.manifest, status: next.status });
        opts.cases.changed();
      }
      // Readable: the kind of change; sealed: the case (sealedFields.ts).
      opts.audit.append('case.work', { caseId, type: change.kind });
      return next;
    },
  };
}

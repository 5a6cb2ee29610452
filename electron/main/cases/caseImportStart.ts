import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseImportRequestSchema } from '../../../shared/cases/channels';
import { CaseIdSchema } from '../../../shared/cases/channels';
import { resolveMembers } from '../../../shared/cases/members';
import { CASE_SCHEMA_VERSION } from '../../../shared/cases/dbSchema';
import { parsePed } from '../../../shared/cases/pedigree';
import type { z } from 'zod';
import type { AuditLog } from '../audit/auditLog';
import { HandlerError } from '../ipc/router';
import type { CaseManifest } from './caseFolder';
import {
  casesRoot,
  commitCaseFolder,
  databaseBinding,
  newFolderName,
  STAGING_DIR,
  writeCaseRecord,
} from './caseFolder';
import { readHeader, refusalOf, vcfRefusalWords } from './caseInspect';
import { fileRefusalWords } from './fileRefusalWords';
import type { CaseService } from './caseService';
import { genomeAssetsDir } from './genomeAssets';
import { cancerMembers } from '../../../shared/cancer/cancerMembers';
import { cancerMeta, cancerRecord } from './cancer/cancerRecord';
import { germlineJob, germlineRecord } from './cancer/germlineFile';
import { words } from '../../../shared/appError';

type ImportRequest = z.input<typeof CaseImportRequestSchema>;

/** `case-20261206-3fa2`: a default id that says when, never who. */
function defaultCaseId(now: Date): string {
  const d = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `case-${d}-${randomBytes(2).toString('hex')}`;
}

/**
 * Checks an import request (vault open, handle, id free, header readable and GRCh38, PED and
 * mapping consistent: every problem named) and starts the worker. The case appears only when the
 * worker finished and the staged folder was renamed into place.
 */
export async function startCaseImport(
  cases: CaseService,
  audit: AuditLog,
  req: ImportRequest,
  now: () => Date = () => new Date(),
): Promise<{ jobId: string; caseId: string }> {
  const owner = cases.owner();
  const wrapKey = cases.wrapKey(owner);
  if (wrapKey === undefined)
    throw new HandlerError(
      'NOT_ALLOWED',
      'Unlock the vault first: cases are stored encrypted in it.',
      undefined,
      words('unlockForCases'),
    );
  const file = cases.files.get(req.vcf, owner.scope);
  if (file === undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      'That file is no longer available; choose the VCF again.',
      'vcf',
      words('vcfGone'),
    );
  const caseId = req.caseId ?? defaultCaseId(now());
  if (!CaseIdSchema.safeParse(caseId).success)
    throw new HandlerError(
      'INVALID_REQUEST',
      `"${caseId}" cannot be a case id.`,
      'caseId',
      words('badCaseId', { caseId: caseId.slice(0, 200) }),
    );
  const busy = cases.imports
    .jobs()
    .some((j) => j.caseId === caseId && !['done', 'failed', 'cancelled'].includes(j.phase));
  if (busy || cases.find(caseId) !== undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      `A case "${caseId}" already exists; choose another id.`,
      'caseId',
      words('caseExists', { caseId }),
    );
  const { header, summary, noRecords } = await readHeader(file);
  const refusal = refusalOf(file.name, header, summary, noRecords);
  if (refusal !== undefined || header === undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      refusal ?? `${file.name} has no header.`,
      file.name,
      vcfRefusalWords(file.name, header, summary, noRecords),
    );
  const ped =
    req.ped === undefined
      ? undefined
      : { name: req.ped.name, ...parsePed(req.ped.name, req.ped.text) };
  const pedProblem = ped?.problems[0];
  if (pedProblem !== undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      `${pedProblem.file ?? 'PED'}${pedProblem.line === undefined ? '' : `:${String(pedProblem.line)}`}: ${pedProblem.message}`,
      'ped',
      fileRefusalWords({ ...pedProblem, file: pedProblem.file ?? ped?.name }),
    );
  const resolved =
    req.cancer === undefined
      ? resolveMembers({
          samples: header.samples,
          ped,
          links: req.links ?? [],
          proband: req.proband,
          sex: req.sex,
        })
      : cancerMembers(header.samples, req.cancer, req.sex);
  const cancer = req.cancer && cancerRecord(header, req.cancer);
  const problem = resolved.problems[0];
  if (problem !== undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      problem.message,
      problem.sample ?? problem.member ?? 'links',
      fileRefusalWords({ code: problem.code, params: problem.params }),
    );
  const folder = newFolderName();
  const root = casesRoot(owner.userDir);
  const stagingDir = join(root, STAGING_DIR, folder);
  const dataKey = randomBytes(32);
  const createdAt = now().toISOString();
  const germlineFile = req.cancer?.germline;
  // Checked before the job starts (decision 0059): a refused germline file leaves nothing behind.
  const germline =
    germlineFile &&
    (await germlineJob({
      cases,
      germline: germlineFile,
      sex: req.sex,
      stagingDir,
      folder,
      base: { caseId, dataKey, genomeDir: genomeAssetsDir() },
      meta: { created_at: createdAt },
    }).catch((error: unknown) => {
      rmSync(stagingDir, { recursive: true, force: true });
      throw error;
    }));
  // Held while the import reads them: New case closed meanwhile must not release them.
  const handles = [
    req.vcf,
    ...(req.cancer?.germline === undefined ? [] : [req.cancer.germline.vcf]),
  ];
  for (const h of handles) cases.files.hold(h, true);
  const jobId = cases.imports.start({
    caseId,
    stagingDir,
    job: {
      source: file.source,
      name: file.name,
      // One progress bar over both files: the germline VCF is read first.
      size: file.size + (germline?.size ?? 0),
      members: resolved.members,
      caseId,
      dataKey,
      binding: databaseBinding(owner.user, folder),
      genomeDir: genomeAssetsDir(),
      meta: { created_at: createdAt, vcf_name: file.name, ...(cancer && cancerMeta(cancer)) },
      ...(cancer && { cancer: { caller: cancer.caller, tumourType: cancer.tumourType } }),
      ...(germline && { germline }),
    },
    commit(stats, germlineStats) {
      const manifest: CaseManifest = {
        v: 1,
        caseId,
        createdAt,
        patientId: req.patientId,
        sex: req.sex,
        note: req.note ?? '',
        phenotype: req.phenotype ?? { observed: [], excluded: [] },
        status: 'new',
        members: resolved.members.map((m) => ({
          sampleIdx: m.sampleIdx,
          sample: m.sample,
          member: m.member,
          role: m.role,
          sex: m.sex,
          affected: m.affected,
        })),
        vcf: {
          name: file.name,
          version: stats.version,
          container: stats.container,
          records: stats.records,
          variants: stats.variants,
          skipped: stats.skipped,
          warnings: stats.warnings,
          annotations: stats.annotationSources,
          frequencyFields: stats.frequencyFields,
        },
        pedName: req.ped?.name ?? null,
        phenopacketName: req.phenopacketName ?? null,
        ...(cancer && {
          cancer: {
            ...cancer,
            ...(germline && { germline: germlineRecord(germline, germlineStats) }),
          },
        }),
        database: {
          sha256: stats.sha256,
          plainBytes: stats.plainBytes,
          sealedBytes: stats.sealedBytes,
        },
        schema: CASE_SCHEMA_VERSION,
      };
      // The owner may have locked the vault meanwhile: then the case cannot be sealed and is dropped.
      const key = cases.wrapKey(owner);
      if (key === undefined) throw new Error('the vault was locked during the import');
      writeCaseRecord({
        dir: stagingDir,
        folder,
        user: owner.user,
        masterKey: key,
        dataKey,
        manifest,
      });
      commitCaseFolder(stagingDir, join(root, folder));
      audit.append('case.import', {
        caseId,
        rows: stats.variants,
        count: resolved.members.length,
        bytes: stats.sealedBytes,
      });
      cases.changed();
    },
    onEnd(p) {
      dataKey.fill(0);
      // DATA-02/DATA-03 (issue 16): an upload's encrypted copy (browser mode) has served once the
      // import ended, done, failed or cancelled: it goes now, not when its handle expires. A file
      // chosen on disk (Electron, the CLI) is the user's own and only its handle stays.
      for (const handle of handles) {
        cases.files.hold(handle, false);
        if (cases.files.get(handle, owner.scope)?.source.kind === 'spool') cases.files.drop(handle);
      }
      if (p.phase === 'failed') audit.append('case.import_failed', { caseId, detail: p.message });
    },
  });
  return { jobId, caseId };
}

import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDetail, CaseList, CaseProgress } from '../../../shared/cases/channels';
import { caseDatabasePath } from '../../../shared/cases/channels';
import { caseKind } from '../../../shared/cancer/cancerCase';
import { caseDatabaseName, caseRegisteredFile } from '../../../shared/cases/dbSchema';
import type { AuditLog } from '../audit/auditLog';
import type { AuthService } from '../auth/authService';
import type { Logger } from '../logging/logger';
import type { KeyDeriver } from '../vault/keyHierarchy';
import type { StateOwner } from '../vault/userState';
import type { VaultService } from '../vault/vaultService';
import type { CaseManifest } from './caseFolder';
import {
  caseFolders,
  casesRoot,
  deleteCaseFolder,
  readCaseDatabase,
  readCaseRecord,
  sweepCaseStaging,
} from './caseFolder';
import type { CaseOwner } from './caseOwner';
import { caseOwnerOf, caseWrapKey } from './caseOwner';
import type { FileHandles } from './files/fileHandles';
import { createFileHandles } from './files/fileHandles';
import { upgradeCase } from './caseUpgrade';
import type { CaseImports } from './import/caseImports';
import type { ImportWorkerSpec } from './import/caseImports';
import { createCaseImports } from './import/caseImports';

/** A case found on disk, opened with the owner's key. */
export interface OpenedCase {
  readonly folder: string;
  readonly dir: string;
  readonly dataKey: Buffer;
  readonly manifest: CaseManifest;
}

export type CaseRead = { ok: true; bytes: Buffer } | { ok: false; status: number; message: string };

/** The patient cases of the app's owner (issue 16): list, open, read, delete; imports via `imports`. */
export interface CaseService {
  owner(): CaseOwner;
  /** The owner's key-wrapping key, or undefined while the vault is locked. */
  wrapKey(owner: CaseOwner): Buffer | undefined;
  list(): CaseList;
  find(caseId: string): OpenedCase | undefined;
  detail(caseId: string): CaseDetail;
  /** The decrypted case database for the /cases route, or why not. */
  readDatabase(caseId: string): CaseRead;
  /**
   * readDatabase after upgrading an older case to the current schema once (decision 0035); a failed
   * upgrade is logged and the unchanged case is read (the page says why it cannot open it).
   */
  openDatabase(caseId: string): Promise<CaseRead>;
  remove(caseId: string): boolean;
  readonly files: FileHandles;
  readonly imports: CaseImports;
  readonly spoolDir: string;
  /** The owner's per-user state folder and key (for saved presets), as vault/userState.ts wants it. */
  stateOwner(): StateOwner;
  changed(): void;
  onChange(listener: (l: CaseList) => void): () => void;
  close(): Promise<void>;
}

export function createCaseService(opts: {
  dataDir: string;
  /** The vault's folder (cacheLocation.ts: the policy's or the user's cache location); cases live in it. */
  vaultRoot: string;
  auth: Pick<AuthService, 'grants'>;
  vault: Pick<VaultService, 'locked' | 'onKeys'>;
  audit: AuditLog;
  logger: Logger;
  onProgress: (p: CaseProgress) => void;
  account?: () => string;
  /** The import worker's script (caseImports.ts; bench only). */
  importWorker?: ImportWorkerSpec;
}): CaseService {
  const vaultRoot = opts.vaultRoot;
  const spoolDir = join(opts.dataDir, 'case-uploads');
  // After a crash: staged imports (plaintext scratch included) and unreadable upload spools go.
  const swept = sweepCaseStaging(vaultRoot);
  rmSync(spoolDir, { recursive: true, force: true });
  mkdirSync(spoolDir, { recursive: true, mode: 0o700 });
  if (swept > 0) opts.logger.info('case.staging_swept', { count: swept });
  let derive: KeyDeriver | undefined;
  const offKeys = opts.vault.onKeys((d) => {
    derive = d;
  });
  const listeners = new Set<(l: CaseList) => void>();
  const files = createFileHandles();
  const imports = createCaseImports({
    logger: opts.logger,
    onProgress: opts.onProgress,
    ...(opts.importWorker && { worker: opts.importWorker }),
  });
  const owner = (): CaseOwner => caseOwnerOf(opts.auth, vaultRoot, opts.account);
  const wrapKey = (o: CaseOwner): Buffer | undefined =>
    opts.vault.locked() ? undefined : caseWrapKey(derive, o);

  function opened(o: CaseOwner, key: Buffer): OpenedCase[] {
    const root = casesRoot(o.userDir);
    const out: OpenedCase[] = [];
    for (const folder of caseFolders(root)) {
      const dir = join(root, folder);
      try {
        out.push({ folder, dir, ...readCaseRecord(dir, folder, o.user, key) });
      } catch (error: unknown) {
        opts.logger.warn('case.unreadable', { folder, error });
      }
    }
    return out;
  }

  function changed(): void {
    const l = service.list();
    for (const f of listeners) f(l);
  }

  const service: CaseService = {
    owner,
    wrapKey,
    files,
    imports,
    spoolDir,
    stateOwner() {
      const o = owner();
      const dir = join(o.userDir, '.user');
      if (opts.vault.locked() || derive === undefined) return { user: o.user, dir };
      try {
        return { user: o.user, dir, key: derive('user-state', o.scope) };
      } catch {
        return { user: o.user, dir };
      }
    },
    list() {
      const o = owner();
      const key = wrapKey(o);
      // The account's name beside main's English label, so the page words it (issue 22).
      const base = { owner: { kind: o.kind, label: o.label, account: o.user.sub } };
      if (key === undefined)
        return {
          ...base,
          cases: [],
          locked: true,
          message: 'Unlock the vault to see your cases.',
          why: 'vault-locked',
        };
      const cases = opened(o, key)
        .map(({ manifest: m, dir }) => ({
          caseId: m.caseId,
          createdAt: m.createdAt,
          patientId: m.patientId,
          sex: m.sex,
          samples: m.members.length,
          variants: m.vcf.variants,
          phenotypes: m.phenotype.observed.length + m.phenotype.excluded.length,
          status: m.status,
          vcfName: m.vcf.name,
          bytes: existsSync(join(dir, 'data.duckdb.sealed'))
            ? statSync(join(dir, 'data.duckdb.sealed')).size
            : 0,
          ...caseKind(m.cancer),
        }))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
      return { ...base, cases, locked: false };
    },
    find(caseId) {
      const o = owner();
      const key = wrapKey(o);
      return key === undefined
        ? undefined
        : opened(o, key).find((c) => c.manifest.caseId === caseId);
    },
    detail(caseId) {
      const c = service.find(caseId);
      if (c === undefined) throw new Error(`no case ${caseId}`);
      const m = c.manifest;
      return {
        caseId: m.caseId,
        createdAt: m.createdAt,
        patientId: m.patientId,
        sex: m.sex,
        samples: m.members.length,
        variants: m.vcf.variants,
        phenotypes: m.phenotype.observed.length + m.phenotype.excluded.length,
        status: m.status,
        vcfName: m.vcf.name,
        bytes: m.database.sealedBytes,
        ...caseKind(m.cancer),
        note: m.note,
        phenotype: m.phenotype,
        members: m.members,
        vcf: {
          name: m.vcf.name,
          version: m.vcf.version,
          container: m.vcf.container,
          records: m.vcf.records,
          annotations: m.vcf.annotations,
          frequencyFields: m.vcf.frequencyFields,
          warnings: m.vcf.warnings,
          skipped: m.vcf.skipped,
        },
        database: {
          path: caseDatabasePath(m.caseId),
          registeredFile: caseRegisteredFile(c.folder),
          alias: caseDatabaseName(c.folder),
        },
        pedName: m.pedName,
        phenopacketName: m.phenopacketName,
        ...(m.cancer === undefined ? {} : { cancer: m.cancer }),
      };
    },
    readDatabase(caseId) {
      const o = owner();
      const key = wrapKey(o);
      if (key === undefined) return { ok: false, status: 423, message: 'The vault is locked.' };
      const c = opened(o, key).find((x) => x.manifest.caseId === caseId);
      if (c === undefined) return { ok: false, status: 404, message: 'No such case.' };
      try {
        return {
          ok: true,
          bytes: readCaseDatabase(c.dir, c.folder, o.user, c.dataKey, c.manifest),
        };
      } catch (error: unknown) {
        opts.logger.warn('case.read_failed', { folder: c.folder, error });
        return {
          ok: false,
          status: 500,
          message: 'The case could not be decrypted or failed its integrity check.',
        };
      }
    },
    async openDatabase(caseId) {
      await upgradeCase(
        { owner, find: (id) => service.find(id), audit: opts.audit, logger: opts.logger, changed },
        caseId,
      ).catch((error: unknown) => {
        opts.logger.warn('case.upgrade_failed', { error });
      });
      return service.readDatabase(caseId);
    },
    remove(caseId) {
      const c = service.find(caseId);
      if (c === undefined) return false;
      deleteCaseFolder(c.dir);
      opts.audit.append('case.delete', { caseId });
      service.changed();
      return true;
    },
    changed,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      offKeys();
      await imports.close();
      files.close();
    },
  };
  return service;
}

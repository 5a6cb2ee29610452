import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CASE_SCHEMA_VERSION } from '../../../shared/cases/dbSchema';
import { caseUpgradeSql } from '../../../shared/cases/schemaUpgrade';
import type { AuditLog } from '../audit/auditLog';
import type { Logger } from '../logging/logger';
import { sealChunkedFile } from '../vault/chunkedCipher';
import { commitFolder } from '../vault/datasetFolder';
import type { CaseManifest } from './caseFolder';
import {
  casesRoot,
  databaseBinding,
  readCaseDatabase,
  rewriteManifest,
  STAGING_DIR,
} from './caseFolder';
import type { CaseOwner } from './caseOwner';
import { GERMLINE_DB_FILE, germlineBinding, readGermlineDatabase } from './cancer/germlineFile';
import { loadPanels } from './genomeAssets';
import { privateWal } from './import/caseDbWriter';
import type { OpenedCase } from './caseService';

/**
 * Old cases brought to the current case schema once, natively, in main (decision 0035), the way
 * cacheUpgrade.ts does it for cohort caches (issue 20): the verified plaintext (readCaseDatabase:
 * the same binding and checksum checks as any read) is written 0600 into a 0700 scratch folder in
 * the owner's case staging (swept at start after a crash), altered with native DuckDB, sealed
 * under the case's own data key and binding, and the case folder is swapped whole (commitFolder:
 * a crash leaves the old folder or the new one, never a mix; recoverFolders restores an old one
 * whose swap was cut). A cancer case's separate germline database (decision 0059) is upgraded
 * with it, in the same swap (decision 0068). A failure of either leaves the case as it was; the
 * page then says why it cannot open it. Audited as `case.upgrade` (counts, no content).
 */

export interface CaseUpgradeDeps {
  owner(): CaseOwner;
  find(caseId: string): OpenedCase | undefined;
  readonly audit: AuditLog;
  readonly logger: Logger;
  changed(): void;
}

/** The schema the manifest records; cases sealed before 0035 do not say (their database does). */
export const needsCaseUpgrade = (m: CaseManifest): boolean => (m.schema ?? 0) < CASE_SCHEMA_VERSION;

const running = new Map<string, Promise<boolean>>();

/**
 * Upgrades the owner's case when it is older than this app; true when it was rewritten. Concurrent
 * calls for one case share one upgrade. Throws when the upgrade failed (the case is unchanged).
 */
export function upgradeCase(d: CaseUpgradeDeps, caseId: string): Promise<boolean> {
  const key = `${d.owner().userDir}\u0000${caseId}`;
  const pending = running.get(key);
  if (pending !== undefined) return pending;
  const job = rewrite(d, caseId).finally(() => running.delete(key));
  running.set(key, job);
  return job;
}

/** One sealed database of a case folder: the case's, or a cancer case's germline VCF's. */
interface SealedDatabase {
  readonly sealedName: string;
  readonly binding: Buffer;
  /** The verified plaintext (binding and sha256 against the manifest). */
  read(): Buffer;
}

/**
 * The databases the upgrade rewrites: the case's and, for a cancer case with a separate germline
 * VCF (decision 0059), that one too: it is written by the same import at the same schema, and read
 * by the Germline tab and the tumour board after the upgrade (issue 19).
 */
function databasesOf(c: OpenedCase, user: CaseOwner['user']): SealedDatabase[] {
  const own: SealedDatabase = {
    sealedName: 'data.duckdb.sealed',
    binding: databaseBinding(user, c.folder),
    read: () => readCaseDatabase(c.dir, c.folder, user, c.dataKey, c.manifest),
  };
  if (c.manifest.cancer?.germline === undefined) return [own];
  return [
    own,
    {
      sealedName: GERMLINE_DB_FILE,
      binding: germlineBinding(user, c.folder),
      read: () => readGermlineDatabase(c, user),
    },
  ];
}

/** What a rewrite seals: the manifest's record of each database it changed. */
function manifestAfter(
  m: CaseManifest,
  changed: ReadonlyMap<string, { sha256: string; sealedBytes: number; plainBytes: number }>,
): CaseManifest {
  const own = changed.get('data.duckdb.sealed');
  const germline = changed.get(GERMLINE_DB_FILE);
  return {
    ...m,
    schema: CASE_SCHEMA_VERSION,
    ...(own && { database: own }),
    ...(germline &&
      m.cancer?.germline && {
        cancer: { ...m.cancer, germline: { ...m.cancer.germline, ...germline } },
      }),
  };
}

async function rewrite(d: CaseUpgradeDeps, caseId: string): Promise<boolean> {
  const o = d.owner();
  const before = d.find(caseId);
  if (before === undefined || !needsCaseUpgrade(before.manifest)) return false;
  const work = join(casesRoot(o.userDir), STAGING_DIR, `upgrade-${randomBytes(8).toString('hex')}`);
  const scratch = join(work, 'scratch');
  const t0 = performance.now();
  try {
    mkdirSync(scratch, { recursive: true, mode: 0o700 });
    const files: { db: SealedDatabase; file: string; from: number }[] = [];
    for (const db of databasesOf(before, o.user)) {
      const plain = db.read();
      const file = join(scratch, `${randomBytes(8).toString('hex')}.duckdb`);
      try {
        writeFileSync(file, plain, { mode: 0o600, flag: 'wx' });
      } finally {
        plain.fill(0);
      }
      files.push({ db, file, from: await upgradeCaseFile(file, scratch) });
    }
    const from = files[0]?.from ?? 0;
    // A newer app's case: left as it is (the page asks for an update when it is opened).
    if (files.some((f) => f.from > CASE_SCHEMA_VERSION)) return false;
    // From here to the swap nothing awaits: a delete, a status change or a lock during the build is
    // seen here, and none can happen between this check and the rename.
    const now = d.find(caseId);
    if (
      d.owner().userDir !== o.userDir ||
      now?.folder !== before.folder ||
      now.manifest.database.sha256 !== before.manifest.database.sha256 ||
      now.manifest.cancer?.germline?.sha256 !== before.manifest.cancer?.germline?.sha256
    )
      return false;
    const altered = files.filter((f) => f.from < CASE_SCHEMA_VERSION);
    if (altered.length === 0) {
      // Already current (sealed before manifests recorded the schema): recorded, nothing rewritten.
      rewriteManifest(now.dir, now.folder, o.user, now.dataKey, {
        ...now.manifest,
        schema: from,
      });
      return false;
    }
    const out = join(work, 'out');
    mkdirSync(out, { mode: 0o700 });
    const rewritten = new Set(['manifest.sealed', ...altered.map((f) => f.db.sealedName)]);
    // The wrapped key, the case work and an unchanged database are kept as they are (same key,
    // same folder binding).
    for (const name of readdirSync(now.dir))
      if (!rewritten.has(name)) copyFileSync(join(now.dir, name), join(out, name));
    const changed = new Map<string, { sha256: string; sealedBytes: number; plainBytes: number }>();
    for (const f of altered) {
      const sealed = sealChunkedFile(now.dataKey, f.file, join(out, f.db.sealedName), f.db.binding);
      changed.set(f.db.sealedName, { ...sealed, plainBytes: statSync(f.file).size });
    }
    rewriteManifest(out, now.folder, o.user, now.dataKey, manifestAfter(now.manifest, changed));
    rmSync(scratch, { recursive: true, force: true });
    commitFolder(out, now.dir);
    d.audit.append('case.upgrade', {
      caseId,
      from,
      to: CASE_SCHEMA_VERSION,
      count: altered.length,
      bytes: [...changed.values()].reduce((n, x) => n + x.sealedBytes, 0),
    });
    d.logger.info('case.upgraded', {
      from,
      to: CASE_SCHEMA_VERSION,
      databases: altered.length,
      ms: Math.round(performance.now() - t0),
    });
    d.changed();
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Alters the plaintext case file in place to the current schema; returns the schema it had. The
 * WAL DuckDB writes beside it is checkpointed away before this returns (DETACH).
 */
export async function upgradeCaseFile(file: string, scratch: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '2',
    autoinstall_known_extensions: 'false',
    temp_directory: join(scratch, 'spill'),
  });
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH '${file.replaceAll("'", "''")}' AS old`);
    const from = Number(
      (
        await conn.runAndReadAll(
          `SELECT max(TRY_CAST(value AS INTEGER)) AS v FROM old.main.case_meta WHERE key = 'schema_version'`,
        )
      ).getRowObjectsJS()[0]?.v ?? 0,
    );
    if (from > CASE_SCHEMA_VERSION) return from;
    const statements = caseUpgradeSql('old', from, loadPanels());
    if (statements.length > 0) {
      await conn.run('BEGIN');
      for (const sql of statements) {
        await conn.run(sql);
        privateWal(file);
      }
      await conn.run('COMMIT');
      privateWal(file);
    }
    await conn.run('DETACH old');
    return from;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CancerRecordSchema } from '../../../shared/cancer/cancerCase';
import {
  CaseStatusSchema,
  PhenotypeSchema,
  RoleSchema,
  SexSchema,
} from '../../../shared/cases/channels';
import { canonicalJson } from '../audit/canonicalJson';
import { writeFileAtomic } from '../settings/atomicWrite';
import { openChunked, openSmall, sealSmall } from '../vault/chunkedCipher';
import type { VaultUser } from '../vault/datasetFolder';
import { recoverFolders } from '../vault/datasetFolder';

/**
 * One case on disk (issue 16), laid out like a vault dataset (decisions 0006, 0010, 0011):
 * `<vault>/<scope>/.cases/<folder>/` holds `key.wrapped` (a random data key wrapped by the vault
 * master key, bound to the owner and folder), `manifest.sealed` (the case record below, under the
 * data key) and `data.duckdb.sealed` (the case database, chunked AES-256-GCM bound to owner and
 * folder; its plaintext sha256 is in the manifest, so an older copy cannot be swapped back in).
 * The folder name is random: no case id, patient id, sample or gene appears in any path or
 * plaintext byte. Imports are staged in `.cases/.staging/<job>/` and renamed into place whole.
 */

export const CASES_DIR = '.cases';
export const STAGING_DIR = '.staging';

export const CaseManifestZ = z.object({
  v: z.literal(1),
  caseId: z.string(),
  createdAt: z.string(),
  patientId: z.string(),
  sex: SexSchema,
  note: z.string(),
  phenotype: PhenotypeSchema,
  status: CaseStatusSchema,
  members: z.array(
    z.object({
      sampleIdx: z.number().int(),
      sample: z.string(),
      member: z.string(),
      role: RoleSchema,
      sex: SexSchema,
      affected: z.boolean().nullable(),
    }),
  ),
  vcf: z.object({
    name: z.string(),
    version: z.string(),
    container: z.string(),
    records: z.number().int(),
    variants: z.number().int(),
    skipped: z.number().int(),
    warnings: z.number().int(),
    annotations: z.array(z.string()),
    frequencyFields: z.array(z.string()),
  }),
  pedName: z.string().nullable(),
  phenopacketName: z.string().nullable(),
  cancer: CancerRecordSchema.optional(),
  database: z.object({
    sha256: z.string(),
    plainBytes: z.number().int(),
    sealedBytes: z.number().int(),
  }),
  /** The database's case schema (dbSchema.ts); absent in cases written before decision 0035. */
  schema: z.number().int().optional(),
});
export type CaseManifest = z.infer<typeof CaseManifestZ>;

const enc = (what: string, user: VaultUser, folder: string): Buffer =>
  Buffer.from(canonicalJson({ v: 1, what, iss: user.iss, sub: user.sub, folder }), 'utf8');

/** The binding of another sealed file of the case (issue 18: `case-work`). */
export const caseFileBinding = (what: string, user: VaultUser, folder: string): Buffer =>
  enc(what, user, folder);

/** The binding of the sealed database (its chunks' associated data). */
export const databaseBinding = (user: VaultUser, folder: string): Buffer =>
  enc('case-database', user, folder);

/** A fresh random folder name (32 hex). */
export const newFolderName = (): string => randomBytes(16).toString('hex');

/** Where a user's cases live. */
export const casesRoot = (userDir: string): string => join(userDir, CASES_DIR);

/** Writes key.wrapped and manifest.sealed into a staged folder that already holds the database. */
export function writeCaseRecord(opts: {
  dir: string;
  folder: string;
  user: VaultUser;
  masterKey: Buffer;
  dataKey: Buffer;
  manifest: CaseManifest;
}): void {
  const { dir, folder, user } = opts;
  writeFileAtomic(
    join(dir, 'manifest.sealed'),
    sealSmall(
      opts.dataKey,
      Buffer.from(JSON.stringify(opts.manifest)),
      enc('case-manifest', user, folder),
    ),
  );
  writeFileAtomic(
    join(dir, 'key.wrapped'),
    sealSmall(opts.masterKey, opts.dataKey, enc('case-key', user, folder)),
  );
}

/** Opens a case's data key and manifest; throws VaultIntegrityError when either was altered. */
export function readCaseRecord(
  dir: string,
  folder: string,
  user: VaultUser,
  masterKey: Buffer,
): { dataKey: Buffer; manifest: CaseManifest } {
  const dataKey = openSmall(
    masterKey,
    readFileSync(join(dir, 'key.wrapped')),
    enc('case-key', user, folder),
  );
  const plain = openSmall(
    dataKey,
    readFileSync(join(dir, 'manifest.sealed')),
    enc('case-manifest', user, folder),
  );
  return { dataKey, manifest: CaseManifestZ.parse(JSON.parse(plain.toString('utf8'))) };
}

/** Rewrites the manifest (status changes) under the same data key, atomically. */
export function rewriteManifest(
  dir: string,
  folder: string,
  user: VaultUser,
  dataKey: Buffer,
  m: CaseManifest,
): void {
  writeFileAtomic(
    join(dir, 'manifest.sealed'),
    sealSmall(dataKey, Buffer.from(JSON.stringify(m)), enc('case-manifest', user, folder)),
  );
}

/** Decrypts and verifies the case database (sha256 against the sealed manifest). */
export function readCaseDatabase(
  dir: string,
  folder: string,
  user: VaultUser,
  dataKey: Buffer,
  m: CaseManifest,
): Buffer {
  const plain = openChunked(
    dataKey,
    readFileSync(join(dir, 'data.duckdb.sealed')),
    databaseBinding(user, folder),
  );
  const hash = createHash('sha256').update(plain).digest('hex');
  if (hash !== m.database.sha256)
    throw new Error('the case database does not match its sealed record');
  return plain;
}

/** Deletes a case: the wrapped key first (crypto-shredding, DATA-09), then everything else. */
export function deleteCaseFolder(dir: string): void {
  rmSync(join(dir, 'key.wrapped'), { force: true });
  rmSync(dir, { recursive: true, force: true });
}

/** Moves a finished staged folder into place in one rename. */
export function commitCaseFolder(staged: string, target: string): void {
  mkdirSync(join(target, '..'), { recursive: true, mode: 0o700 });
  renameSync(staged, target);
}

/** The case folders of a user (random 32-hex names; staging and anything else skipped). */
export function caseFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((n) => /^[0-9a-f]{32}$/.test(n));
}

/**
 * Removes every staged import and upgrade under every user's vault folder (after a crash: nothing
 * partial), and puts back a case folder whose upgrade swap was cut.
 */
export function sweepCaseStaging(vaultRoot: string): number {
  let removed = 0;
  if (!existsSync(vaultRoot)) return 0;
  for (const scope of readdirSync(vaultRoot)) {
    if (!/^[0-9a-f]{32}$/.test(scope)) continue;
    // A case upgrade cut between its two renames: the old folder comes back (decision 0035).
    recoverFolders(join(vaultRoot, scope, CASES_DIR));
    const staging = join(vaultRoot, scope, CASES_DIR, STAGING_DIR);
    if (!existsSync(staging)) continue;
    for (const job of readdirSync(staging)) {
      rmSync(join(staging, job), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

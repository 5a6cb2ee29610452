import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { VaultManifest, VaultTable } from '../../../shared/domain/vault';
import { VAULT_TABLES, VaultManifestSchema, VisaBindingSchema } from '../../../shared/domain/vault';
import { canonicalJson } from '../audit/canonicalJson';
import { writeFileAtomic } from '../settings/atomicWrite';
import { openChunked, openSmall, sealChunked, sealedLength, sealSmall } from './chunkedCipher';

/**
 * One dataset's folder in the vault (docs/decisions/0006-vault-format.md):
 * `key.wrapped` (data key wrapped by the master key, bound to sub+iss+dataset), `manifest.sealed`
 * (the manifest under the data key), `binding.json` (plaintext: visa binding and retention end, so a
 * purge works while the vault is locked: crypto-shredding needs no key) and `{table}.arrow.sealed`.
 */

/** Who the vault belongs to: a different signed-in user gets another folder and key wrapping. */
export interface VaultUser {
  readonly sub: string;
  readonly iss: string;
}

/** The folder name of a user's vault: not the raw sub (no identifier in paths). */
export function scopeOf(user: VaultUser): string {
  return createHash('sha256').update(`${user.iss}\n${user.sub}`).digest('hex').slice(0, 32);
}

export const BindingFileZ = z.object({
  datasetId: z.string(),
  nodeId: z.string(),
  visa: VisaBindingSchema,
  expiresAt: z.iso.datetime(),
});
export type BindingFile = z.infer<typeof BindingFileZ>;

const enc = (s: string): Buffer => Buffer.from(s, 'utf8');
const keyAad = (user: VaultUser, datasetId: string): Buffer =>
  enc(canonicalJson({ v: 1, what: 'data-key', sub: user.sub, iss: user.iss, datasetId }));
const manifestAad = (user: VaultUser, datasetId: string): Buffer =>
  enc(canonicalJson({ v: 1, what: 'manifest', sub: user.sub, iss: user.iss, datasetId }));
const tableBinding = (manifestHash: string, table: VaultTable, datasetId: string): Buffer =>
  enc(canonicalJson({ v: 1, manifest: manifestHash, table, datasetId }));
const hashOf = (m: VaultManifest): string =>
  createHash('sha256').update(canonicalJson(m)).digest('hex');
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Dataset ids become folder names: only a safe character set. */
export function safeDatasetId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(id) && !id.includes('..');
}

/**
 * Writes a complete dataset folder into `outDir` (fsync per file), ready for commitFolder. Returns
 * the manifest with checksums, row counts and bytes filled in.
 */
export function writeDatasetFolder(opts: {
  outDir: string;
  user: VaultUser;
  masterKey: Buffer;
  manifest: Omit<VaultManifest, 'sha256' | 'bytes'>;
  tables: Record<VaultTable, Uint8Array>;
}): VaultManifest {
  const { outDir, user, tables } = opts;
  const id = opts.manifest.datasetId;
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const manifest: VaultManifest = VaultManifestSchema.parse({
    ...opts.manifest,
    sha256: {
      individuals: sha256(tables.individuals),
      variants: sha256(tables.variants),
      genotypes: sha256(tables.genotypes),
    },
    bytes: VAULT_TABLES.reduce((n, t) => n + sealedLength(tables[t].length), 0),
  });
  const dataKey = randomBytes(32);
  const mHash = hashOf(manifest);
  for (const t of VAULT_TABLES) {
    writeFileAtomic(
      join(outDir, `${t}.arrow.sealed`),
      sealChunked(dataKey, tables[t], tableBinding(mHash, t, id)),
    );
  }
  writeFileAtomic(
    join(outDir, 'manifest.sealed'),
    sealSmall(dataKey, enc(JSON.stringify(manifest)), manifestAad(user, id)),
  );
  const binding: BindingFile = {
    datasetId: id,
    nodeId: manifest.nodeId,
    visa: manifest.visa,
    expiresAt: manifest.expiresAt,
  };
  writeFileAtomic(join(outDir, 'binding.json'), JSON.stringify(binding));
  writeFileAtomic(
    join(outDir, 'key.wrapped'),
    sealSmall(opts.masterKey, dataKey, keyAad(user, id)),
  );
  dataKey.fill(0);
  return manifest;
}

/** Unwraps a dataset's data key; throws VaultIntegrityError for another user's or master key. */
export function unwrapDataKey(
  dir: string,
  user: VaultUser,
  datasetId: string,
  masterKey: Buffer,
): Buffer {
  return openSmall(masterKey, readFileSync(join(dir, 'key.wrapped')), keyAad(user, datasetId));
}

/** Reads and verifies the sealed manifest. */
export function readManifest(
  dir: string,
  user: VaultUser,
  datasetId: string,
  dataKey: Buffer,
): VaultManifest {
  const plain = openSmall(
    dataKey,
    readFileSync(join(dir, 'manifest.sealed')),
    manifestAad(user, datasetId),
  );
  return VaultManifestSchema.parse(JSON.parse(plain.toString('utf8')));
}

/** Decrypts one table and checks it against the manifest's plaintext sha256. */
export function readTable(
  dir: string,
  manifest: VaultManifest,
  table: VaultTable,
  dataKey: Buffer,
): Buffer {
  const sealed = readFileSync(join(dir, `${table}.arrow.sealed`));
  const plain = openChunked(
    dataKey,
    sealed,
    tableBinding(hashOf(manifest), table, manifest.datasetId),
  );
  if (sha256(plain) !== manifest.sha256[table]) throw new Error(`checksum mismatch in ${table}`);
  return plain;
}

/** The plaintext binding (visa, retention end) of a dataset folder, or undefined when unreadable. */
export function readBinding(dir: string): BindingFile | undefined {
  try {
    return BindingFileZ.parse(JSON.parse(readFileSync(join(dir, 'binding.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Moves a finished folder into place atomically: a crash at any point leaves either the old or
 * the new dataset (a leftover `.old-*` is restored or removed by recoverFolders).
 */
export function commitFolder(outDir: string, target: string): void {
  if (existsSync(target)) {
    const old = `${target}.old-${randomBytes(4).toString('hex')}`;
    renameSync(target, old);
    renameSync(outDir, target);
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(outDir, target);
  }
}

/** After a crash: restores an `.old-*` folder whose replacement never arrived, removes the rest. */
export function recoverFolders(userDir: string): void {
  if (!existsSync(userDir)) return;
  for (const name of readdirSync(userDir)) {
    const m = /^(.+)\.old-[0-9a-f]{8}$/.exec(name);
    if (m?.[1] === undefined) continue;
    const target = join(userDir, m[1]);
    if (existsSync(target)) rmSync(join(userDir, name), { recursive: true, force: true });
    else renameSync(join(userDir, name), target);
  }
}

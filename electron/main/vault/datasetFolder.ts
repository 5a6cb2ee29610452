import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultManifest, VaultPart } from '../../../shared/vault/vault';
import { FORMAT_PARTS, formatOf, VaultManifestSchema } from '../../../shared/vault/vault';
import { canonicalJson } from '../audit/canonicalJson';
import { writeFileAtomic } from '../settings/atomicWrite';
import { writeBinding } from './binding';
import { openChunked, openSmall, sealChunked, sealedLength, sealSmall } from './chunkedCipher';

/**
 * One dataset's folder in the vault (docs/decisions/0006-vault-format.md, 0010-vault-duckdb-files.md):
 * `key.wrapped` (data key wrapped by the master key, bound to sub+iss+dataset), `manifest.sealed`
 * (the manifest under the data key), `binding.json` (plaintext visa binding and retention end with a
 * MAC, see binding.ts: a purge works while the vault is locked) and the sealed data:
 * `data.duckdb.sealed` (format duckdb) or, in caches written before 0010, `{table}.arrow.sealed`.
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

const enc = (s: string): Buffer => Buffer.from(s, 'utf8');
const keyAad = (user: VaultUser, datasetId: string): Buffer =>
  enc(canonicalJson({ v: 1, what: 'data-key', sub: user.sub, iss: user.iss, datasetId }));
const manifestAad = (user: VaultUser, datasetId: string): Buffer =>
  enc(canonicalJson({ v: 1, what: 'manifest', sub: user.sub, iss: user.iss, datasetId }));
// `table` keeps its name for the database part too: the binding of 0006 files stays byte-identical.
const tableBinding = (manifestHash: string, table: VaultPart, datasetId: string): Buffer =>
  enc(canonicalJson({ v: 1, manifest: manifestHash, table, datasetId }));

/** The sealed file of one part. */
export const partFile = (part: VaultPart): string =>
  part === 'database' ? 'data.duckdb.sealed' : `${part}.arrow.sealed`;
/** The manifest's hash bound into every part; version 1 manifests had no `format` (0006 files). */
function hashOf(m: VaultManifest): string {
  return createHash('sha256')
    .update(canonicalJson(sealedManifest(m)))
    .digest('hex');
}
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The manifest as sealed: a version 1 (0006) manifest never carried `format`. */
function sealedManifest(m: VaultManifest): Partial<VaultManifest> {
  if (m.schemaVersion !== 1) return m;
  const v1: Partial<VaultManifest> = { ...m };
  delete v1.format;
  return v1;
}

/** Dataset ids become folder names: only a safe character set. */
export function safeDatasetId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(id) && !id.includes('..');
}

/**
 * Writes a complete dataset folder into `outDir` (fsync per file), ready for commitFolder. `parts`
 * must hold exactly the parts of `manifest.format`. Returns the manifest with checksums and bytes.
 */
export function writeDatasetFolder(opts: {
  outDir: string;
  user: VaultUser;
  masterKey: Buffer;
  manifest: Omit<VaultManifest, 'sha256' | 'bytes'>;
  parts: Partial<Record<VaultPart, Uint8Array>>;
}): VaultManifest {
  const { outDir, user } = opts;
  const id = opts.manifest.datasetId;
  const format = formatOf(opts.manifest);
  const parts = FORMAT_PARTS[format].map((p) => {
    const bytes = opts.parts[p];
    if (bytes === undefined) throw new Error(`${format} dataset without ${p}`);
    return [p, bytes] as const;
  });
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const manifest: VaultManifest = VaultManifestSchema.parse({
    ...opts.manifest,
    sha256: Object.fromEntries(parts.map(([p, b]) => [p, sha256(b)])),
    bytes: parts.reduce((n, [, b]) => n + sealedLength(b.length), 0),
  });
  const dataKey = randomBytes(32);
  const mHash = hashOf(manifest);
  for (const [p, bytes] of parts)
    writeFileAtomic(
      join(outDir, partFile(p)),
      sealChunked(dataKey, bytes, tableBinding(mHash, p, id)),
    );
  writeFileAtomic(
    join(outDir, 'manifest.sealed'),
    sealSmall(dataKey, enc(JSON.stringify(sealedManifest(manifest))), manifestAad(user, id)),
  );
  writeBinding(outDir, `${scopeOf(user)}/${id}`, manifest, opts.masterKey);
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
  return openWrappedKey(readFileSync(join(dir, 'key.wrapped')), user, datasetId, masterKey);
}

/** Opens the bytes of a `key.wrapped` file (the caller read them, to notice a changed file). */
export function openWrappedKey(
  wrapped: Buffer,
  user: VaultUser,
  datasetId: string,
  masterKey: Buffer,
): Buffer {
  return openSmall(masterKey, wrapped, keyAad(user, datasetId));
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

/** Decrypts one part and checks it against the manifest's plaintext sha256. */
export function readPart(
  dir: string,
  manifest: VaultManifest,
  part: VaultPart,
  dataKey: Buffer,
): Buffer {
  const sealed = readFileSync(join(dir, partFile(part)));
  const plain = openChunked(
    dataKey,
    sealed,
    tableBinding(hashOf(manifest), part, manifest.datasetId),
  );
  if (sha256(plain) !== manifest.sha256[part]) throw new Error(`checksum mismatch in ${part}`);
  return plain;
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

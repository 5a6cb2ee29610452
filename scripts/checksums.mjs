// SHA-256 sums for every release artefact and, with a GPG key from the environment, a detached
// armoured signature for each artefact and for the sums file (issue 21, Linux signing; the sums cover
// every OS). `node scripts/checksums.mjs <release dir>`; electron-builder runs it after each build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files that are release artefacts (installers, archives, update manifests, the SBOM). */
export const isArtefact = (name) =>
  /\.(AppImage|deb|rpm|exe|msi|dmg|zip|blockmap|yml|cdx\.json)$/.test(name) &&
  name !== 'builder-debug.yml' &&
  name !== 'builder-effective-config.yaml';

/** Writes SHA256SUMS (sha256sum's format, checkable with `sha256sum -c`) and returns its path. */
export function writeChecksums(dir, files) {
  const lines = files
    .map((f) => `${createHash('sha256').update(readFileSync(f)).digest('hex')}  ${basename(f)}`)
    .sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1));
  const out = join(dir, 'SHA256SUMS');
  writeFileSync(out, `${lines.join('\n')}\n`);
  return out;
}

/** Signs each file with `gpg --detach-sign --armor` as keyId; returns the .asc paths. */
export function signDetached(files, { keyId, passphrase, homedir }) {
  const base = [
    '--batch',
    '--yes',
    '--armor',
    '--local-user',
    keyId,
    ...(homedir ? ['--homedir', homedir] : []),
  ];
  const pass = passphrase ? ['--pinentry-mode', 'loopback', '--passphrase-fd', '0'] : [];
  return files.map((file) => {
    execFileSync('gpg', [...base, ...pass, '--output', `${file}.asc`, '--detach-sign', file], {
      input: passphrase ?? '',
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    return `${file}.asc`;
  });
}

/** Sums every artefact in `dir`, and signs them when GPG_KEY_ID is set. Returns the new files. */
export function checksumAndSign(dir, env = process.env) {
  const files = readdirSync(dir)
    .filter(isArtefact)
    .sort()
    .map((n) => join(dir, n))
    .filter((f) => statSync(f).isFile());
  const sums = writeChecksums(dir, files);
  if (!env.GPG_KEY_ID) return { files: [sums], signed: false };
  const signatures = signDetached([...files, sums], {
    keyId: env.GPG_KEY_ID,
    passphrase: env.GPG_PASSPHRASE,
    homedir: env.GNUPGHOME,
  });
  return { files: [sums, ...signatures], signed: true };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'release';
  const { files, signed } = checksumAndSign(dir);
  console.log(`Wrote ${files.length} file(s) in ${dir}.`);
  if (!signed) console.log('UNSIGNED: GPG_KEY_ID is not set, so no detached signatures were made.');
}

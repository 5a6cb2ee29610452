// The SBOM (CycloneDX 1.6, from the installed tree npm ci made from package-lock.json) and the
// third-party licence notices the app shows at Settings → About → Licences (issue 21). Production
// dependencies only. `node scripts/sbom.mjs [outDir]` writes <outDir>/sbom.cdx.json and
// <outDir>/renderer/third-party-licences.json; the build runs it when the lock file changed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs cyclonedx-npm over the production tree and returns the parsed SBOM. */
export function makeSbom(cwd = root) {
  const bin = join(
    cwd,
    'node_modules',
    '@cyclonedx',
    'cyclonedx-npm',
    'bin',
    'cyclonedx-npm-cli.js',
  );
  const text = execFileSync(
    process.execPath,
    [
      bin,
      '--omit',
      'dev',
      '--flatten-components',
      '--gather-license-texts',
      '--output-reproducible',
      '--spec-version',
      '1.6',
      '--output-format',
      'JSON',
      '--output-file',
      '-',
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(text);
}

const declared = (component) =>
  (component.licenses ?? [])
    .map((l) => l.expression ?? l.license?.id ?? l.license?.name)
    .filter(Boolean)
    .join(' OR ') || 'UNKNOWN';

const texts = (component) =>
  (component.evidence?.licenses ?? [])
    .map((l) => l.license?.text)
    .filter((t) => t?.content !== undefined)
    .map((t) =>
      t.encoding === 'base64' ? Buffer.from(t.content, 'base64').toString('utf8') : t.content,
    )
    .join('\n\n');

/** The licence notices from an SBOM: every production component, its declared licence and its texts. */
export function noticesFrom(sbom) {
  const app = sbom.metadata?.component;
  const packages = (sbom.components ?? [])
    // Also the packages cyclonedx-npm marks as development: npm installs them in the production tree
    // (peers such as typescript), so electron-builder ships them.
    .filter((c) => c.type === 'library')
    .map((c) => ({
      name: c.group ? `${c.group}/${c.name}` : c.name,
      version: c.version ?? '',
      license: declared(c),
      text: texts(c),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return { app: app?.name ?? 'cohort-desk', version: app?.version ?? '', packages };
}

/**
 * Writes the SBOM (again only when package-lock.json is newer: cyclonedx-npm takes ~10 s) and the
 * notices from it (always: the renderer build empties out/renderer).
 */
export function writeSbomAndNotices(outDir = join(root, 'out'), { force = false } = {}) {
  const sbomFile = join(outDir, 'sbom.cdx.json');
  const noticesFile = join(outDir, 'renderer', 'third-party-licences.json');
  const lockTime = statSync(join(root, 'package-lock.json')).mtimeMs;
  const reuse = !force && existsSync(sbomFile) && statSync(sbomFile).mtimeMs > lockTime;
  const sbom = reuse ? JSON.parse(readFileSync(sbomFile, 'utf8')) : makeSbom();
  mkdirSync(join(outDir, 'renderer'), { recursive: true });
  if (!reuse) writeFileSync(sbomFile, `${JSON.stringify(sbom, null, 2)}\n`);
  writeFileSync(noticesFile, JSON.stringify(noticesFrom(sbom)));
  return { sbomFile, noticesFile, reused: reuse };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { sbomFile, noticesFile } = writeSbomAndNotices(process.argv[2], { force: true });
  const count = JSON.parse(readFileSync(noticesFile, 'utf8')).packages.length;
  console.log(`Wrote ${sbomFile} and ${noticesFile} (${count} packages).`);
}

// electron-builder afterAllArtifactBuild hook (issue 21): SHA256SUMS (+ GPG signatures on Linux when a
// key is set), the SBOM next to the artefacts, and a plain statement when this build is unsigned.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksumAndSign } from './checksums.mjs';
import { signingStatus } from './signingStatus.mjs';

export default function afterAllArtifactBuild(result) {
  const dir = result.outDir;
  const sbom = join(dir, '..', 'out', 'sbom.cdx.json');
  if (existsSync(sbom)) copyFileSync(sbom, join(dir, 'cohort-desk-sbom.cdx.json'));
  const status = signingStatus(process.platform);
  if (!status.signed) {
    writeFileSync(join(dir, 'UNSIGNED.txt'), `${status.message}\n`);
    console.warn(`\n${'!'.repeat(72)}\n${status.message}\n${'!'.repeat(72)}\n`);
  }
  // GPG signs on Linux only (the key is imported there); the publish job signs the merged sums.
  return checksumAndSign(dir, process.platform === 'linux' ? process.env : {}).files;
}

// electron-builder afterSign hook (issue 21): after packaging, fuse flipping and signing, read the
// fuses back from the packaged binary and check that the pinned update publisher is in app-update.yml.
// Any difference fails the build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFuses } from './fuses.mjs';

export default async function afterSign(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  const binary =
    electronPlatformName === 'darwin'
      ? join(appOutDir, `${name}.app`)
      : electronPlatformName === 'win32'
        ? join(appOutDir, `${name}.exe`)
        : join(appOutDir, packager.executableName);
  const problems = await checkFuses(binary);
  const resources =
    electronPlatformName === 'darwin'
      ? join(binary, 'Contents', 'Resources')
      : join(appOutDir, 'resources');
  const appUpdate = join(resources, 'app-update.yml');
  if (
    electronPlatformName === 'win32' &&
    (!existsSync(appUpdate) || !/^publisherName:/m.test(readFileSync(appUpdate, 'utf8')))
  )
    problems.push(
      `${appUpdate} has no publisherName: updates could not be verified (STANDARDS 5.7 test 6)`,
    );
  if (problems.length > 0)
    throw new Error(`Packaged app check failed:\n- ${problems.join('\n- ')}`);
  console.log(`  • fuses match the production profile  binary=${binary}`);
}

/** Test helper: the generator's small-profile data (generated once, reused by later runs). */
import { ensureData } from '../../generator/index.js';
import { DEFAULT_DATA_ROOT } from '../../federationInfo.js';

/** The manifest dir of the small profile under FEDERATION_DATA_DIR or federation/data. */
export async function testDataDir(): Promise<string> {
  const manifest = await ensureData({
    profile: 'small',
    rootDir: process.env.FEDERATION_DATA_DIR ?? DEFAULT_DATA_ROOT,
  });
  return manifest.dir;
}

import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Data and log folders outside Electron (browser mode, CLI), mirroring Electron's userData layout.
 * The local cache belongs under a non-roaming folder (STANDARDS 5.6), hence LOCALAPPDATA on Windows.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  const override = env.COHORT_DESK_DATA_DIR;
  if (override !== undefined && override !== '') return override;
  if (platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Cohort Desk');
  }
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Cohort Desk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'cohort-desk');
}

/** The log folder inside a data folder. */
export const logDirFor = (dataDir: string): string => join(dataDir, 'logs');

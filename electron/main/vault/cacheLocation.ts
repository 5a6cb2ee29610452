import { isAbsolute, join, posix, win32 } from 'node:path';
import type { SettingProblem } from '../../../shared/settings/settingProblem';

/**
 * Where the cache goes when IT sets no cacheLocation: `<data>/vault`, except on Windows, where the
 * app's data folder (Electron's userData) is in the roaming profile, which may be copied to a server
 * or cloud storage: there the cache goes to `%LOCALAPPDATA%\<app>\vault`, which does not roam
 * (STANDARDS 5.6 "Data location"). The uninstaller and the admin purge command delete both.
 */
export function defaultCacheRoot(
  os: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  dataDir: string,
  appName: string,
): string {
  const local = env.LOCALAPPDATA;
  if (os === 'win32' && local !== undefined && local !== '')
    return win32.join(local, appName, 'vault');
  return (os === 'win32' ? win32 : posix).join(dataDir, 'vault');
}

/**
 * The folder of the encrypted cache (issue 21, policy `cacheLocation`): the platform's default
 * (`<data>/vault`, see defaultCacheRoot) when unset;
 * otherwise the configured absolute path with `${NAME}` replaced by that environment variable (so
 * one policy fits every user, e.g. `${LOCALAPPDATA}\Cohort Desk\vault`, which does not roam:
 * STANDARDS 5.6). A variable that is not set, or a result that is not absolute, keeps the default
 * and says why.
 */
export function resolveCacheLocation(
  setting: string,
  dataDir: string,
  env: NodeJS.ProcessEnv,
  defaultRoot: string = join(dataDir, 'vault'),
): { root: string; problem?: string; problemSaid?: SettingProblem } {
  const fallback = defaultRoot;
  if (setting === '') return { root: fallback };
  const missing: string[] = [];
  const path = setting.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => {
    const value = env[name];
    if (value === undefined || value === '') missing.push(name);
    return value ?? '';
  });
  if (missing.length > 0)
    return {
      root: fallback,
      problem: `the environment variable ${missing.join(', ')} is not set, so the cache stays in ${fallback}`,
      problemSaid: { code: 'env-missing', params: { names: missing.join(', '), fallback } },
    };
  if (!isAbsolute(path))
    return {
      root: fallback,
      problem: `${path} is not an absolute path, so the cache stays in ${fallback}`,
      problemSaid: { code: 'not-absolute', params: { path, fallback } },
    };
  return { root: path };
}

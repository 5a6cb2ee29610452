import { isAbsolute, join } from 'node:path';

/**
 * The folder of the encrypted cache (issue 21, policy `cacheLocation`): `<data>/vault` when unset;
 * otherwise the configured absolute path with `${NAME}` replaced by that environment variable (so
 * one policy fits every user, e.g. `${LOCALAPPDATA}\Cohort Desk\vault`, which does not roam:
 * STANDARDS 5.6). A variable that is not set, or a result that is not absolute, keeps the default
 * and says why.
 */
export function resolveCacheLocation(
  setting: string,
  dataDir: string,
  env: NodeJS.ProcessEnv,
): { root: string; problem?: string } {
  const fallback = join(dataDir, 'vault');
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
    };
  if (!isAbsolute(path))
    return {
      root: fallback,
      problem: `${path} is not an absolute path, so the cache stays in ${fallback}`,
    };
  return { root: path };
}
